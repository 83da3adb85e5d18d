// The inclusive-scan fast path (cumsum, cumprod, cummax, cummin) along one dim.

import { isFloatingPoint } from '@torchlet/tensor/backend';
import type { ScanOp } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, converter } from './cast.js';
import { int64To, loadInt64 } from './int64.js';
import { laneIndices, lanes } from './lanes.js';
import type { Lanes } from './lanes.js';
import { loadValues, storeValues } from './storage.js';

/**
 * Inclusive scan of `x` along `dim` into `out`. Each element is cast to out's
 * dtype first (as `cumsum(x, dtype=…)` does); float sums and products accumulate
 * in float64, integer ones exactly (modulo 2^64); max/min propagate NaN.
 *
 * @example
 * scan('sum', x, 0, out); // torch.cumsum
 */
export function scan(op: ScanOp, x: CpuView, dim: number, out: CpuView): void {
  const xl = lanes(x, dim);
  const ol = lanes(out, dim);
  if (!isFloatingPoint(out.dtype)) {
    scanInt(op, x, xl, ol, out);
    return;
  }
  const size = xl.size;
  const vals = new Float64Array(size);
  const idx = new Int32Array(size);
  const toOut = converter(x.dtype, out.dtype);
  const conv = converter('float64', out.dtype);
  for (let l = 0; l < xl.starts.length; l++) {
    loadValues(x.buf.data, x.dtype, laneIndices(xl.starts[l]!, size, xl.stride, idx), size, vals);
    applyConvert(vals, size, toOut);
    let acc = vals[0]!;
    for (let j = 1; j < size; j++) {
      const v = vals[j]!;
      if (op === 'sum') acc += v;
      else if (op === 'prod') acc *= v;
      else if (acc === acc && (v !== v || (op === 'max' ? v > acc : v < acc))) acc = v;
      vals[j] = acc;
    }
    applyConvert(vals, size, conv);
    storeValues(out.buf.data, out.dtype, laneIndices(ol.starts[l]!, size, ol.stride, idx), size, vals);
  }
}

/** Scans into integer (or bool) outputs on bigints: exact, wrapped to out's width on store. */
function scanInt(op: ScanOp, x: CpuView, xl: Lanes, ol: Lanes, out: CpuView): void {
  const size = xl.size;
  const big = new BigInt64Array(size);
  const vals = new Float64Array(size);
  const idx = new Int32Array(size);
  for (let l = 0; l < xl.starts.length; l++) {
    loadInt64(x.buf.data, x.dtype, laneIndices(xl.starts[l]!, size, xl.stride, idx), size, big);
    if (out.dtype !== 'int64') for (let j = 0; j < size; j++) big[j] = BigInt(int64To(big[j]!, out.dtype));
    for (let j = 1; j < size; j++) {
      const acc = big[j - 1]!;
      const v = big[j]!;
      big[j] = op === 'sum' ? acc + v : op === 'prod' ? acc * v : op === 'max' ? (v > acc ? v : acc) : v < acc ? v : acc;
    }
    laneIndices(ol.starts[l]!, size, ol.stride, idx);
    if (out.dtype === 'int64') {
      const o = out.buf.data as BigInt64Array;
      for (let j = 0; j < size; j++) o[idx[j]!] = big[j]!;
    } else {
      for (let j = 0; j < size; j++) vals[j] = int64To(big[j]!, out.dtype);
      storeValues(out.buf.data, out.dtype, idx, size, vals);
    }
  }
}
