// Which dtypes each elementwise op is defined on in PyTorch, what inputs it is
// fed, and how exactly its result must match.

import type { BinaryOp, DType, UnaryOp } from '@torchlet/tensor/backend';
import type { Domain } from './values.js';

/** Families of dtypes an op accepts. */
export type DtypeClass = 'float' | 'numeric' | 'all' | 'integral' | 'intOnly';

/**
 * True when `dtype` belongs to `cls`.
 *
 * @example inClass('uint8', 'integral') // true
 */
export function inClass(dtype: DType, cls: DtypeClass): boolean {
  const float = dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
  switch (cls) {
    case 'float': return float;
    case 'numeric': return dtype !== 'bool';
    case 'all': return true;
    case 'integral': return !float;
    case 'intOnly': return !float && dtype !== 'bool';
  }
}

/** How a unary op is tested. */
export interface UnarySpec {
  readonly dtypes: DtypeClass;
  readonly domain: Domain;
  /** Exact (basic IEEE ops, rounding, predicates) or within `approx` (transcendental). */
  readonly exact: boolean;
  /** Whether the sign of a zero result is checked. */
  readonly signedZero?: boolean;
}

const T = (domain: Domain = 'any'): UnarySpec => ({ dtypes: 'float', domain, exact: false });
const P: UnarySpec = { dtypes: 'all', domain: 'any', exact: true };

export const UNARY_SPECS: Record<UnaryOp, UnarySpec> = {
  neg: { dtypes: 'numeric', domain: 'any', exact: true, signedZero: true },
  abs: { dtypes: 'numeric', domain: 'any', exact: true, signedZero: true },
  sign: { dtypes: 'all', domain: 'any', exact: true },
  reciprocal: { dtypes: 'float', domain: 'any', exact: true, signedZero: true },
  square: { dtypes: 'numeric', domain: 'any', exact: true },
  exp: T(), exp2: T(), expm1: T(),
  log: T('positive'), log2: T('positive'), log10: T('positive'), log1p: T('aboveMinusOne'),
  sqrt: { dtypes: 'float', domain: 'positive', exact: true },
  rsqrt: T('positive'),
  sin: T(), cos: T(), tan: T('tan'), asin: T('unit'), acos: T('unit'), atan: T(),
  sinh: T(), cosh: T(), tanh: T(), asinh: T(), acosh: T('atLeastOne'), atanh: T('unit'),
  sigmoid: T(), relu: { dtypes: 'numeric', domain: 'any', exact: true },
  gelu: T(), geluTanh: T(), silu: T(), softplus: T('softplus'),
  erf: T(), erfc: T(), erfinv: T('unit'),
  floor: { dtypes: 'numeric', domain: 'halves', exact: true, signedZero: true },
  ceil: { dtypes: 'numeric', domain: 'halves', exact: true, signedZero: true },
  round: { dtypes: 'numeric', domain: 'halves', exact: true, signedZero: true },
  trunc: { dtypes: 'numeric', domain: 'halves', exact: true, signedZero: true },
  frac: { dtypes: 'float', domain: 'halves', exact: true },
  logicalNot: P,
  bitwiseNot: { dtypes: 'integral', domain: 'any', exact: true },
  isnan: P, isinf: P, isposinf: P, isneginf: P, isfinite: P, signbit: P,
};

/** How a binary op is tested (by its compute dtype). */
export interface BinarySpec {
  readonly dtypes: DtypeClass;
  readonly domains: readonly [Domain, Domain];
  readonly exact: boolean;
  readonly signedZero?: boolean;
}

const B = (dtypes: DtypeClass, a: Domain, b: Domain, exactResult: boolean, signedZero = false): BinarySpec => ({
  dtypes, domains: [a, b], exact: exactResult, signedZero,
});

export const BINARY_SPECS: Record<BinaryOp, BinarySpec> = {
  add: B('all', 'any', 'any', true, true),
  sub: B('numeric', 'any', 'any', true, true),
  mul: B('all', 'any', 'any', true, true),
  div: B('float', 'any', 'any', true, true),
  floorDiv: B('numeric', 'any', 'divisor', true),
  truncDiv: B('numeric', 'any', 'divisor', true),
  pow: B('numeric', 'powBase', 'powExp', false),
  remainder: B('numeric', 'any', 'divisor', true),
  fmod: B('numeric', 'any', 'divisor', true),
  maximum: B('all', 'ties', 'any', true),
  minimum: B('all', 'ties', 'any', true),
  fmax: B('all', 'ties', 'any', true),
  fmin: B('all', 'ties', 'any', true),
  atan2: B('float', 'any', 'any', false),
  hypot: B('float', 'any', 'any', false),
  copysign: B('float', 'any', 'ties', true, true),
  xlogy: B('float', 'ties', 'positive', false),
  eq: B('all', 'ties', 'ties', true),
  ne: B('all', 'ties', 'ties', true),
  lt: B('all', 'ties', 'ties', true),
  le: B('all', 'ties', 'ties', true),
  gt: B('all', 'ties', 'ties', true),
  ge: B('all', 'ties', 'ties', true),
  logicalAnd: B('all', 'ties', 'ties', true),
  logicalOr: B('all', 'ties', 'ties', true),
  logicalXor: B('all', 'ties', 'ties', true),
  bitwiseAnd: B('integral', 'any', 'any', true),
  bitwiseOr: B('integral', 'any', 'any', true),
  bitwiseXor: B('integral', 'any', 'any', true),
  leftShift: B('intOnly', 'any', 'shift', true),
  rightShift: B('intOnly', 'any', 'shift', true),
};
