// The oracle of the sort fast path.

import type { Scalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/** Whether `a` must come before `b` ascending: smaller, with NaN after everything. */
function less(a: Scalar, b: Scalar): boolean {
  const na = typeof a === 'number' && Number.isNaN(a);
  const nb = typeof b === 'number' && Number.isNaN(b);
  if (na || nb) return !na && nb;
  return a < b;
}

/**
 * Stable sort of `x` along `dim` into `values` and int64 `indices` (positions as bigints):
 * an insertion sort that moves an element only past strictly greater ones (strictly
 * smaller ones when descending), so equal elements keep their order.
 *
 * @example sortOracle(x, 1, false, values, indices)
 */
export function sortOracle(x: OracleView, dim: number, descending: boolean, values: OracleView, indices: OracleView): void {
  const n = x.shape[dim] ?? 1;
  const rowsShape = x.shape.map((s, i) => (i === dim ? 1 : s));
  forEachIndex(rowsShape, (base) => {
    const at = (j: number): number[] => base.map((v, i) => (i === dim ? j : v));
    const row: { v: Scalar; i: number }[] = [];
    for (let j = 0; j < n; j++) {
      const e = { v: getAt(x, at(j)), i: j };
      let k = row.length;
      while (k > 0 && (descending ? less(row[k - 1]!.v, e.v) : less(e.v, row[k - 1]!.v))) k--;
      row.splice(k, 0, e);
    }
    row.forEach((e, j) => {
      setAt(values, at(j), e.v);
      setAt(indices, at(j), BigInt(e.i));
    });
  });
}
