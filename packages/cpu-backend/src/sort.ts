// The sort fast path: one lane at a time, a comparison sort of positions with
// the position as tiebreak (so the result is stable whatever the engine's sort),
// NaN after +Inf as in PyTorch.

import type { CpuView } from './buffer.js';
import { laneIndices, lanes } from './lanes.js';
import { moveRaw, loadValues } from './storage.js';

type Keys = Float64Array | BigInt64Array;

/** Ascending order of positions `a`, `b` by key; NaN largest; ties by position. */
function ascending(keys: Keys): (a: number, b: number) => number {
  return (a, b) => {
    const va = keys[a]!;
    const vb = keys[b]!;
    if (va < vb) return -1;
    if (va > vb) return 1;
    const na = va !== va;
    if (na !== (vb !== vb)) return na ? 1 : -1;
    return a - b;
  };
}

/** Descending order by key; NaN first (largest); ties still by position. */
function descendingOrder(keys: Keys): (a: number, b: number) => number {
  return (a, b) => {
    const va = keys[a]!;
    const vb = keys[b]!;
    if (va > vb) return -1;
    if (va < vb) return 1;
    const na = va !== va;
    if (na !== (vb !== vb)) return na ? -1 : 1;
    return a - b;
  };
}

/**
 * Stable sort of `x` along `dim` into `values` and int64 `indices` (see the
 * contract's `FastPaths.sort`).
 *
 * @example
 * sort(x, 1, true, values, indices); // torch.sort(x, 1, descending=True, stable=True)
 */
export function sort(x: CpuView, dim: number, descending: boolean, values: CpuView, indices: CpuView): void {
  const xl = lanes(x, dim);
  const vl = lanes(values, dim);
  const il = lanes(indices, dim);
  const n = xl.size;
  if (n === 0) return;
  const keys: Keys = x.dtype === 'int64' ? new BigInt64Array(n) : new Float64Array(n);
  const order = new Int32Array(n);
  const src = new Int32Array(n);
  const dst = new Int32Array(n);
  const idxOut = new Int32Array(n);
  const compare = descending ? descendingOrder(keys) : ascending(keys);
  const outIdx = indices.buf.data as BigInt64Array;
  for (let l = 0; l < xl.starts.length; l++) {
    laneIndices(xl.starts[l]!, n, xl.stride, src);
    if (keys instanceof BigInt64Array) {
      const data = x.buf.data as BigInt64Array;
      for (let j = 0; j < n; j++) keys[j] = data[src[j]!]!;
    } else {
      loadValues(x.buf.data, x.dtype, src, n, keys);
    }
    for (let j = 0; j < n; j++) order[j] = j;
    order.sort(compare);
    // values: raw storage elements moved in sorted order (half bits and bigints exactly)
    for (let j = 0; j < n; j++) dst[j] = src[order[j]!]!;
    laneIndices(vl.starts[l]!, n, vl.stride, idxOut);
    moveRaw(x.buf.data, dst, values.buf.data, idxOut, n);
    laneIndices(il.starts[l]!, n, il.stride, idxOut);
    for (let j = 0; j < n; j++) outIdx[idxOut[j]!] = BigInt(order[j]!);
  }
}
