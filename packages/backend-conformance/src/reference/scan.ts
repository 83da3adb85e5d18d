// The oracle of the scan fast path.

import type { ScanOp } from '@torchlet/tensor/backend';
import { binaryScalar } from './binary.js';
import { castScalar, isFloatDtype, type Scalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

const BINARY = { sum: 'add', prod: 'mul', max: 'maximum', min: 'minimum' } as const;

/**
 * Inclusive scan of `x` along `dim`, each element cast to `out`'s dtype first;
 * float sums and products accumulate in double.
 *
 * @example scanOracle('sum', x, 0, out)
 */
export function scanOracle(op: ScanOp, x: OracleView, dim: number, out: OracleView): void {
  const n = x.shape[dim] ?? 1;
  const rowsShape = x.shape.map((s, i) => (i === dim ? 1 : s));
  const wide = isFloatDtype(out.dtype) ? 'float64' : out.dtype;
  forEachIndex(rowsShape, (base) => {
    let acc: Scalar = 0;
    for (let j = 0; j < n; j++) {
      const at = base.map((v, i) => (i === dim ? j : v));
      const v = castScalar(getAt(x, at), out.dtype);
      acc = j === 0 ? castScalar(v, wide) : binaryScalar(BINARY[op], acc, castScalar(v, wide), wide);
      setAt(out, at, castScalar(acc, out.dtype));
    }
  });
}
