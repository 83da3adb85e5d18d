// Integer draws behind random_, randint and randperm: PyTorch reduces one
// 32-bit draw modulo the range, or one 64-bit draw when the range needs it
// (2^32 or more, for int64/float/double/bfloat16 only).

import type { DType } from '../backend/dtype.js';
import { isFloatingPoint } from '../backend/dtype.js';
import { RuntimeError } from '../errors.js';
import type { Generator } from './generator.js';
import { DIGITS } from './distributions.js';
import type { FloatDType } from './distributions.js';

/** Inclusive bounds of each integer dtype (bool as 0..1). */
const INT_BOUNDS: Partial<Record<DType, readonly [bigint, bigint]>> = {
  bool: [0n, 1n], uint8: [0n, 255n], int8: [-128n, 127n], int32: [-(2n ** 31n), 2n ** 31n - 1n], int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** `x.random_()` without bounds: [0, max] for integers, [0, 2^digits] for floats. */
export function randomInt(g: Generator, dtype: DType, n: number): Float64Array | BigInt64Array {
  if (dtype === 'int64') {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = g.random64() & 0x7fffffffffffffffn;
    return out;
  }
  const out = new Float64Array(n);
  if (dtype === 'float64') {
    const m = 2n ** 53n + 1n;
    for (let i = 0; i < n; i++) out[i] = Number(g.random64() % m);
    return out;
  }
  const mod = isFloatingPoint(dtype) ? 2 ** DIGITS[dtype as FloatDType] + 1 : dtype === 'bool' ? 2 : Number(INT_BOUNDS[dtype]![1]) + 1;
  for (let i = 0; i < n; i++) out[i] = g.random() % mod;
  return out;
}

/** The exclusive upper end of `x.random_()` without bounds: max + 1 for integers, 2^digits + 1 for floats. */
export function randomIntBound(dtype: DType): bigint {
  return upperBound(dtype) + 1n;
}

/** The largest `to - 1` a dtype takes in random_ (integers: their max; floats: 2^digits). */
function upperBound(dtype: DType): bigint {
  if (isFloatingPoint(dtype)) return 2n ** BigInt(DIGITS[dtype as FloatDType]);
  return INT_BOUNDS[dtype]![1];
}

/** The C type PyTorch names in its range messages. */
const C_NAME: Partial<Record<DType, string>> = { bool: 'bool', uint8: 'unsigned char', int8: 'signed char', int32: 'int', int64: 'long' };

function checkInRange(from: bigint, last: bigint, dtype: DType): void {
  const bounds = INT_BOUNDS[dtype];
  if (bounds === undefined) return; // floats: PyTorch only warns
  if (from < bounds[0] || from > bounds[1]) throw new RuntimeError(`from is out of bounds for ${C_NAME[dtype]!}`);
  if (last < bounds[0] || last > bounds[1]) throw new RuntimeError(`to - 1 is out of bounds for ${C_NAME[dtype]!}`);
}

/** `x.random_(from, to)`: integers uniform on [from, to). */
export function randomFromTo(g: Generator, dtype: DType, n: number, from: bigint, to: bigint): Float64Array | BigInt64Array {
  if (!(from < to)) throw new RuntimeError(`random_ expects 'from' to be less than 'to', but got from=${from} >= to=${to}`);
  checkInRange(from, to - 1n, dtype);
  return drawRange(g, dtype, n, to - from, from);
}

/** `x.random_(from, null)`: integers uniform on [from, dtype max]. */
export function randomFullRange(g: Generator, dtype: DType, n: number, from: bigint): Float64Array | BigInt64Array {
  if (dtype === 'int64' && from === -(2n ** 63n)) {
    const out = new BigInt64Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt.asIntN(64, g.random64());
    return out;
  }
  const last = upperBound(dtype);
  if (!(from < last) && isFloatingPoint(dtype)) {
    throw new RuntimeError(`random_ expects 'from' casted to dtype to be less than or equal to 'to_inc' casted to dtype, but got from=${from} > to_inc=${last}`);
  }
  checkInRange(from, last, dtype);
  return drawRange(g, dtype, n, last - from + 1n, from);
}

/** (draw % range) + base for each element, with PyTorch's choice of a 32- or 64-bit draw. */
function drawRange(g: Generator, dtype: DType, n: number, range: bigint, base: bigint): Float64Array | BigInt64Array {
  const wide = range >= 2n ** 32n && (dtype === 'int64' || dtype === 'float64' || dtype === 'float32' || dtype === 'bfloat16');
  const exact = base >= -(2n ** 52n) && base <= 2n ** 52n && !wide;
  if (exact) {
    const out = new Float64Array(n);
    const r = Number(range);
    const b = Number(base);
    for (let i = 0; i < n; i++) out[i] = (g.random() % r) + b;
    return out;
  }
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const v = wide ? g.random64() : BigInt(g.random());
    out[i] = BigInt.asIntN(64, (v % range) + base);
  }
  return out;
}

/** PyTorch's CPU randperm: Fisher–Yates from the front, one 32-bit draw per swap. */
export function randpermValues(g: Generator, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = 0; i < n - 1; i++) {
    const z = g.random() % (n - i);
    const tmp = out[i]!;
    out[i] = out[z + i]!;
    out[z + i] = tmp;
  }
  return out;
}
