// The sort fast path, one lane at a time. Dtypes whose values fit 32 bits sort
// by an LSD radix sort of order-preserving unsigned keys (stable by construction);
// float64 and int64 by a comparison sort with the position as tiebreak. NaN sorts
// after +Inf and -0 equals +0, as in PyTorch.

import type { CpuView } from './buffer.js';
import { laneIndices, lanes } from './lanes.js';
import { moveRaw, loadValues } from './storage.js';

type Keys = Float64Array | BigInt64Array;

/** Dtypes sorted through 32-bit radix keys (every value is exact as a float32 or an int32). */
const RADIX = new Set(['float32', 'float16', 'bfloat16', 'int32', 'int8', 'uint8', 'bool']);

/** Whether typed arrays are little-endian here (int64 indices are then written as two int32 words). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** An unsigned key whose order is the ascending order of float `v` (NaN last, -0 = +0). */
function floatKey(v: number): number {
  if (v !== v) return 0xffffffff;
  f32[0] = v === 0 ? 0 : v;
  const bits = u32[0]!;
  return bits & 0x80000000 ? ~bits >>> 0 : (bits | 0x80000000) >>> 0;
}

/** Stable LSD radix sort of `order` by `keys` (both permuted), 8 bits per pass; `tk`/`to` are scratch. */
function radixSort(keys: Uint32Array, order: Int32Array, tk: Uint32Array, to: Int32Array, n: number): void {
  const count = new Int32Array(256);
  let k = keys;
  let o = order;
  let k2 = tk;
  let o2 = to;
  for (let shift = 0; shift < 32; shift += 8) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(k[i]! >>> shift) & 255]!++;
    // a pass where every key has the same byte changes nothing
    if (count[(k[0]! >>> shift) & 255] === n) continue;
    for (let b = 0, sum = 0; b < 256; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = k[i]!;
      const p = count[(key >>> shift) & 255]!++;
      k2[p] = key;
      o2[p] = o[i]!;
    }
    [k, k2] = [k2, k];
    [o, o2] = [o2, o];
  }
  if (o !== order) order.set(o.subarray(0, n));
}

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
  const radix = RADIX.has(x.dtype);
  const isFloat = x.dtype === 'float32' || x.dtype === 'float16' || x.dtype === 'bfloat16';
  const rk = new Uint32Array(radix ? n : 0);
  const tk = new Uint32Array(radix ? n : 0);
  const to = new Int32Array(radix ? n : 0);
  const order = new Int32Array(n);
  const src = new Int32Array(n);
  const dst = new Int32Array(n);
  const idxOut = new Int32Array(n);
  const compare = descending ? descendingOrder(keys) : ascending(keys);
  // int64 indices written as two int32 words: creating a BigInt per element would dominate the sort
  const idxData = indices.buf.data as BigInt64Array;
  const words = new Int32Array(idxData.buffer, idxData.byteOffset, idxData.length * 2);
  for (let l = 0; l < xl.starts.length; l++) {
    laneIndices(xl.starts[l]!, n, xl.stride, src);
    if (keys instanceof BigInt64Array) {
      const data = x.buf.data as BigInt64Array;
      for (let j = 0; j < n; j++) keys[j] = data[src[j]!]!;
    } else {
      loadValues(x.buf.data, x.dtype, src, n, keys);
    }
    for (let j = 0; j < n; j++) order[j] = j;
    if (radix) {
      const vals = keys as Float64Array;
      for (let j = 0; j < n; j++) {
        const key = isFloat ? floatKey(vals[j]!) : ((vals[j]! | 0) ^ 0x80000000) >>> 0;
        rk[j] = descending ? ~key >>> 0 : key;
      }
      radixSort(rk, order, tk, to, n);
    } else {
      order.sort(compare);
    }
    // values: raw storage elements moved in sorted order (half bits and bigints exactly)
    for (let j = 0; j < n; j++) dst[j] = src[order[j]!]!;
    laneIndices(vl.starts[l]!, n, vl.stride, idxOut);
    moveRaw(x.buf.data, dst, values.buf.data, idxOut, n);
    laneIndices(il.starts[l]!, n, il.stride, idxOut);
    if (LITTLE_ENDIAN) {
      for (let j = 0; j < n; j++) {
        const p = 2 * idxOut[j]!;
        words[p] = order[j]!;
        words[p + 1] = 0;
      }
    } else {
      for (let j = 0; j < n; j++) idxData[idxOut[j]!] = BigInt(order[j]!);
    }
  }
}
