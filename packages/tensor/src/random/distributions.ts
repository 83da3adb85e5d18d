// PyTorch's CPU transforms from random bits to samples (DistributionsHelper.h,
// TransformationHelper.h), one sample per call. Which bits a sample takes
// decides the stream: float uniforms keep 24 bits of one 32-bit draw, double
// uniforms 53 bits of a 64-bit draw made of two 32-bit draws.

import { fma } from './fma.js';
import type { Generator } from './generator.js';

const TWO_PI = 2 * Math.PI;

/** Significand bits of the float dtypes (std::numeric_limits<T>::digits). */
export const DIGITS = { float16: 11, bfloat16: 8, float32: 24, float64: 53 } as const;
export type FloatDType = keyof typeof DIGITS;

/** `n` float uniforms in [0, 1) of `digits` bits, written from `out[at]`: `uniformFloat(g, 0, 1, digits)` n times. */
export function uniformFloats(g: Generator, out: Float32Array | Float64Array, digits: number, at = 0, n = out.length - at): void {
  const bits = g.random32Array(n);
  const mask = (1 << digits) - 1;
  const scale = 2 ** -digits;
  for (let i = 0; i < n; i++) out[at + i] = (bits[i]! & mask) * scale;
}

/** `n` double uniforms in [0, 1), written from `out[at]`: `uniformDouble(g, 0, 1)` n times. */
export function uniformDoubles(g: Generator, out: Float64Array, at = 0, n = out.length - at): void {
  const bits = g.random32Array(2 * n);
  for (let i = 0; i < n; i++) out[at + i] = ((bits[2 * i]! & 0x1fffff) * 4294967296 + bits[2 * i + 1]!) * 2 ** -53;
}

/** A double uniform in [from, to): 53 bits of a 64-bit draw. */
export function uniformDouble(g: Generator, from: number, to: number): number {
  const x = g.random53() * 2 ** -53;
  return from === 0 && to === 1 ? x : fma(x, to - from, from);
}

/**
 * A standard normal from at::normal_distribution<double>: Box–Muller on two
 * double uniforms, returning the cosine half and caching the sine half in the
 * generator for the next call.
 */
export function normalDouble(g: Generator, mean: number, std: number): number {
  const cached = g.nextDoubleNormal;
  if (cached !== undefined) {
    g.nextDoubleNormal = undefined;
    return fma(cached, std, mean);
  }
  const u1 = uniformDouble(g, 0, 1);
  const u2 = uniformDouble(g, 0, 1);
  const r = Math.sqrt(-2 * Math.log(1 - u2));
  const theta = TWO_PI * u1;
  g.nextDoubleNormal = r * Math.sin(theta);
  return fma(r * Math.cos(theta), std, mean);
}

/** An exponential sample with rate `lambda` from a double uniform (PyTorch's CPU form, -log(1-u)/lambda). */
export function exponentialDouble(g: Generator, lambda: number): number {
  const u = uniformDouble(g, 0, 1);
  return (-1 / lambda) * Math.log(1 - u);
}
