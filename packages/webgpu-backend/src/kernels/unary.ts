// backend.unary: each op is a WGSL expression in the input's dtype (float32;
// int32, int8 and uint8 in i32, wrapped; int64 through int64Wgsl.ts; bool), fed
// to the elementwise generator, then cast to the out dtype.

import { NotImplementedError, type UnaryOp, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { runElementwise } from './elementwise.js';
import { convert, elemOf, I64, isNarrow, wrap } from './wgslTypes.js';

type Expr = (x: string) => string;

const PREDICATES: Partial<Record<UnaryOp, { f: Expr; int: Expr; i64: Expr }>> = {
  logicalNot: { f: (x) => `u32(to_bool_f(${x}) == 0u)`, int: (x) => `u32(${x} == 0)`, i64: (x) => `u32(i64_is_zero(${x}))` },
  isnan: { f: (x) => `u32(is_nan(${x}))`, int: () => '0u', i64: () => '0u' },
  isinf: { f: (x) => `u32(is_inf(${x}))`, int: () => '0u', i64: () => '0u' },
  isposinf: { f: (x) => `u32(is_inf(${x}) && ${x} > 0.0f)`, int: () => '0u', i64: () => '0u' },
  isneginf: { f: (x) => `u32(is_inf(${x}) && ${x} < 0.0f)`, int: () => '0u', i64: () => '0u' },
  isfinite: { f: (x) => `u32(is_finite(${x}))`, int: () => '1u', i64: () => '1u' },
  signbit: { f: (x) => `u32(bitcast<u32>(${x}) >= 0x80000000u)`, int: (x) => `u32(${x} < 0)`, i64: (x) => `u32(i64_is_neg(${x}))` },
};

const FLOAT: Partial<Record<UnaryOp, Expr>> = {
  neg: (x) => `-${x}`,
  abs: (x) => `abs_f(${x})`,
  sign: (x) => `select(select(0.0f, -1.0f, ${x} < 0.0f), 1.0f, ${x} > 0.0f)`,
  reciprocal: (x) => `div_f(1.0f, ${x})`,
  square: (x) => `${x} * ${x}`,
  exp: (x) => `safe_exp(${x})`,
  exp2: (x) => `safe_exp2(${x})`,
  expm1: (x) => `expm1_f(${x})`,
  log: (x) => `safe_log(${x})`,
  log2: (x) => `safe_log2(${x})`,
  log10: (x) => `safe_log(${x}) * 0.4342944819032518f`,
  log1p: (x) => `log1p_f(${x})`,
  sqrt: (x) => `safe_sqrt(${x})`,
  rsqrt: (x) => `div_f(1.0f, safe_sqrt(${x}))`,
  sin: (x) => `sin_f(${x})`,
  cos: (x) => `cos_f(${x})`,
  tan: (x) => `tan_f(${x})`,
  asin: (x) => `asin_f(${x})`,
  acos: (x) => `acos_f(${x})`,
  atan: (x) => `atan_f(${x})`,
  sinh: (x) => `sinh_f(${x})`,
  cosh: (x) => `cosh_f(${x})`,
  tanh: (x) => `tanh_f(${x})`,
  asinh: (x) => `asinh_f(${x})`,
  acosh: (x) => `acosh_f(${x})`,
  atanh: (x) => `atanh_f(${x})`,
  sigmoid: (x) => `1.0f / (1.0f + safe_exp(-${x}))`,
  relu: (x) => `select(${x}, 0.0f, ${x} < 0.0f)`,
  gelu: (x) => `0.5f * ${x} * erfc_f(-${x} * 0.7071067811865476f)`,
  geluTanh: (x) => `0.5f * ${x} * (1.0f + tanh_f(0.7978845608028654f * (${x} + 0.044715f * ${x} * ${x} * ${x})))`,
  silu: (x) => `${x} / (1.0f + safe_exp(-${x}))`,
  softplus: (x) => `select(log1p_f(safe_exp(${x})), ${x}, ${x} > 20.0f)`,
  erf: (x) => `erf_f(${x})`,
  erfc: (x) => `erfc_f(${x})`,
  erfinv: (x) => `erfinv_f(${x})`,
  floor: (x) => `floor_f(${x})`,
  ceil: (x) => `ceil_f(${x})`,
  round: (x) => `round_even(${x})`,
  trunc: (x) => `trunc_f(${x})`,
  frac: (x) => `${x} - trunc_f(${x})`,
};

const INT: Partial<Record<UnaryOp, Expr>> = {
  neg: (x) => `-${x}`,
  abs: (x) => `abs(${x})`,
  sign: (x) => `select(select(0i, -1i, ${x} < 0i), 1i, ${x} > 0i)`,
  square: (x) => `${x} * ${x}`,
  relu: (x) => `max(${x}, 0i)`,
  floor: (x) => x,
  ceil: (x) => x,
  round: (x) => x,
  trunc: (x) => x,
  bitwiseNot: (x) => `~${x}`,
};

const INT64: Partial<Record<UnaryOp, Expr>> = {
  neg: (x) => `i64_neg(${x})`,
  abs: (x) => `i64_abs(${x})`,
  sign: (x) => `i64_sign(${x})`,
  square: (x) => `i64_mul(${x}, ${x})`,
  relu: (x) => `i64_max(${x}, vec2<u32>(0u, 0u))`,
  floor: (x) => x,
  ceil: (x) => x,
  round: (x) => x,
  trunc: (x) => x,
  bitwiseNot: (x) => `(~${x})`,
};

const BOOL: Partial<Record<UnaryOp, Expr>> = {
  sign: (x) => x,
  bitwiseNot: (x) => `(1u - ${x})`,
  abs: (x) => x,
  square: (x) => x,
  relu: (x) => x,
};

/**
 * `out[i] = op(x[i])`, computed in `x`'s dtype and cast to `out`'s.
 *
 * @example unary(rt, 'exp', x, out);
 */
export function unary(rt: Runtime, op: UnaryOp, x: View<GpuBuffer>, out: View<GpuBuffer>): void {
  const pred = PREDICATES[op];
  const e = elemOf(x.dtype);
  let expr: Expr | undefined;
  let resultDtype = x.dtype;
  if (pred) {
    expr = e === 'f32' ? pred.f : e === I64 ? pred.i64 : pred.int;
    resultDtype = 'bool';
  } else {
    expr = (e === 'f32' ? FLOAT : e === 'i32' ? INT : e === I64 ? INT64 : BOOL)[op];
  }
  if (!expr) throw new NotImplementedError(`unary ${op} on ${x.dtype} (webgpu)`);
  const body = expr;
  const narrow = !pred && isNarrow(x.dtype);
  runElementwise(rt, {
    name: `unary:${op}:${x.dtype}`,
    inputs: [{ view: x }],
    out,
    body: ([v]) => convert(narrow ? wrap(body(v!), x.dtype) : body(v!), resultDtype, out.dtype),
  });
}
