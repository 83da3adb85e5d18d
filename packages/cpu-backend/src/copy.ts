// Strided copies with cast, fill, where, and reads: same-dtype moves copy the
// raw storage (bits, bigints) exactly; others go through numbers with a cast.

import { allocStorageArray, isContiguousLayout, numel } from '@torchlet/tensor/backend';
import type { DType, Operand, StorageArray } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';
import { applyConvert, castScalar, converter } from './cast.js';
import { fastCastCopy } from './fast/castCopy.js';
import { fastCopy } from './fast/copy.js';
import { int64To } from './int64.js';
import { forChunks, sink, sinkInt64, source, sourceInt64 } from './pipeline.js';
import { CHUNK, allOffsets, encode, loadValues, moveRaw, storeValues } from './storage.js';
import type { Offsets, RawElements } from './storage.js';

/**
 * `dst[dIdx[i]] = cast(src[sIdx[i]])` for `i < n`: the element move behind copy, gather and read.
 *
 * @example
 * transfer(x.buf.data, 'int64', sIdx, out.buf.data, 'int32', dIdx, n);
 */
export function transfer(src: StorageArray, from: DType, sIdx: Offsets, dst: StorageArray, to: DType, dIdx: Offsets, n: number): void {
  if (from === to) {
    moveRaw(src, sIdx, dst, dIdx, n);
    return;
  }
  if (from === 'int64' && to !== 'float64') {
    // from the exact bigint: narrower ints wrap it, float32 rounds it once
    const s = src as BigInt64Array;
    const vals = new Float64Array(n);
    for (let i = 0; i < n; i++) vals[i] = int64To(s[sIdx[i]!]!, to);
    storeValues(dst, to, dIdx, n, vals);
    return;
  }
  const vals = new Float64Array(CHUNK);
  const conv = converter(from, to);
  forChunks(n, (start, len) => {
    loadValues(src, from, sIdx.subarray(start, start + len), len, vals);
    applyConvert(vals, len, conv);
    storeValues(dst, to, dIdx.subarray(start, start + len), len, vals);
  });
}

/**
 * `dst[i] = cast(src[i])` over two views of the same shape.
 *
 * @example
 * copy(transposedView, contiguousOut);
 */
export function copy(src: CpuView, dst: CpuView): void {
  const n = numel(dst.shape);
  if (n === 0) return;
  if (src.dtype === dst.dtype && isContiguousLayout(src.shape, src.strides) && isContiguousLayout(dst.shape, dst.strides)) {
    const s = src.buf.data as unknown as { subarray(a: number, b: number): ArrayLike<number> & ArrayBufferView };
    const d = dst.buf.data as unknown as { set(a: ArrayLike<number>, offset: number): void };
    d.set(s.subarray(src.offset, src.offset + n), dst.offset);
    return;
  }
  if (fastCopy(src, dst) || fastCastCopy(src, dst)) return;
  transfer(src.buf.data, src.dtype, allOffsets(src), dst.buf.data, dst.dtype, allOffsets(dst), n);
}

/**
 * Sets every element of `out` to `value` (a bigint keeps int64 values exact).
 *
 * @example
 * fill(out, 0);
 */
export function fill(out: CpuView, value: number | bigint): void {
  let element: number | bigint;
  if (typeof value === 'bigint') {
    element = out.dtype === 'int64' ? BigInt.asIntN(64, value) : encode(castScalar(Number(value), 'int64', out.dtype), out.dtype);
  } else {
    element = encode(castScalar(value, 'float64', out.dtype), out.dtype);
  }
  const n = numel(out.shape);
  if (n === 0) return;
  const data = out.buf.data as unknown as RawElements & { fill(v: number | bigint, start: number, end: number): void };
  if (isContiguousLayout(out.shape, out.strides)) {
    data.fill(element, out.offset, out.offset + n);
    return;
  }
  const idx = allOffsets(out);
  for (let i = 0; i < n; i++) data[idx[i]!] = element;
}

/**
 * The elements of `view` in row-major order, as a new storage array of its dtype.
 *
 * @example
 * read(view); // Float32Array [...]
 */
export function read(view: CpuView): StorageArray {
  const n = numel(view.shape);
  const out = allocStorageArray(view.dtype, n);
  if (n === 0) return out;
  if (isContiguousLayout(view.shape, view.strides)) {
    const s = view.buf.data as unknown as { slice(a: number, b: number): StorageArray };
    return s.slice(view.offset, view.offset + n);
  }
  const dIdx = new Int32Array(n);
  for (let i = 0; i < n; i++) dIdx[i] = i;
  moveRaw(view.buf.data, allOffsets(view), out, dIdx, n);
  return out;
}

/**
 * `out[i] = cond[i] ? a[i] : b[i]` (cond truthy when nonzero), cast to out's dtype.
 *
 * @example
 * where(mask, x, 0, out);
 */
export function where(cond: CpuView, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView): void {
  const n = numel(out.shape);
  if (n === 0) return;
  if (out.dtype === 'int64') {
    whereInt64(cond, a, b, out);
    return;
  }
  const sc = source(cond, 'float64');
  const sa = source(a, out.dtype);
  const sb = source(b, out.dtype);
  const dst = sink(out, out.dtype);
  const r = new Float64Array(CHUNK);
  forChunks(n, (start, len) => {
    const c = sc.read(start, len);
    const x = sa.read(start, len);
    const y = sb.read(start, len);
    for (let i = 0; i < len; i++) r[i] = c[i] !== 0 ? x[i]! : y[i]!;
    dst.write(start, len, r);
  });
}

/** where into int64, on bigints so that values beyond 2^53 stay exact. */
function whereInt64(cond: CpuView, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView): void {
  const sc = source(cond, 'float64');
  const sa = sourceInt64(a);
  const sb = sourceInt64(b);
  const dst = sinkInt64(out);
  const r = new BigInt64Array(CHUNK);
  forChunks(dst.n, (start, len) => {
    const c = sc.read(start, len);
    const x = sa.read(start, len);
    const y = sb.read(start, len);
    for (let i = 0; i < len; i++) r[i] = c[i] !== 0 ? x[i]! : y[i]!;
    dst.write(start, len, r);
  });
}
