// The oracle of `backend.reduce`.

import type { ReduceOp } from '@torchlet/tensor/backend';
import { castScalar, isFloatDtype, toBigint, truthy, type Scalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

function isNaNScalar(v: Scalar): boolean {
  return typeof v === 'number' && Number.isNaN(v);
}

/** The index (in `values`) of the extreme value: first NaN, else first max (or min). */
function extremeIndex(values: readonly Scalar[], greater: boolean): number {
  let best = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as Scalar;
    if (isNaNScalar(v)) return k;
    const b = values[best] as Scalar;
    if (greater ? v > b : v < b) best = k;
  }
  return best;
}

/** Reduces one group of values (in row-major order of the reduced dims) to a value of `outDtype`. */
function reduceGroup(op: ReduceOp, values: readonly Scalar[], outDtype: OracleView['dtype']): Scalar {
  switch (op) {
    case 'sum':
    case 'prod': {
      const cast = values.map((v) => castScalar(v, outDtype));
      if (isFloatDtype(outDtype)) {
        const acc = cast.reduce<number>((s, v) => (op === 'sum' ? s + Number(v) : s * Number(v)), op === 'sum' ? 0 : 1);
        return castScalar(acc, outDtype);
      }
      const acc = cast.reduce<bigint>((s, v) => (op === 'sum' ? s + toBigint(v) : s * toBigint(v)), op === 'sum' ? 0n : 1n);
      return castScalar(acc, outDtype);
    }
    case 'all':
      return castScalar(values.every(truthy) ? 1 : 0, outDtype);
    case 'any':
      return castScalar(values.some(truthy) ? 1 : 0, outDtype);
    case 'max':
    case 'min':
    case 'argmax':
    case 'argmin': {
      if (values.length === 0) throw new Error(`oracle: ${op} of an empty group`);
      const k = extremeIndex(values, op === 'max' || op === 'argmax');
      return castScalar(op === 'argmax' || op === 'argmin' ? BigInt(k) : (values[k] as Scalar), outDtype);
    }
  }
}

/**
 * Reduces `x` over `dims`; `out` has `x`'s rank with the reduced dims of size 1.
 * argmax/argmin give the flat row-major index within the reduced dims.
 *
 * @example reduceOracle('sum', x, [1], out)
 */
export function reduceOracle(op: ReduceOp, x: OracleView, dims: readonly number[], out: OracleView): void {
  const reduced = [...new Set(dims)].sort((p, q) => p - q);
  const groupShape = reduced.map((d) => x.shape[d] ?? 1);
  forEachIndex(out.shape, (outIdx) => {
    const values: Scalar[] = [];
    forEachIndex(groupShape, (inner) => {
      const idx = [...outIdx];
      reduced.forEach((d, k) => (idx[d] = inner[k] ?? 0));
      values.push(getAt(x, idx));
    });
    setAt(out, outIdx, reduceGroup(op, values, out.dtype));
  });
}
