// One element as the oracle holds it: a JS number for every dtype but int64,
// which is a bigint so that 64-bit wrap-around stays exact.

import {
  bfloat16BitsToFloat,
  floatToBfloat16Bits,
  floatToHalfBits,
  halfBitsToFloat,
  type DType,
} from '@torchlet/tensor/backend';

/** An element value: bigint for int64, number otherwise (bool as 0/1, halves as their value). */
export type Scalar = number | bigint;

const INT_BITS: Partial<Record<DType, number>> = { int8: 8, int32: 32, int64: 64 };

/**
 * True for the four floating-point dtypes.
 *
 * @example isFloatDtype('bfloat16') // true
 */
export function isFloatDtype(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}

/** The value of `x` rounded to the nearest float32, ties to even, in a single rounding (exact for every int64). */
function bigintToFloat32(x: bigint): number {
  const neg = x < 0n;
  let a = neg ? -x : x;
  if (a < 2n ** 53n) return Math.fround(Number(x));
  const bits = a.toString(2).length;
  const shift = BigInt(bits - 24);
  let q = a >> shift;
  const rem = a - (q << shift);
  const half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  a = q << shift;
  return neg ? -Number(a) : Number(a);
}

/** An integer-valued bigint for a number, truncating toward zero (NaN and ±Inf, undefined in C++, become 0). */
function truncToBigint(v: number): bigint {
  return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
}

/**
 * `v` converted to `dtype` as PyTorch's casts do: float → int truncates, ints wrap,
 * → bool is `!= 0` (NaN is true), → float16/bfloat16 goes through float32.
 *
 * @example castScalar(300, 'int8') // 44
 * @example castScalar(2.7, 'int64') // 2n
 */
export function castScalar(v: Scalar, dtype: DType): Scalar {
  switch (dtype) {
    case 'bool':
      return typeof v === 'bigint' ? (v !== 0n ? 1 : 0) : v !== 0 ? 1 : 0;
    case 'float64':
      return Number(v);
    case 'float32':
      return typeof v === 'bigint' ? bigintToFloat32(v) : Math.fround(v);
    case 'float16': {
      const f = typeof v === 'bigint' ? bigintToFloat32(v) : v;
      return halfBitsToFloat(floatToHalfBits(f));
    }
    case 'bfloat16': {
      const f = typeof v === 'bigint' ? bigintToFloat32(v) : v;
      return bfloat16BitsToFloat(floatToBfloat16Bits(f));
    }
    case 'uint8': {
      const b = typeof v === 'bigint' ? v : truncToBigint(v);
      return Number(BigInt.asUintN(8, b));
    }
    case 'int8':
    case 'int32':
    case 'int64': {
      const b = typeof v === 'bigint' ? v : truncToBigint(v);
      const w = BigInt.asIntN(INT_BITS[dtype] ?? 64, b);
      return dtype === 'int64' ? w : Number(w);
    }
  }
}

/**
 * The zero of a dtype (`0n` for int64).
 *
 * @example zeroOf('int64') // 0n
 */
export function zeroOf(dtype: DType): Scalar {
  return dtype === 'int64' ? 0n : 0;
}

/**
 * `v` as a bigint (it must hold an integer value).
 *
 * @example toBigint(3) // 3n
 */
export function toBigint(v: Scalar): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

/**
 * Truthiness as C++ reads it: nonzero (NaN included) is true.
 *
 * @example truthy(NaN) // true
 */
export function truthy(v: Scalar): boolean {
  return typeof v === 'bigint' ? v !== 0n : v !== 0;
}
