// The oracles of `backend.copy` and `backend.fill`.

import { castScalar, type Scalar } from './scalar.js';
import { getAt, multiIndices, setAt, type OracleView } from './view.js';

/**
 * `dst[i] = cast(src[i])`, with PyTorch's casts (see `castScalar`).
 *
 * @example copyOracle(src, dst)
 */
export function copyOracle(src: OracleView, dst: OracleView): void {
  for (const idx of multiIndices(dst.shape)) setAt(dst, idx, castScalar(getAt(src, idx), dst.dtype));
}

/**
 * Sets every element of `out` to `value` cast to its dtype.
 *
 * @example fillOracle(out, 2n ** 62n)
 */
export function fillOracle(out: OracleView, value: Scalar): void {
  const v = castScalar(value, out.dtype);
  for (const idx of multiIndices(out.shape)) setAt(out, idx, v);
}
