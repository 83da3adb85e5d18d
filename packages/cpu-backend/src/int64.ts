// Exact int64 arithmetic on bigints: values beyond 2^53 do not survive a trip
// through doubles, so int64 kernels load, compute and store bigints.

import { RuntimeError } from '@torchlet/tensor/backend';
import { floatToBfloat16Bits, floatToHalfBits, bfloat16BitsToFloat, halfBitsToFloat } from '@torchlet/tensor/backend';
import type { BinaryOp, DType, StorageArray, UnaryOp } from '@torchlet/tensor/backend';
import { applyConvert, converter } from './cast.js';
import { loadValues } from './storage.js';
import type { Offsets } from './storage.js';

const TWO53 = 2n ** 53n;

/**
 * The float32 nearest to an int64 (one rounding, ties to even), as PyTorch's cast.
 *
 * @example
 * int64ToFloat32(2n ** 60n + 2n ** 36n + 1n); // 1152921642045800448
 */
export function int64ToFloat32(v: bigint): number {
  if (v > -TWO53 && v < TWO53) return Math.fround(Number(v));
  const negative = v < 0n;
  const a = negative ? -v : v;
  const shift = BigInt(a.toString(2).length - 24);
  let q = a >> shift;
  const rem = a - (q << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  const r = Math.fround(Number(q << shift));
  return negative ? -r : r;
}

/**
 * An int64 value as a value of `to` (wrapped for narrower ints, rounded once for floats).
 *
 * @example
 * int64To(2n ** 53n + 1n, 'int32'); // 1
 */
export function int64To(v: bigint, to: DType): number {
  switch (to) {
    case 'float64':
      return Number(v);
    case 'float32':
      return int64ToFloat32(v);
    case 'float16':
      return halfBitsToFloat(floatToHalfBits(int64ToFloat32(v)));
    case 'bfloat16':
      return bfloat16BitsToFloat(floatToBfloat16Bits(int64ToFloat32(v)));
    case 'bool':
      return v !== 0n ? 1 : 0;
    case 'int32':
      return Number(BigInt.asIntN(32, v));
    case 'int8':
      return Number(BigInt.asIntN(8, v));
    case 'uint8':
      return Number(BigInt.asUintN(8, v));
    default:
      return Number(v);
  }
}

/**
 * `dst[i] = arr[idx[i]]` as int64 bigints, converting from `dtype` (floats truncate, as casts do).
 *
 * @example
 * loadInt64(data, 'int32', idx, n, new BigInt64Array(n));
 */
export function loadInt64(arr: StorageArray, dtype: DType, idx: Offsets, len: number, dst: BigInt64Array): void {
  if (dtype === 'int64') {
    const a = arr as BigInt64Array;
    for (let i = 0; i < len; i++) dst[i] = a[idx[i]!]!;
    return;
  }
  const vals = new Float64Array(len);
  loadValues(arr, dtype, idx, len, vals);
  applyConvert(vals, len, converter(dtype, 'int64'));
  for (let i = 0; i < len; i++) dst[i] = BigInt(vals[i]!);
}

/** Storing into a BigInt64Array wraps modulo 2^64, so results need no explicit wrap. */
export type Int64Fn = (a: bigint, b: bigint) => bigint;

function zeroDivision(): never {
  throw new RuntimeError('ZeroDivisionError');
}

function pow64(a: bigint, b: bigint): bigint {
  if (b < 0n) return a === 1n ? 1n : a === -1n ? (b % 2n === 0n ? 1n : -1n) : 0n;
  let result = 1n;
  let base = a;
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return result;
}

const b01 = (c: boolean): bigint => (c ? 1n : 0n);

/** Every binary op on int64 values; comparisons give 0n/1n. Shift counts wrap modulo 64 (x86). */
export const INT64_BINARY: Record<BinaryOp, Int64Fn> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => (b === 0n ? zeroDivision() : a / b),
  floorDiv: (a, b) => {
    if (b === 0n) zeroDivision();
    const q = a / b;
    return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
  },
  truncDiv: (a, b) => (b === 0n ? zeroDivision() : a / b),
  pow: pow64,
  remainder: (a, b) => {
    if (b === 0n) zeroDivision();
    const r = a % b;
    return r !== 0n && r < 0n !== b < 0n ? r + b : r;
  },
  fmod: (a, b) => (b === 0n ? zeroDivision() : a % b),
  maximum: (a, b) => (a < b ? b : a),
  minimum: (a, b) => (b < a ? b : a),
  fmax: (a, b) => (a < b ? b : a),
  fmin: (a, b) => (b < a ? b : a),
  atan2: (a, b) => BigInt(Math.trunc(Math.atan2(Number(a), Number(b)))),
  hypot: (a, b) => BigInt(Math.trunc(Math.hypot(Number(a), Number(b)))),
  copysign: (a, b) => ((a < 0n) === (b < 0n) ? a : -a),
  xlogy: (a, b) => (a === 0n ? 0n : BigInt(Math.trunc(Number(a) * Math.log(Number(b))))),
  eq: (a, b) => b01(a === b),
  ne: (a, b) => b01(a !== b),
  lt: (a, b) => b01(a < b),
  le: (a, b) => b01(a <= b),
  gt: (a, b) => b01(a > b),
  ge: (a, b) => b01(a >= b),
  logicalAnd: (a, b) => b01(a !== 0n && b !== 0n),
  logicalOr: (a, b) => b01(a !== 0n || b !== 0n),
  logicalXor: (a, b) => b01((a !== 0n) !== (b !== 0n)),
  bitwiseAnd: (a, b) => a & b,
  bitwiseOr: (a, b) => a | b,
  bitwiseXor: (a, b) => a ^ b,
  leftShift: (a, b) => a << (b & 63n),
  rightShift: (a, b) => a >> (b & 63n),
};

/** Unary ops with an exact int64 result (the others go through doubles or give bool). */
export const INT64_UNARY: Partial<Record<UnaryOp, (v: bigint) => bigint>> = {
  neg: (v) => -v,
  abs: (v) => (v < 0n ? -v : v),
  sign: (v) => (v > 0n ? 1n : v < 0n ? -1n : 0n),
  square: (v) => v * v,
  relu: (v) => (v < 0n ? 0n : v),
  bitwiseNot: (v) => ~v,
  floor: (v) => v,
  ceil: (v) => v,
  round: (v) => v,
  trunc: (v) => v,
  frac: () => 0n,
};
