// The oracle of `backend.matmul`.

import { castScalar, isFloatDtype, toBigint } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/**
 * `out[...b, m, n] = Σ_k a[...b, m, k] * b[...b, k, n]`, accumulated in double (floats) or
 * exactly (ints, wrapping once at the end), then cast to `out`'s dtype.
 *
 * @example matmulOracle(a, b, out)
 */
export function matmulOracle(a: OracleView, b: OracleView, out: OracleView): void {
  const rank = out.shape.length;
  const K = a.shape[rank - 1] ?? 0;
  const float = isFloatDtype(out.dtype);
  forEachIndex(out.shape, (idx) => {
    const batch = idx.slice(0, rank - 2);
    const m = idx[rank - 2] ?? 0;
    const n = idx[rank - 1] ?? 0;
    let accF = 0;
    let accI = 0n;
    for (let k = 0; k < K; k++) {
      const x = castScalar(getAt(a, [...batch, m, k]), out.dtype);
      const y = castScalar(getAt(b, [...batch, k, n]), out.dtype);
      if (float) accF += Number(x) * Number(y);
      else accI += toBigint(x) * toBigint(y);
    }
    setAt(out, idx, castScalar(float ? accF : accI, out.dtype));
  });
}
