// The oracles of `backend.copy` and `backend.fill`.

import { castScalar, type Scalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/**
 * `dst[i] = cast(src[i])`, with PyTorch's casts (see `castScalar`).
 *
 * @example copyOracle(src, dst)
 */
export function copyOracle(src: OracleView, dst: OracleView): void {
  forEachIndex(dst.shape, (idx) => setAt(dst, idx, castScalar(getAt(src, idx), dst.dtype)));
}

/**
 * Sets every element of `out` to `value` cast to its dtype.
 *
 * @example fillOracle(out, 2n ** 62n)
 */
export function fillOracle(out: OracleView, value: Scalar): void {
  const v = castScalar(value, out.dtype);
  forEachIndex(out.shape, (idx) => setAt(out, idx, v));
}
