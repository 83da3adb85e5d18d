// Float32 log and sincos as PyTorch's AVX2 normal kernel computes them
// (avx_mathfun.h: Cephes polynomials, one lane at a time here). randn on a
// contiguous float32 tensor of 16 or more elements goes through these, so
// matching PyTorch means reproducing every float32 rounding, including the
// multiply-adds the compiler fused.

import { fmaf } from './fma.js';

const f = Math.fround;
const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

const SQRTHF = f(Math.SQRT1_2); // Cephes: 0.707106781186547524
const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f);
const LOG_Q1 = f(-2.12194440e-4);
const LOG_Q2 = f(0.693359375);
const MIN_NORM_POS = 1.1754943508222875e-38;

/** Natural log of a positive float32, as log256_ps. @example logAvx(0.5) // -0.6931471824645996 */
export function logAvx(v: number): number {
  if (!(v > 0)) return NaN;
  F32[0] = Math.max(v, MIN_NORM_POS);
  const bits = U32[0]!;
  U32[0] = (bits & ~0x7f800000) | 0x3f000000; // mantissa with the exponent of 0.5
  let x = F32[0];
  let e = f(((bits >>> 23) - 0x7f) + 1);
  const small = x < SQRTHF;
  x = f(x - 1);
  if (small) {
    e = f(e - 1);
    x = f(x + F32[0]);
  }
  const z = f(x * x);
  let y = LOG_P[0]!;
  for (let k = 1; k < LOG_P.length; k++) y = fmaf(y, x, LOG_P[k]!);
  y = f(y * x);
  y = fmaf(y, z, f(e * LOG_Q1));
  y = f(y - f(z * 0.5));
  x = f(x + y);
  return f(x + f(e * LOG_Q2));
}

const FOPI = f(1.27323954473516);
const DP1 = f(-0.78515625);
const DP2 = f(-2.4187564849853515625e-4);
const DP3 = f(-3.774894977445941e-8);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f);

/** Where sincosAvx leaves its results (no tuple allocated per call in the hot loop). */
export const sincosOut = { sin: 0, cos: 0 };

/** sin and cos of a float32 angle (|x| < 8192), as sincos256_ps, into `sincosOut`. @example sincosAvx(0); sincosOut.cos // 1 */
export function sincosAvx(v: number): void {
  const neg = v < 0 || Object.is(v, -0);
  let x = Math.abs(v);
  let j = Math.trunc(f(x * FOPI));
  j = (j + 1) & ~1;
  const y = j; // small even integer, exact in float32
  x = fmaf(y, DP1, x);
  x = fmaf(y, DP2, x);
  x = fmaf(y, DP3, x);
  const z = f(x * x);
  let c = fmaf(COS_P[0]!, z, COS_P[1]!);
  c = fmaf(c, z, COS_P[2]!);
  c = f(c * z);
  c = fmaf(c, z, -f(z * 0.5));
  c = f(c + 1);
  let s = fmaf(SIN_P[0]!, z, SIN_P[1]!);
  s = fmaf(s, z, SIN_P[2]!);
  s = f(s * z);
  s = fmaf(s, x, x);
  // j & 2 picks the polynomial; j & 4 (and the input sign) flips the sine, (j - 2) & 4 the cosine
  const usePoly2 = (j & 2) === 0;
  let sin = usePoly2 ? s : c;
  let cos = usePoly2 ? c : s;
  if (((j & 4) !== 0) !== neg) sin = -sin;
  if ((~(j - 2) & 4) !== 0) cos = -cos;
  sincosOut.sin = sin;
  sincosOut.cos = cos;
}
