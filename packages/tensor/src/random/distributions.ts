// PyTorch's CPU transforms from random bits to samples (DistributionsHelper.h,
// TransformationHelper.h), one sample per call. Which bits a sample takes
// decides the stream: float uniforms keep 24 bits of one 32-bit draw, double
// uniforms 53 bits of a 64-bit draw made of two 32-bit draws.

import { fma, fmaf } from './fma.js';
import type { Generator } from './generator.js';

const f = Math.fround;
const TWO_PI = 2 * Math.PI;

/** Significand bits of the float dtypes (std::numeric_limits<T>::digits). */
export const DIGITS = { float16: 11, bfloat16: 8, float32: 24, float64: 53 } as const;
export type FloatDType = keyof typeof DIGITS;

/** A float-or-narrower uniform in [from, to): `digits` bits of one draw, computed in float32 (`range` is to - from as the dtype rounds it). */
export function uniformFloat(g: Generator, from: number, to: number, digits: number, range = f(to - from)): number {
  const x = (g.random() & ((1 << digits) - 1)) * 2 ** -digits; // exact in float32
  // x * 1 + 0 is x: skip the emulated fused multiply-add on the common [0, 1) path
  return from === 0 && to === 1 ? x : fmaf(x, range, from);
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
