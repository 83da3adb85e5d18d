// The arithmetic the accumulating kernels (reduce, scan, matmul) need, as WGSL
// expressions per element type: int64 goes through int64Wgsl.ts's functions,
// bools are 0u/1u (sum is or, product is and), int8/uint8 compute in i32 and are
// wrapped when stored.

import type { DType } from '@torchlet/tensor/backend';
import { I64, elemOf } from './wgslTypes.js';

type Op2 = (a: string, b: string) => string;

/** WGSL for one element type: combining ops, an ordering, and constants. */
export interface Arith {
  readonly add: Op2;
  readonly mul: Op2;
  /** max/min; for floats NaN wins (PyTorch's max/min). */
  readonly max: Op2;
  readonly min: Op2;
  /** a < b and a == b, as WGSL bool expressions. */
  readonly lt: Op2;
  readonly eq: Op2;
  readonly zero: string;
  readonly one: string;
  /** The smallest and the largest value (identities of max and min). */
  readonly lowest: string;
  readonly highest: string;
}

const FLOAT: Arith = {
  add: (a, b) => `(${a} + ${b})`,
  mul: (a, b) => `(${a} * ${b})`,
  max: (a, b) => `max_f(${a}, ${b})`,
  min: (a, b) => `min_f(${a}, ${b})`,
  lt: (a, b) => `(${a} < ${b})`,
  eq: (a, b) => `(${a} == ${b})`,
  zero: '0.0f',
  one: '1.0f',
  lowest: '-inf_f()',
  highest: 'inf_f()',
};

const INT: Arith = {
  add: (a, b) => `(${a} + ${b})`,
  mul: (a, b) => `(${a} * ${b})`,
  max: (a, b) => `max(${a}, ${b})`,
  min: (a, b) => `min(${a}, ${b})`,
  lt: (a, b) => `(${a} < ${b})`,
  eq: (a, b) => `(${a} == ${b})`,
  zero: '0i',
  one: '1i',
  lowest: '(-2147483647i - 1i)',
  highest: '2147483647i',
};

const BOOL: Arith = {
  add: (a, b) => `(${a} | ${b})`,
  mul: (a, b) => `(${a} & ${b})`,
  max: (a, b) => `(${a} | ${b})`,
  min: (a, b) => `(${a} & ${b})`,
  lt: (a, b) => `(${a} < ${b})`,
  eq: (a, b) => `(${a} == ${b})`,
  zero: '0u',
  one: '1u',
  lowest: '0u',
  highest: '1u',
};

const INT64: Arith = {
  add: (a, b) => `i64_add(${a}, ${b})`,
  mul: (a, b) => `i64_mul(${a}, ${b})`,
  max: (a, b) => `i64_max(${a}, ${b})`,
  min: (a, b) => `i64_min(${a}, ${b})`,
  lt: (a, b) => `i64_lt(${a}, ${b})`,
  eq: (a, b) => `i64_eq(${a}, ${b})`,
  zero: 'vec2<u32>(0u, 0u)',
  one: 'vec2<u32>(1u, 0u)',
  lowest: 'vec2<u32>(0u, 0x80000000u)',
  highest: 'vec2<u32>(0xffffffffu, 0x7fffffffu)',
};

/**
 * The arithmetic of `dtype`'s device elements.
 *
 * @example arithOf('int64').add('a', 'b') // 'i64_add(a, b)'
 */
export function arithOf(dtype: DType): Arith {
  switch (elemOf(dtype)) {
    case 'f32':
      return FLOAT;
    case 'i32':
      return INT;
    case 'u32':
      return BOOL;
    case I64:
      return INT64;
  }
}
