// The scalar semantics of every binary op, for float and integer compute dtypes.

import { RuntimeError } from '@torchlet/tensor/backend';
import { isFloatingPoint } from '@torchlet/tensor/backend';
import type { BinaryOp, DType } from '@torchlet/tensor/backend';
import { normalizer } from './cast.js';
import {
  bitwiseInt64,
  copysign,
  floorDivFloat,
  mulInt64,
  powFloat,
  powInt32,
  powInt64,
  remainderFloat,
  xlogy,
} from './math/scalar.js';

/** A binary op on two values of the compute dtype; the result is rounded/wrapped afterwards. */
export type BinaryFn = (a: number, b: number) => number;

const isNaN = Number.isNaN;

/** Ops with the same meaning in every dtype. */
const COMMON = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  div: (a, b) => a / b,
  atan2: Math.atan2,
  hypot: (a, b) => Math.hypot(a, b),
  copysign,
  xlogy,
  eq: (a, b) => (a === b ? 1 : 0),
  ne: (a, b) => (a !== b ? 1 : 0),
  lt: (a, b) => (a < b ? 1 : 0),
  le: (a, b) => (a <= b ? 1 : 0),
  gt: (a, b) => (a > b ? 1 : 0),
  ge: (a, b) => (a >= b ? 1 : 0),
  logicalAnd: (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  logicalOr: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
  logicalXor: (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0),
} satisfies Partial<Record<BinaryOp, BinaryFn>>;

function unsupported(op: BinaryOp, dtype: DType): BinaryFn {
  return () => {
    throw new Error(`cpu: ${op} is not supported for ${dtype}`);
  };
}

/** Float semantics (PyTorch's CPU kernels): NaN-propagating maximum, C pow and fmod, Python floor/remainder. */
function floatOps(dtype: DType): Record<BinaryOp, BinaryFn> {
  // intermediate steps of the division family are rounded to the dtype, as PyTorch computes them in it
  const round = normalizer(dtype) ?? ((v: number): number => v);
  return {
    ...COMMON,
    mul: (a, b) => a * b,
    floorDiv: (a, b) => floorDivFloat(a, b, round),
    truncDiv: (a, b) => Math.trunc(round(a / b)),
    pow: powFloat,
    remainder: remainderFloat,
    fmod: (a, b) => a % b,
    maximum: (a, b) => (a !== a ? a : b !== b ? b : a < b ? b : a),
    minimum: (a, b) => (a !== a ? a : b !== b ? b : b < a ? b : a),
    fmax: (a, b) => (isNaN(a) ? b : isNaN(b) ? a : a < b ? b : a),
    fmin: (a, b) => (isNaN(a) ? b : isNaN(b) ? a : b < a ? b : a),
    bitwiseAnd: unsupported('bitwiseAnd', dtype),
    bitwiseOr: unsupported('bitwiseOr', dtype),
    bitwiseXor: unsupported('bitwiseXor', dtype),
    leftShift: (a, b) => a * Math.pow(2, b),
    rightShift: (a, b) => a / Math.pow(2, b),
  };
}

function zeroDivision(): never {
  throw new RuntimeError('ZeroDivisionError');
}

/** Integer semantics: exact results wrapped afterwards; division by zero raises as PyTorch does. */
function intOps(dtype: DType): Record<BinaryOp, BinaryFn> {
  const wide = dtype === 'int64';
  const bit = (op: 'and' | 'or' | 'xor', small: BinaryFn): BinaryFn =>
    wide ? (a, b) => ((a | 0) === a && (b | 0) === b ? small(a, b) : bitwiseInt64(op, a, b)) : small;
  return {
    ...COMMON,
    mul: dtype === 'int32' ? Math.imul : wide ? mulInt64 : (a, b) => a * b,
    floorDiv: (a, b) => (b === 0 ? zeroDivision() : Math.floor(a / b)),
    truncDiv: (a, b) => (b === 0 ? zeroDivision() : Math.trunc(a / b)),
    pow: wide ? powInt64 : powInt32,
    remainder: (a, b) => {
      if (b === 0) zeroDivision();
      const r = a % b;
      return r !== 0 && r < 0 !== b < 0 ? r + b : r;
    },
    fmod: (a, b) => (b === 0 ? zeroDivision() : a % b),
    maximum: (a, b) => (a < b ? b : a),
    minimum: (a, b) => (b < a ? b : a),
    fmax: (a, b) => (a < b ? b : a),
    fmin: (a, b) => (b < a ? b : a),
    bitwiseAnd: bit('and', (a, b) => a & b),
    bitwiseOr: bit('or', (a, b) => a | b),
    bitwiseXor: bit('xor', (a, b) => a ^ b),
    // shift counts are taken modulo the register width, as x86 does (PyTorch 1.13)
    leftShift: wide ? (a, b) => bitwiseInt64('shl', a, b) : (a, b) => a << b,
    rightShift: wide ? (a, b) => bitwiseInt64('shr', a, b) : (a, b) => a >> b,
  };
}

const cache = new Map<DType, Record<BinaryOp, BinaryFn>>();

/**
 * The scalar function of `op` computed in `dtype`.
 *
 * @example
 * binaryFn('remainder', 'int32')(-7, 2); // 1
 */
export function binaryFn(op: BinaryOp, dtype: DType): BinaryFn {
  let ops = cache.get(dtype);
  if (ops === undefined) {
    ops = isFloatingPoint(dtype) ? floatOps(dtype) : intOps(dtype);
    cache.set(dtype, ops);
  }
  return ops[op];
}
