// The three checks of an optional fast path: the reference decomposition (run
// on the backend's primitives) against the oracle, and, when the backend
// declares the fast path, the fast path against the oracle and against the
// reference decomposition.

import type { View } from '@torchlet/tensor/backend';
import type { Harness, Pair } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import type { OracleView } from '../reference/index.js';
import type { Tolerance } from '../tolerance.js';

/** A case of a fast path along one dim (scan, sort, softmax): x's shape, the dim, and the layouts of x and out. */
export interface DimCase {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dim: number;
  readonly x: LayoutKind;
  readonly out: LayoutKind;
}

export type FastPathCheck = 'reference decomposition vs oracle' | 'fast path vs oracle' | 'fast path vs reference decomposition';

/**
 * The checks to register: the reference always, the fast path when declared.
 *
 * @example fastPathChecks(backend.supports.softmax !== undefined)
 */
export function fastPathChecks(declared: boolean): FastPathCheck[] {
  return declared
    ? ['reference decomposition vs oracle', 'fast path vs oracle', 'fast path vs reference decomposition']
    : ['reference decomposition vs oracle'];
}

/** How to compute the result into an out view three ways. */
export interface FastPathRun {
  readonly oracle: (out: OracleView) => void;
  readonly reference: (out: View) => void;
  readonly fast?: (out: View) => void;
}

/**
 * Runs one check into `out` (whose buffer holds random values beforehand) and compares.
 *
 * @example await runFastPathCheck(h, 'fast path vs oracle', out, run, approx('float32'), 'softmax')
 */
export async function runFastPathCheck(h: Harness, check: FastPathCheck, out: Pair, run: FastPathRun, tol: Tolerance, what: string): Promise<void> {
  const fast = run.fast;
  if (check === 'reference decomposition vs oracle') {
    run.oracle(out.oracle);
    run.reference(out.view);
    return h.expect(out, tol, `${what} (reference decomposition) out`);
  }
  if (!fast) throw new Error(`${what}: the backend declares no fast path`);
  if (check === 'fast path vs oracle') {
    run.oracle(out.oracle);
    fast(out.view);
    return h.expect(out, tol, `${what} (fast path) out`);
  }
  const twin = h.upload(out.view.dtype, out.view.shape, out.view.strides, out.view.offset, [...out.oracle.data]);
  run.reference(twin.view);
  const expected = await h.readBuffer(twin);
  out.oracle.data.splice(0, expected.length, ...expected);
  fast(out.view);
  return h.expect(out, tol, `${what} (fast path, expected: reference decomposition on this backend) out`);
}
