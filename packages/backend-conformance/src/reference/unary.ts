// The oracle of `backend.unary`.

import type { UnaryOp } from '@torchlet/tensor/backend';
import { castScalar, isFloatDtype, toBigint } from './scalar.js';
import { floatUnary, intUnary, isPredicate } from './unaryMath.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/**
 * `out[i] = op(x[i])`, computed in `x`'s dtype (floats in double, then rounded to
 * it), cast to `out`'s dtype.
 *
 * @example unaryOracle('abs', x, out)
 */
export function unaryOracle(op: UnaryOp, x: OracleView, out: OracleView): void {
  forEachIndex(out.shape, (idx) => {
    const v = getAt(x, idx);
    let r;
    if (isFloatDtype(x.dtype)) {
      const f = floatUnary(op, Number(v));
      r = isPredicate(op) ? f : castScalar(f, x.dtype);
    } else {
      const b = intUnary(op, toBigint(v), x.dtype === 'bool');
      r = isPredicate(op) ? Number(b) : castScalar(b, x.dtype);
    }
    setAt(out, idx, castScalar(r, out.dtype));
  });
}
