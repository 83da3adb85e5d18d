// PyTorch's vectorised Box–Muller fill, used by normal_ on contiguous tensors
// of 16 or more elements: every element first gets a uniform, then each block
// of 16 turns (u[j], u[j+8]) into the pair (cos, sin) at j and j + 8. A ragged
// tail is redone on the last 16 elements with 16 fresh uniforms.

import { fma, fmaf } from './fma.js';
import { logAvx, sincosAvx, sincosOut } from './avxMath.js';
import { bfloat16BitsToFloat, floatToBfloat16Bits, floatToHalfBits, halfBitsToFloat } from '../backend/half.js';
import type { Generator } from './generator.js';
import { uniformDoubles, uniformFloats } from './distributions.js';

const f = Math.fround;
const TWO_PI_F = f(2 * Math.PI);

/** Fills `data` (length ≥ 16) with normals as PyTorch's AVX2 float32 kernel does. */
export function normalFillFloat32(data: Float32Array, mean: number, std: number, g: Generator): void {
  const n = data.length;
  uniformFloats(g, data, 24);
  const m = f(mean);
  const s = f(std);
  for (let i = 0; i + 16 <= n; i += 16) block32(data, i, m, s);
  if (n % 16 !== 0) {
    uniformFloats(g, data, 24, n - 16);
    block32(data, n - 16, m, s);
  }
}

function block32(data: Float32Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const u1 = f(1 - data[j]!);
    const radius = f(Math.sqrt(f(-2 * logAvx(u1))));
    sincosAvx(f(TWO_PI_F * data[j + 8]!));
    const n1 = f(radius * sincosOut.cos);
    const n2 = f(radius * sincosOut.sin);
    data[j] = std === 1 && mean === 0 ? n1 : fmaf(n1, std, mean);
    data[j + 8] = std === 1 && mean === 0 ? n2 : fmaf(n2, std, mean);
  }
}

/** Fills `data` (length ≥ 16) with normals as PyTorch's scalar float64 kernel (normal_fill<double>) does. */
export function normalFillFloat64(data: Float64Array, mean: number, std: number, g: Generator): void {
  const n = data.length;
  uniformDoubles(g, data);
  for (let i = 0; i + 16 <= n; i += 16) block64(data, i, mean, std);
  if (n % 16 !== 0) {
    uniformDoubles(g, data, n - 16);
    block64(data, n - 16, mean, std);
  }
}

function block64(data: Float64Array, at: number, mean: number, std: number): void {
  for (let j = at; j < at + 8; j++) {
    const u1 = 1 - data[j]!;
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * data[j + 8]!;
    data[j] = fma(radius * Math.cos(theta), std, mean);
    data[j + 8] = fma(radius * Math.sin(theta), std, mean);
  }
}

/** Rounds a number to float16 or bfloat16 (through float32, as c10's conversions do). */
export function narrowRounder(dtype: 'float16' | 'bfloat16'): (x: number) => number {
  return dtype === 'float16' ? (x) => halfBitsToFloat(floatToHalfBits(x)) : (x) => bfloat16BitsToFloat(floatToBfloat16Bits(x));
}

/**
 * normal_fill<Half> / normal_fill<BFloat16>: uniforms of the narrow type's
 * precision, then c10's mixed arithmetic: every intermediate PyTorch stores in
 * the narrow type is rounded to it, the rest runs in float32 (libm's float
 * log/sin/cos, here correctly rounded, which the final rounding hides).
 */
export function normalFillNarrow(data: Float64Array, dtype: 'float16' | 'bfloat16', mean: number, std: number, g: Generator): void {
  const n = data.length;
  const digits = dtype === 'float16' ? 11 : 8;
  const r = narrowRounder(dtype);
  uniformFloats(g, data, digits);
  const m = r(mean);
  const s = r(std);
  for (let i = 0; i + 16 <= n; i += 16) blockNarrow(data, i, m, s, r, dtype === 'bfloat16');
  if (n % 16 !== 0) {
    uniformFloats(g, data, digits, n - 16);
    blockNarrow(data, n - 16, m, s, r, dtype === 'bfloat16');
  }
}

function blockNarrow(data: Float64Array, at: number, mean: number, std: number, r: (x: number) => number, bf16: boolean): void {
  if (bf16) {
    // c10's BFloat16 has its own std::log/sqrt/sin/cos and BFloat16 x BFloat16 operators: every step rounds
    for (let j = at; j < at + 8; j++) {
      const u1 = r(1 - data[j]!);
      const radius = r(Math.sqrt(r(-2 * r(Math.log(u1)))));
      const theta = r(2 * Math.PI * data[j + 8]!);
      data[j] = r(r(r(radius * r(Math.cos(theta))) * std) + mean);
      data[j + 8] = r(r(r(radius * r(Math.sin(theta))) * std) + mean);
    }
    return;
  }
  for (let j = at; j < at + 8; j++) {
    const u1 = r(1 - data[j]!);
    const radius = r(Math.sqrt(f(-2 * f(Math.log(u1)))));
    const theta = r(2 * Math.PI * data[j + 8]!);
    data[j] = r(fmaf(f(radius * f(Math.cos(theta))), std, mean));
    data[j + 8] = r(fmaf(f(radius * f(Math.sin(theta))), std, mean));
  }
}
