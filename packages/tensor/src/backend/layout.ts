// Shape and stride arithmetic shared by `tensor` and every backend.

import type { BackendBuffer, View } from './types.js';

/** Number of elements of a shape (1 for rank 0). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** Row-major strides of a shape (size-0 dims count as 1, as PyTorch's `stride()`). */
export function contiguousStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(shape[i]!, 1);
  }
  return strides;
}

/** True when the view's elements are exactly `offset … offset + numel - 1` in row-major order. */
export function isContiguousLayout(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const size = shape[i]!;
    if (size === 1) continue;
    if (strides[i] !== expected) return false;
    expected *= size;
  }
  return true;
}

/** A row-major view over a whole buffer. */
export function contiguousView<B extends BackendBuffer>(
  buf: B,
  dtype: View['dtype'],
  shape: readonly number[],
  offset = 0,
): View<B> {
  return { buf, dtype, shape, strides: contiguousStrides(shape), offset };
}

/**
 * The element offset of every element of `view`, in row-major order. The
 * backbone of strided kernels: one odometer walk, no per-element division.
 */
export function elementOffsets(shape: readonly number[], strides: readonly number[], offset: number): Int32Array | Float64Array {
  const n = numel(shape);
  const out = n < 2 ** 31 ? new Int32Array(n) : new Float64Array(n);
  if (n === 0) return out;
  const rank = shape.length;
  if (rank === 0) {
    out[0] = offset;
    return out;
  }
  const last = rank - 1;
  const lastSize = shape[last]!;
  const lastStride = strides[last]!;
  const idx = new Array<number>(rank).fill(0);
  let base = offset;
  let k = 0;
  while (k < n) {
    for (let j = 0, p = base; j < lastSize; j++, p += lastStride) out[k++] = p;
    // advance the odometer over the outer dims
    let d = last - 1;
    while (d >= 0) {
      idx[d]!++;
      base += strides[d]!;
      if (idx[d]! < shape[d]!) break;
      base -= strides[d]! * shape[d]!;
      idx[d] = 0;
      d--;
    }
    if (d < 0) break;
  }
  return out;
}

/** Drops size-1 dims and fuses adjacent dims that are contiguous with each other in every operand, so kernels walk fewer, longer rows. */
export function coalesce(
  shape: readonly number[],
  stridesList: readonly (readonly number[])[],
): { shape: number[]; strides: number[][] } {
  const outShape: number[] = [];
  const outStrides: number[][] = stridesList.map(() => []);
  for (let i = 0; i < shape.length; i++) {
    const size = shape[i]!;
    if (size === 1) continue;
    const n = outShape.length;
    if (n > 0) {
      const prevSize = outShape[n - 1]!;
      // dim i-1 (outer) can merge with dim i (inner) when stride_outer == stride_inner * size_inner for every operand
      const mergeable = stridesList.every((s, k) => outStrides[k]![n - 1] === s[i]! * size);
      if (mergeable) {
        outShape[n - 1] = prevSize * size;
        stridesList.forEach((s, k) => (outStrides[k]![n - 1] = s[i]!));
        continue;
      }
    }
    outShape.push(size);
    stridesList.forEach((s, k) => outStrides[k]!.push(s[i]!));
  }
  return { shape: outShape, strides: outStrides };
}
