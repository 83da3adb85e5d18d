// Each unary op on one value, as PyTorch defines it: float ops in double
// precision (the caller rounds), integer ops on bigints (the caller wraps).

import type { UnaryOp } from '@torchlet/tensor/backend';
import { erf, erfc, erfinv } from './special.js';

/** Round half to even (PyTorch's `round`, C's nearbyint), keeping the sign of zero. */
function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  let r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** Predicates: their result is a bool (0/1). */
const PREDICATES: Partial<Record<UnaryOp, (x: number) => boolean>> = {
  logicalNot: (x) => x === 0,
  isnan: (x) => Number.isNaN(x),
  isinf: (x) => x === Infinity || x === -Infinity,
  isposinf: (x) => x === Infinity,
  isneginf: (x) => x === -Infinity,
  isfinite: (x) => Number.isFinite(x),
  signbit: (x) => x < 0 || Object.is(x, -0),
};

/**
 * True when `op` returns a bool whatever its input dtype.
 *
 * @example isPredicate('isnan') // true
 */
export function isPredicate(op: UnaryOp): boolean {
  return op in PREDICATES;
}

const FLOAT_OPS: Partial<Record<UnaryOp, (x: number) => number>> = {
  neg: (x) => -x,
  abs: (x) => Math.abs(x),
  // PyTorch computes (0 < x) - (x < 0): NaN and -0 give +0
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  reciprocal: (x) => 1 / x,
  square: (x) => x * x,
  exp: Math.exp,
  exp2: (x) => 2 ** x,
  expm1: Math.expm1,
  log: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  rsqrt: (x) => 1 / Math.sqrt(x),
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
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  // clamp_min(x, 0): NaN and -0 pass through
  relu: (x) => (x < 0 ? 0 : x),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
  geluTanh: (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))),
  silu: (x) => x / (1 + Math.exp(-x)),
  // beta 1, threshold 20
  softplus: (x) => (x > 20 ? x : Math.log1p(Math.exp(x))),
  erf,
  erfc,
  erfinv,
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfEven,
  trunc: Math.trunc,
  frac: (x) => x - Math.trunc(x),
};

/**
 * `op` on a float value, in double precision.
 *
 * @example floatUnary('round', 2.5) // 2
 */
export function floatUnary(op: UnaryOp, x: number): number {
  const pred = PREDICATES[op];
  if (pred) return pred(x) ? 1 : 0;
  if (op === 'bitwiseNot') throw new Error('oracle: bitwiseNot is not defined on floats');
  const f = FLOAT_OPS[op];
  if (!f) throw new Error(`oracle: unknown unary op ${op}`);
  return f(x);
}

const INT_OPS: Partial<Record<UnaryOp, (x: bigint) => bigint>> = {
  neg: (x) => -x,
  abs: (x) => (x < 0n ? -x : x),
  sign: (x) => (x > 0n ? 1n : x < 0n ? -1n : 0n),
  square: (x) => x * x,
  relu: (x) => (x < 0n ? 0n : x),
  floor: (x) => x,
  ceil: (x) => x,
  round: (x) => x,
  trunc: (x) => x,
  bitwiseNot: (x) => ~x,
};

/**
 * `op` on an integer value (the caller wraps the result to its dtype; for bool,
 * `bitwiseNot` is logical not).
 *
 * @example intUnary('abs', -3n, false) // 3n
 */
export function intUnary(op: UnaryOp, x: bigint, isBool: boolean): bigint {
  const pred = PREDICATES[op];
  if (pred) return pred(Number(x)) ? 1n : 0n;
  if (isBool && op === 'bitwiseNot') return x === 0n ? 1n : 0n;
  const f = INT_OPS[op];
  if (!f) throw new Error(`oracle: unary ${op} is not defined on integers`);
  return f(x);
}
