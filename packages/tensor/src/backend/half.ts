// float16 and bfloat16 <-> float conversions with round-to-nearest-even, as PyTorch's c10::Half / BFloat16.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** Bits of the float16 nearest to `x` (ties to even; overflow to ±Inf; NaN stays NaN). */
export function floatToHalfBits(x: number): number {
  f32[0] = x;
  const f = u32[0]!;
  const sign = (f >>> 16) & 0x8000;
  const absBits = f & 0x7fffffff;
  if (absBits >= 0x7f800000) {
    // Inf or NaN
    return sign | 0x7c00 | (absBits > 0x7f800000 ? 0x200 : 0);
  }
  // Work from the float32 value (x may have had more precision, but PyTorch
  // converts float -> half from float32 too).
  const v = f32[0]!;
  const a = Math.abs(v);
  if (a >= 65520) return sign | 0x7c00; // rounds to Inf
  if (a < 6.103515625e-5) {
    // subnormal half: multiples of 2^-24, ties to even
    const q = a / 5.960464477539063e-8;
    let r = Math.round(q);
    if (r - q === 0.5 && r % 2 === 1) r -= 1;
    return sign | r;
  }
  const exp = (absBits >>> 23) - 127;
  let mant = absBits & 0x7fffff;
  let hexp = exp + 15;
  // round 23-bit mantissa to 10 bits, ties to even
  const rest = mant & 0x1fff;
  mant >>>= 13;
  if (rest > 0x1000 || (rest === 0x1000 && (mant & 1) === 1)) {
    mant += 1;
    if (mant === 0x400) {
      mant = 0;
      hexp += 1;
    }
  }
  return sign | (hexp << 10) | mant;
}

/** The value of float16 bits. */
export function halfBitsToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 5.960464477539063e-8;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Bits of the bfloat16 nearest to `x` (ties to even), from its float32 value. */
export function floatToBfloat16Bits(x: number): number {
  f32[0] = x;
  const f = u32[0]!;
  if ((f & 0x7fffffff) > 0x7f800000) return ((f >>> 16) & 0x8000) | 0x7fc0;
  const lsb = (f >>> 16) & 1;
  return ((f + 0x7fff + lsb) >>> 16) & 0xffff;
}

/** The value of bfloat16 bits. */
export function bfloat16BitsToFloat(b: number): number {
  u32[0] = (b & 0xffff) << 16;
  return f32[0]!;
}
