// How close a backend's value must be to the oracle's.

import type { DType } from '@torchlet/tensor/backend';
import type { Scalar } from './reference/index.js';

/** |actual - expected| ≤ atol + rtol·|expected|; NaN matches NaN, ±Inf match exactly. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
  /** Whether +0 and -0 differ (for ops whose sign of zero is fixed by IEEE or by PyTorch). */
  readonly signedZero: boolean;
}

/**
 * Bit-exact values (NaN still matches any NaN); `signedZero` also tells -0 from +0.
 *
 * @example exact(true) // -0 must stay -0
 */
export function exact(signedZero = false): Tolerance {
  return { rtol: 0, atol: 0, signedZero };
}

const APPROX: Partial<Record<DType, Tolerance>> = {
  float32: { rtol: 1.3e-6, atol: 1e-5, signedZero: false },
  float64: { rtol: 1e-7, atol: 1e-7, signedZero: false },
  // one unit in the last place of the half types
  float16: { rtol: 1e-3, atol: 1e-5, signedZero: false },
  bfloat16: { rtol: 1.6e-2, atol: 1e-5, signedZero: false },
};

/**
 * The tolerance for transcendental results of `dtype` (exact for ints and bools).
 *
 * @example approx('float32') // { rtol: 1.3e-6, atol: 1e-5, signedZero: false }
 */
export function approx(dtype: DType, scale = 1): Tolerance {
  const t = APPROX[dtype];
  return t ? { rtol: t.rtol * scale, atol: t.atol * scale, signedZero: false } : exact();
}

const EPS: Partial<Record<DType, number>> = { float32: 2 ** -23, float64: 2 ** -52, float16: 2 ** -10, bfloat16: 2 ** -7 };

/**
 * The tolerance for results composed of several rounded steps (softmax, scans):
 * four times `approx`, and an absolute term of four units of the dtype's epsilon
 * (log-softmax near 0 loses the digits of log(sum) to cancellation).
 *
 * @example composite('float16') // { rtol: 0.004, atol: 0.00390625, signedZero: false }
 */
export function composite(dtype: DType): Tolerance {
  const t = approx(dtype, 4);
  return { ...t, atol: Math.max(t.atol, 4 * (EPS[dtype] ?? 0)) };
}

/**
 * Whether `actual` is within `tol` of `expected`.
 *
 * @example within(0.1 + 0.2, 0.3, approx('float64')) // true
 */
export function within(actual: Scalar, expected: Scalar, tol: Tolerance): boolean {
  if (typeof actual === 'bigint' || typeof expected === 'bigint') return BigInt(actual) === BigInt(expected);
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return !tol.signedZero || actual !== 0 || Object.is(actual, expected);
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return false;
  return Math.abs(actual - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}
