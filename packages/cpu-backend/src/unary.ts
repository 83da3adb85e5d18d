// Unary elementwise ops: computed on x's values, rounded/wrapped to x's dtype
// (predicates give bool), then cast to out's dtype.

import { isIntegral } from '@torchlet/tensor/backend';
import type { DType, UnaryOp } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, normalizer } from './cast.js';
import { fastUnary } from './fast/unary.js';
import { isFastDType } from './fast/dtypes.js';
import { erf, erfc, erfinv } from './math/erf.js';
import { mulInt64, roundHalfEven, signbit } from './math/scalar.js';
import { INT64_UNARY } from './int64.js';
import { forChunks, sink, sinkInt64, source, sourceInt64 } from './pipeline.js';
import { CHUNK } from './storage.js';

type Fn = (v: number) => number;

const SQRT_2_OVER_PI = Math.SQRT2 * (2 / Math.sqrt(Math.PI)) * 0.5;

/** Float semantics (float64 arithmetic; the result is rounded to the dtype afterwards). */
const FLOAT: Record<UnaryOp, Fn> = {
  neg: (v) => -v,
  abs: Math.abs,
  sign: (v) => (v > 0 ? 1 : v < 0 ? -1 : 0), // PyTorch: sign(NaN) = 0, sign(-0) = 0
  reciprocal: (v) => 1 / v,
  square: (v) => v * v,
  exp: Math.exp,
  exp2: (v) => Math.pow(2, v),
  expm1: Math.expm1,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  rsqrt: (v) => 1 / Math.sqrt(v),
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  relu: (v) => (v < 0 ? 0 : v), // keeps NaN and -0, as clamp_min(0)
  gelu: (v) => v * 0.5 * (1 + erf(v * Math.SQRT1_2)),
  geluTanh: (v) => 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v))),
  silu: (v) => v / (1 + Math.exp(-v)),
  softplus: (v) => (v > 20 ? v : Math.log1p(Math.exp(v))),
  erf,
  erfc,
  erfinv,
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfEven,
  trunc: Math.trunc,
  frac: (v) => v - Math.trunc(v),
  logicalNot: (v) => (v === 0 ? 1 : 0),
  bitwiseNot: (v) => -v - 1,
  isnan: (v) => (v !== v ? 1 : 0),
  isinf: (v) => (v === Infinity || v === -Infinity ? 1 : 0),
  isposinf: (v) => (v === Infinity ? 1 : 0),
  isneginf: (v) => (v === -Infinity ? 1 : 0),
  isfinite: (v) => (Number.isFinite(v) ? 1 : 0),
  signbit: (v) => (signbit(v) ? 1 : 0),
};

/** Where integer semantics differ: exact products, identity roundings. */
const INT: Partial<Record<UnaryOp, Fn>> = {
  sign: Math.sign,
  floor: (v) => v,
  ceil: (v) => v,
  round: (v) => v,
  trunc: (v) => v,
  frac: () => 0,
  signbit: (v) => (v < 0 ? 1 : 0),
};

/** Ops whose result is bool whatever x's dtype. */
const PREDICATES: ReadonlySet<UnaryOp> = new Set(['logicalNot', 'isnan', 'isinf', 'isposinf', 'isneginf', 'isfinite', 'signbit']);

/** The scalar function of `op` on values of `dtype`. */
function unaryFn(op: UnaryOp, dtype: DType): Fn {
  if (dtype === 'bool' && op === 'bitwiseNot') return (v) => 1 - v;
  if (op === 'square' && dtype === 'int32') return (v) => Math.imul(v, v);
  if (op === 'square' && dtype === 'int64') return (v) => mulInt64(v, v);
  if (isIntegral(dtype, true)) return INT[op] ?? FLOAT[op];
  return FLOAT[op];
}

/**
 * `out[i] = op(x[i])`, computed in x's dtype and cast to out's.
 *
 * @example
 * unary('gelu', x, out);
 */
export function unary(op: UnaryOp, x: CpuView, out: CpuView): void {
  const exact = x.dtype === 'int64' ? INT64_UNARY[op] : undefined;
  if (exact !== undefined) {
    // int64 on bigints, exact beyond 2^53; the store wraps modulo 2^64
    const src = sourceInt64(x);
    const dst = sinkInt64(out);
    const r = new BigInt64Array(CHUNK);
    forChunks(dst.n, (start, len) => {
      const v = src.read(start, len);
      for (let i = 0; i < len; i++) r[i] = exact(v[i]!);
      dst.write(start, len, r);
    });
    return;
  }
  const resultDtype: DType = PREDICATES.has(op) ? 'bool' : x.dtype;
  const f = unaryFn(op, x.dtype);
  if (isFastDType(x.dtype) && out.dtype === resultDtype && fastUnary(op, f, x, out)) return;
  const norm = resultDtype === 'bool' || x.dtype === 'float64' ? null : normalizer(x.dtype);
  const src = source(x, x.dtype);
  const dst = sink(out, resultDtype);
  const r = new Float64Array(CHUNK);
  forChunks(dst.walk.n, (start, len) => {
    const v = src.read(start, len);
    for (let i = 0; i < len; i++) r[i] = f(v[i]!);
    applyConvert(r, len, norm);
    dst.write(start, len, r);
  });
}
