// The oracle of the softmax fast path.

import { castScalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/**
 * softmax (or log-softmax) of `x` along `dim`, in double precision, cast to `out`'s dtype.
 *
 * @example softmaxOracle(x, 1, out, false)
 */
export function softmaxOracle(x: OracleView, dim: number, out: OracleView, log: boolean): void {
  const n = x.shape[dim] ?? 1;
  const rowsShape = x.shape.map((s, i) => (i === dim ? 1 : s));
  forEachIndex(rowsShape, (base) => {
    const at = (j: number): number[] => base.map((v, i) => (i === dim ? j : v));
    const row = Array.from({ length: n }, (_, j) => Number(getAt(x, at(j))));
    const max = row.some(Number.isNaN) ? NaN : Math.max(...row);
    const sum = row.reduce((s, v) => s + Math.exp(v - max), 0);
    row.forEach((v, j) => {
      const r = log ? v - max - Math.log(sum) : Math.exp(v - max) / sum;
      setAt(out, at(j), castScalar(r, out.dtype));
    });
  });
}
