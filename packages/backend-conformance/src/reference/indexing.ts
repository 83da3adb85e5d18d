// The oracles of `backend.gather`, `backend.scatterAdd` and the scatterReduce and
// nonzero fast paths.

import type { ScatterReduceOp } from '@torchlet/tensor/backend';
import { binaryScalar } from './binary.js';
import { castScalar, isFloatDtype, toBigint, truthy } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/** `idx` with position `dim` replaced by the index value `i`. */
function along(idx: readonly number[], dim: number, i: number): number[] {
  const r = [...idx];
  if (r.length > 0) r[dim] = i;
  return r;
}

/**
 * `out[...i, j, k...] = x[...i, index[...i, j, k...], k...]` along `dim`.
 *
 * @example gatherOracle(x, 1, index, out)
 */
export function gatherOracle(x: OracleView, dim: number, index: OracleView, out: OracleView): void {
  forEachIndex(out.shape, (idx) => {
    const i = Number(getAt(index, idx));
    setAt(out, idx, castScalar(getAt(x, along(idx, dim, i)), out.dtype));
  });
}

/**
 * `out[...i, index[...i, j, k...], k...] += src[...i, j, k...]` along `dim`, in
 * row-major order of `index`, rounding to `out`'s dtype after every addition.
 *
 * @example scatterAddOracle(out, 0, index, src)
 */
export function scatterAddOracle(out: OracleView, dim: number, index: OracleView, src: OracleView): void {
  const float = isFloatDtype(out.dtype);
  forEachIndex(index.shape, (idx) => {
    const target = along(idx, dim, Number(getAt(index, idx)));
    const cur = getAt(out, target);
    const add = castScalar(getAt(src, idx), out.dtype);
    const sum = float ? Number(cur) + Number(add) : toBigint(cur) + toBigint(add);
    setAt(out, target, castScalar(sum, out.dtype));
  });
}

/**
 * `out[...i, index[...], k...] = op(out[…], src[...i, j, k...])` along `dim`, in row-major
 * order of `index`, `src` cast to `out`'s dtype first: `assign` keeps the last write,
 * `prod` multiplies (integers wrap), `amax`/`amin` keep the extreme (NaN wins).
 *
 * @example scatterReduceOracle('amax', out, 0, index, src)
 */
export function scatterReduceOracle(op: ScatterReduceOp, out: OracleView, dim: number, index: OracleView, src: OracleView): void {
  const op2 = op === 'prod' ? 'mul' : op === 'amax' ? 'maximum' : 'minimum';
  forEachIndex(index.shape, (idx) => {
    const target = along(idx, dim, Number(getAt(index, idx)));
    const v = castScalar(getAt(src, idx), out.dtype);
    const next = op === 'assign' ? v : binaryScalar(op2, getAt(out, target), v, out.dtype);
    setAt(out, target, castScalar(next, out.dtype));
  });
}

/**
 * The coordinates of the nonzero elements of `x` (NaN counts), row-major, into the
 * int64 `[count, rank]` view `out`.
 *
 * @example nonzeroOracle(x, out)
 */
export function nonzeroOracle(x: OracleView, out: OracleView): void {
  let row = 0;
  forEachIndex(x.shape, (idx) => {
    if (!truthy(getAt(x, idx))) return;
    idx.forEach((c, k) => setAt(out, [row, k], BigInt(c)));
    row++;
  });
}
