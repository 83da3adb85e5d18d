// Scalar functions whose C/PyTorch semantics differ from JavaScript's Math:
// rounding, signed zeros and NaN signs, Python-style floor division and
// remainder, C's pow special cases, and integer power with wrap-around.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the sign word

/**
 * The sign bit of `x`, including -0 and the sign of NaN.
 *
 * @example
 * signbit(-0); // true
 */
export function signbit(x: number): boolean {
  if (x !== 0 && x === x) return x < 0;
  f64[0] = x;
  return u32[HIGH]! >>> 31 === 1;
}

/**
 * Round half to even (C's nearbyint), as torch.round.
 *
 * @example
 * roundHalfEven(2.5); // 2
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * |a| with the sign of b (C's copysign).
 *
 * @example
 * copysign(1, -0); // -1
 */
export function copysign(a: number, b: number): number {
  return signbit(a) === signbit(b) ? a : -a;
}

/**
 * PyTorch's floor division of floats (`div(rounding_mode='floor')`, c10's div_floor_floating):
 * exact via fmod, signed zeros kept; `round` rounds each intermediate step to the compute dtype.
 *
 * @example
 * floorDivFloat(1, -Infinity, Math.fround); // -1
 */
export function floorDivFloat(a: number, b: number, round: (v: number) => number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = round(round(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) div = round(div - 1);
  if (div === 0) return copysign(0, a / b);
  let floordiv = Math.floor(div);
  if (round(div - floordiv) > 0.5) floordiv += 1;
  return floordiv;
}

/**
 * Python-style remainder of floats: the result has the sign of the divisor.
 *
 * @example
 * remainderFloat(-1, 3); // 2
 */
export function remainderFloat(a: number, b: number): number {
  let mod = a % b;
  if (mod !== 0 && b < 0 !== mod < 0) mod += b;
  return mod;
}

/**
 * C's pow: pow(1, y) = 1 and pow(-1, ±Inf) = 1, where JavaScript gives NaN.
 *
 * @example
 * powFloat(1, NaN); // 1
 */
export function powFloat(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) return 1;
  return Math.pow(a, b);
}

/**
 * x · log(y) with xlogy(0, y) = 0 (for y not NaN), as torch.xlogy.
 *
 * @example
 * xlogy(0, 0); // 0
 */
export function xlogy(x: number, y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (x === 0) return 0;
  return x * Math.log(y);
}

/**
 * Integer power with 32-bit wrap-around (exact for int32, int8, uint8 after wrapping);
 * negative exponents give 1, ±1 or 0 as PyTorch's tensor-exponent pow does.
 *
 * @example
 * powInt32(3, 40); // 689956897
 */
export function powInt32(a: number, b: number): number {
  if (b < 0) return a === 1 ? 1 : a === -1 ? (b % 2 === 0 ? 1 : -1) : 0;
  let result = 1;
  let base = a | 0;
  for (let e = b; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

/**
 * Integer power with 64-bit wrap-around (see {@link powInt32}).
 *
 * @example
 * powInt64(3, 50); // 6048575297968530377 (as the nearest double)
 */
export function powInt64(a: number, b: number): number {
  if (b < 0) return a === 1 ? 1 : a === -1 ? (b % 2 === 0 ? 1 : -1) : 0;
  let result = 1n;
  let base = BigInt(a);
  for (let e = BigInt(b); e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asIntN(64, result * base);
    base = BigInt.asIntN(64, base * base);
  }
  return Number(result);
}

/**
 * a · b wrapped to int64; exact while the product fits in a double.
 *
 * @example
 * mulInt64(2 ** 40, 2 ** 30); // 0
 */
export function mulInt64(a: number, b: number): number {
  const p = a * b;
  if (Number.isSafeInteger(p)) return p;
  return Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)));
}

/**
 * Bitwise and/or/xor/shift of int64 values (as doubles), through bigints when outside int32.
 *
 * @example
 * bitwiseInt64('and', 2 ** 40 + 1, 3); // 1
 */
export function bitwiseInt64(op: 'and' | 'or' | 'xor' | 'shl' | 'shr', a: number, b: number): number {
  const x = BigInt(a);
  const y = BigInt(b);
  switch (op) {
    case 'and':
      return Number(x & y);
    case 'or':
      return Number(x | y);
    case 'xor':
      return Number(x ^ y);
    case 'shl':
      return Number(BigInt.asIntN(64, x << (y & 63n)));
    case 'shr':
      return Number(x >> (y & 63n));
  }
}
