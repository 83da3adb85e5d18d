// Reduction loops over contiguous data: one block `a[s … s+m-1]` (innermost dims),
// or m rows of n elements folded element-wise (outer dims, column sums). Sums and
// products accumulate in float64 in the same order as the general path; extremes
// keep the first one and stop at a NaN.

import type { NumArray } from './dtypes.js';

/** The reductions with fast loops. */
export type FastReduceOp = 'sum' | 'prod' | 'max' | 'min' | 'argmax' | 'argmin';

/** Position of the first maximum (or first NaN) of `a[s … s+m-1]`, m ≥ 1. */
function argmaxBlock(a: NumArray, s: number, m: number): number {
  let best = a[s]!;
  if (best !== best) return 0;
  let at = 0;
  for (let j = 1; j < m; j++) {
    const e = a[s + j]!;
    if (e !== e) return j;
    if (e > best) {
      best = e;
      at = j;
    }
  }
  return at;
}

/** Position of the first minimum (or first NaN) of `a[s … s+m-1]`, m ≥ 1. */
function argminBlock(a: NumArray, s: number, m: number): number {
  let best = a[s]!;
  if (best !== best) return 0;
  let at = 0;
  for (let j = 1; j < m; j++) {
    const e = a[s + j]!;
    if (e !== e) return j;
    if (e < best) {
      best = e;
      at = j;
    }
  }
  return at;
}

/**
 * `op` over the block `a[s … s+m-1]` (m ≥ 1): the value, or the position for arg ops.
 *
 * @example
 * reduceBlockFast('sum', data, 0, data.length);
 */
export function reduceBlockFast(op: FastReduceOp, a: NumArray, s: number, m: number): number {
  switch (op) {
    case 'sum': {
      let acc = 0;
      for (let j = s, e = s + m; j < e; j++) acc += a[j]!;
      return acc;
    }
    case 'prod': {
      let acc = 1;
      for (let j = s, e = s + m; j < e; j++) acc *= a[j]!;
      return acc;
    }
    case 'max':
      return a[s + argmaxBlock(a, s, m)]!;
    case 'min':
      return a[s + argminBlock(a, s, m)]!;
    case 'argmax':
      return argmaxBlock(a, s, m);
    case 'argmin':
      return argminBlock(a, s, m);
  }
}

/**
 * `acc[i] = op(acc[i], a[(base + i) | 0])` for `i < n`: step `j` of a reduction over outer dims.
 * `at` holds the positions of the extremes (step 0 initialises `acc` and `at`).
 *
 * @example
 * for (let j = 0; j < m; j++) foldRow('sum', data, starts[j], n, acc, at, j);
 */
export function foldRow(op: FastReduceOp, a: NumArray, base: number, n: number, acc: Float64Array, at: Float64Array, j: number): void {
  if (op === 'sum') {
    for (let i = 0; i < n; i++) acc[i] = acc[i]! + a[(base + i) | 0]!;
  } else if (op === 'prod') {
    for (let i = 0; i < n; i++) acc[i] = acc[i]! * a[(base + i) | 0]!;
  } else if (j === 0) {
    for (let i = 0; i < n; i++) acc[i] = a[(base + i) | 0]!;
  } else if (op === 'max' || op === 'argmax') {
    for (let i = 0; i < n; i++) {
      const b = acc[i]!;
      const e = a[(base + i) | 0]!;
      if (b === b && (e !== e || e > b)) {
        acc[i] = e;
        at[i] = j;
      }
    }
  } else {
    for (let i = 0; i < n; i++) {
      const b = acc[i]!;
      const e = a[(base + i) | 0]!;
      if (b === b && (e !== e || e < b)) {
        acc[i] = e;
        at[i] = j;
      }
    }
  }
}
