// The inclusive-scan fast path (cumsum, cumprod, cummax, cummin) along one dim.

import { isFloatingPoint } from '@torchlet/tensor/backend';
import type { ScanOp } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, converter, normalizer } from './cast.js';
import { laneIndices, lanes } from './lanes.js';
import { mulInt64 } from './math/scalar.js';
import { loadValues, storeValues } from './storage.js';

/**
 * Inclusive scan of `x` along `dim` into `out`: sums and products accumulate in
 * float64 (exact integers for integer outputs); max/min propagate NaN.
 *
 * @example
 * scan('sum', x, 0, out); // torch.cumsum
 */
export function scan(op: ScanOp, x: CpuView, dim: number, out: CpuView): void {
  const xl = lanes(x, dim);
  const ol = lanes(out, dim);
  const size = xl.size;
  const vals = new Float64Array(size);
  const idx = new Int32Array(size);
  const intOut = !isFloatingPoint(out.dtype);
  const from = op === 'max' || op === 'min' ? x.dtype : intOut ? 'int64' : 'float64';
  const wrap = from === 'int64' ? normalizer('int64') : null;
  const conv = converter(from, out.dtype);
  const mul = intOut ? mulInt64 : (a: number, b: number): number => a * b;
  for (let l = 0; l < xl.starts.length; l++) {
    loadValues(x.buf.data, x.dtype, laneIndices(xl.starts[l]!, size, xl.stride, idx), size, vals);
    let acc = vals[0]!;
    for (let j = 1; j < size; j++) {
      const v = vals[j]!;
      switch (op) {
        case 'sum':
          acc += v;
          break;
        case 'prod':
          acc = mul(acc, v);
          break;
        case 'max':
          if (v > acc || v !== v) acc = acc !== acc ? acc : v;
          break;
        case 'min':
          if (v < acc || v !== v) acc = acc !== acc ? acc : v;
          break;
      }
      vals[j] = acc;
    }
    applyConvert(vals, size, wrap);
    applyConvert(vals, size, conv);
    storeValues(out.buf.data, out.dtype, laneIndices(ol.starts[l]!, size, ol.stride, idx), size, vals);
  }
}
