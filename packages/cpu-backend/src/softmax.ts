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
  // float lanes stepping by 1: moved directly (a Float32Array store rounds as conv does)
  const isFloat = (v: CpuView): boolean => v.dtype === 'float32' || v.dtype === 'float64';
  const direct = isFloat(x) && isFloat(out) && xl.stride === 1 && ol.stride === 1;
  const xa = x.buf.data as Float32Array | Float64Array;
  const oa = out.buf.data as Float32Array | Float64Array;
  for (let l = 0; l < xl.starts.length; l++) {
    if (direct) {
      const s = xl.starts[l]!;
      for (let j = 0; j < size; j++) vals[j] = xa[s + j]!;
    } else loadValues(x.buf.data, x.dtype, laneIndices(xl.starts[l]!, size, xl.stride, idx), size, vals);
    let max = -Infinity;
    for (let j = 0; j < size; j++) {
      const v = vals[j]!;
      if (v > max || v !== v) max = v;
      if (v !== v) break;
    }
    let sum = 0;
    if (log) {
      for (let j = 0; j < size; j++) sum += Math.exp(vals[j]! - max);
      const logSum = Math.log(sum);
      for (let j = 0; j < size; j++) vals[j] = vals[j]! - max - logSum;
    } else {
      // each exp once: kept in vals, then divided by the sum
      for (let j = 0; j < size; j++) {
        const e = Math.exp(vals[j]! - max);
        vals[j] = e;
        sum += e;
      }
      for (let j = 0; j < size; j++) vals[j] = vals[j]! / sum;
    }
    if (direct) {
      const t = ol.starts[l]!;
      for (let j = 0; j < size; j++) oa[t + j] = vals[j]!;
      continue;
    }
    applyConvert(vals, size, conv);
    storeValues(out.buf.data, out.dtype, laneIndices(ol.starts[l]!, size, ol.stride, idx), size, vals);
  }
}
