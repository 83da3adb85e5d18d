// The softmax / log-softmax fast path: one lane at a time, in float64.

import type { CpuView } from './buffer.js';
import { applyConvert, converter } from './cast.js';
import { laneIndices, lanes } from './lanes.js';
import { loadValues, storeValues } from './storage.js';

/**
 * softmax (or log-softmax) of `x` along `dim` into `out`: exp(x - max) / Σ exp(x - max),
 * accumulated in float64 and cast to out's dtype.
 *
 * @example
 * softmax(x, -1, out, false);
 */
export function softmax(x: CpuView, dim: number, out: CpuView, log: boolean): void {
  const xl = lanes(x, dim);
  const ol = lanes(out, dim);
  const size = xl.size;
  const vals = new Float64Array(size);
  const idx = new Int32Array(size);
  const conv = converter('float64', out.dtype);
  for (let l = 0; l < xl.starts.length; l++) {
    loadValues(x.buf.data, x.dtype, laneIndices(xl.starts[l]!, size, xl.stride, idx), size, vals);
    let max = -Infinity;
    for (let j = 0; j < size; j++) {
      const v = vals[j]!;
      if (v > max || v !== v) max = v;
      if (v !== v) break;
    }
    let sum = 0;
    for (let j = 0; j < size; j++) sum += Math.exp(vals[j]! - max);
    if (log) {
      const logSum = Math.log(sum);
      for (let j = 0; j < size; j++) vals[j] = vals[j]! - max - logSum;
    } else {
      for (let j = 0; j < size; j++) vals[j] = Math.exp(vals[j]! - max) / sum;
    }
    applyConvert(vals, size, conv);
    storeValues(out.buf.data, out.dtype, laneIndices(ol.starts[l]!, size, ol.stride, idx), size, vals);
  }
}
