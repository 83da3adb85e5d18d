// Value conversions between dtypes, as PyTorch's CPU casts behave on x86:
// float → int truncates toward zero (NaN and out-of-range give the most
// negative int32/int64, then wrap to the narrow type), int → int wraps,
// anything → bool is `!= 0`, floats round to nearest even.

import { bfloat16BitsToFloat, floatToBfloat16Bits, floatToHalfBits, halfBitsToFloat, isFloatingPoint } from '@torchlet/tensor/backend';
import type { DType } from '@torchlet/tensor/backend';

const TWO31 = 2 ** 31;
const TWO63 = 2 ** 63;

/** A conversion of one number; `null` where none is needed. */
export type Convert = ((v: number) => number) | null;

const roundHalf = (v: number): number => halfBitsToFloat(floatToHalfBits(v));
const roundBfloat16 = (v: number): number => bfloat16BitsToFloat(floatToBfloat16Bits(v));
const toBool = (v: number): number => (v !== 0 ? 1 : 0);

/** Integer results wrap modulo 2^bits (two's complement). */
function wrapInt(dtype: DType): (v: number) => number {
  switch (dtype) {
    case 'int8':
      return (v) => (v << 24) >> 24;
    case 'uint8':
      return (v) => v & 255;
    case 'int32':
      return (v) => v | 0;
    default: // int64
      return (v) =>
        v >= -TWO63 && v < TWO63 ? Math.trunc(v) : Number.isFinite(v) ? Number(BigInt.asIntN(64, BigInt(v))) : -TWO63;
  }
}

/** float → int as x86 cvtt: truncate, NaN/out of range → the most negative int32 (int64), then wrap. */
function floatToInt(dtype: DType): (v: number) => number {
  if (dtype === 'int64') {
    return (v) => {
      const t = Math.trunc(v);
      return t >= -TWO63 && t < TWO63 ? t : -TWO63;
    };
  }
  const wrap = wrapInt(dtype);
  return (v) => {
    const t = Math.trunc(v);
    return wrap(t >= -TWO31 && t < TWO31 ? t : -TWO31);
  };
}

/** True when every value of `from` is a value of `to` (no conversion needed). */
function isSubset(from: DType, to: DType): boolean {
  if (from === to || from === 'bool' || to === 'float64') return true;
  switch (to) {
    case 'float32':
      return from === 'float16' || from === 'bfloat16' || from === 'int8' || from === 'uint8';
    case 'float16':
    case 'bfloat16':
      return from === 'int8' || from === 'uint8';
    case 'int32':
      return from === 'int8' || from === 'uint8';
    case 'int64':
      return from === 'int8' || from === 'uint8' || from === 'int32';
    default:
      return false;
  }
}

/**
 * The conversion of a value of `from` to `to` (`null` when it is the identity).
 *
 * @example
 * converter('float64', 'int8')!(300.7); // 44
 */
export function converter(from: DType, to: DType): Convert {
  if (isSubset(from, to)) return null;
  switch (to) {
    case 'float32':
      return Math.fround;
    case 'float16':
      return roundHalf;
    case 'bfloat16':
      return roundBfloat16;
    case 'bool':
      return toBool;
    default:
      return isFloatingPoint(from) ? floatToInt(to) : wrapInt(to);
  }
}

/**
 * The conversion of a result computed for `dtype` (in float64, or as an exact
 * integer) to a value of `dtype`: rounding for floats, wrap-around for ints.
 *
 * @example
 * normalizer('int8')!(200); // -56
 */
export function normalizer(dtype: DType): Convert {
  if (dtype === 'float64') return null;
  if (dtype === 'bool') return toBool;
  return isFloatingPoint(dtype) ? converter('float64', dtype) : wrapInt(dtype);
}

/**
 * Applies a conversion to `buf[0 … len-1]` in place.
 *
 * @example
 * applyConvert(buf, n, converter('float64', 'float32'));
 */
export function applyConvert(buf: Float64Array, len: number, f: Convert): void {
  if (f === null) return;
  if (f === Math.fround) {
    for (let i = 0; i < len; i++) buf[i] = Math.fround(buf[i]!);
    return;
  }
  for (let i = 0; i < len; i++) buf[i] = f(buf[i]!);
}

/**
 * A value of `from` as a value of `to`.
 *
 * @example
 * castScalar(-1, 'float64', 'uint8'); // 255
 */
export function castScalar(v: number, from: DType, to: DType): number {
  const f = converter(from, to);
  return f === null ? v : f(v);
}
