// The oracle of `backend.where`.

import { castScalar, truthy } from './scalar.js';
import { forEachIndex, getAt, operandAt, setAt, type OracleOperand, type OracleView } from './view.js';

/**
 * `out[i] = cond[i] ? a[i] : b[i]` (cond read as truthy: NaN is true), cast to `out`'s dtype.
 *
 * @example whereOracle(mask, x, 0, out)
 */
export function whereOracle(cond: OracleView, a: OracleOperand, b: OracleOperand, out: OracleView): void {
  forEachIndex(out.shape, (idx) => {
    const v = truthy(getAt(cond, idx)) ? operandAt(a, idx) : operandAt(b, idx);
    setAt(out, idx, castScalar(v, out.dtype));
  });
}
