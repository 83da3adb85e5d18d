// Sliding windows over the spatial dims of [N, C, ...spatial] views, made of
// primitives only: padding is fill + copy, a window is a strided view
// (metadata), and summing windows back (col2im) is one strided add per kernel
// offset. Shared by the convolution and pooling reference decompositions.

import { contiguousStrides, numel } from './layout.js';
import type { Backend, BackendBuffer, View } from './types.js';

/**
 * A scratch row-major view of `shape` (at least one element allocated); free it with `backend.free(v.buf)`.
 * @example const s = scratch(backend, 'float32', [2, 3]); backend.free(s.buf)
 */
export function scratch<B extends BackendBuffer>(backend: Backend<B>, dtype: View['dtype'], shape: readonly number[]): View<B> {
  return { buf: backend.alloc(dtype, Math.max(numel(shape), 1)), dtype, shape: [...shape], strides: contiguousStrides(shape), offset: 0 };
}

/**
 * The padded extent a window sweep needs along one dim: `(out − 1)·stride + (kernel − 1)·dilation + 1`.
 * @example sweepExtent(3, 2, 2, 1) // 6: windows at 0, 2, 4, two wide
 */
export function sweepExtent(out: number, kernel: number, stride: number, dilation: number): number {
  return out === 0 ? 0 : (out - 1) * stride + (kernel - 1) * dilation + 1;
}

/**
 * `x` [N, C, ...S] copied into a new scratch [N, C, ...(S + lo + extra)] filled
 * with `value`, where each spatial dim is padded by `lo` before and enough
 * after to hold `extent` elements (at least `lo`).
 * @example const padded = padInto(backend, x, [1, 1], [0, 0], 0) // x [N, C, H, W] in a zero frame of 1
 */
export function padInto<B extends BackendBuffer>(
  backend: Backend<B>,
  x: View<B>,
  lo: readonly number[],
  extent: readonly number[],
  value: number,
): View<B> {
  const spatial = x.shape.slice(2);
  const size = spatial.map((s, i) => Math.max(s + 2 * lo[i]!, extent[i]!));
  const padded = scratch(backend, x.dtype, [...x.shape.slice(0, 2), ...size]);
  backend.fill(padded, value);
  const interiorOffset = lo.reduce((o, p, i) => o + p * padded.strides[i + 2]!, 0);
  if (numel(x.shape) > 0) backend.copy(x, { ...padded, shape: x.shape, offset: interiorOffset });
  return padded;
}

/**
 * The windows of `v` [N, C, ...S] as a view [N, C, ...out, ...kernel]: element
 * (n, c, o…, k…) is v[n, c, o·stride + k·dilation …]. Metadata only.
 * @example windowsView(x, [2, 2], [2, 2], [1, 1], [3, 3]).shape // [N, C, 3, 3, 2, 2]
 */
export function windowsView<B extends BackendBuffer>(
  v: View<B>,
  kernel: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
  out: readonly number[],
): View<B> {
  const s = v.strides.slice(2);
  return {
    ...v,
    shape: [v.shape[0]!, v.shape[1]!, ...out, ...kernel],
    strides: [v.strides[0]!, v.strides[1]!, ...s.map((st, i) => st * stride[i]!), ...s.map((st, i) => st * dilation[i]!)],
  };
}

/**
 * Every multi-index of `shape`, row-major.
 * @example multiIndices([2, 2]) // [[0, 0], [0, 1], [1, 0], [1, 1]]
 */
export function multiIndices(shape: readonly number[]): number[][] {
  const all: number[][] = [];
  const n = numel(shape);
  for (let k = 0; k < n; k++) {
    const idx = new Array<number>(shape.length);
    for (let d = shape.length - 1, r = k; d >= 0; d--) {
      idx[d] = r % shape[d]!;
      r = Math.floor(r / shape[d]!);
    }
    all.push(idx);
  }
  return all;
}

/** Geometry of a window sweep over the spatial dims. */
export interface Sweep {
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly dilation: readonly number[];
}

/**
 * im2col: the windows of `x` [N, C, ...S] (zero-padded) as a scratch
 * [N, C, ...kernel, ...out], contiguous, so that it reads as [N, C·Πkernel, Πout].
 * @example const cols = im2col(backend, x, { kernel: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1] }, [H, W])
 */
export function im2col<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, sw: Sweep, out: readonly number[]): View<B> {
  const d = sw.kernel.length;
  const padded = sw.padding.some((p) => p > 0);
  const extent = out.map((o, i) => sweepExtent(o, sw.kernel[i]!, sw.stride[i]!, sw.dilation[i]!));
  const src = padded ? padInto(backend, x, sw.padding, extent, 0) : x;
  try {
    const w = windowsView(src, sw.kernel, sw.stride, sw.dilation, out);
    // [N, C, ...out, ...kernel] → [N, C, ...kernel, ...out]
    const perm = [0, 1, ...Array.from({ length: d }, (_, i) => 2 + d + i), ...Array.from({ length: d }, (_, i) => 2 + i)];
    const src2: View<B> = { ...w, shape: perm.map((p) => w.shape[p]!), strides: perm.map((p) => w.strides[p]!) };
    const cols = scratch(backend, x.dtype, src2.shape);
    if (numel(cols.shape) > 0) backend.copy(src2, cols);
    return cols;
  } finally {
    if (padded) backend.free(src.buf);
  }
}

/**
 * col2im: `out` [N, C, ...S] = for every input element, the sum of the column
 * entries of `cols` [N, C, ...kernel, ...outSize] (any strides) whose window
 * covers it. One strided add per kernel offset into a zero-padded accumulator.
 * @example col2im(backend, cols, { kernel: [3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1] }, [H, W], gradIn)
 */
export function col2im<B extends BackendBuffer>(backend: Backend<B>, cols: View<B>, sw: Sweep, outSize: readonly number[], out: View<B>): void {
  const d = sw.kernel.length;
  const spatial = out.shape.slice(2);
  const extent = outSize.map((o, i) => sweepExtent(o, sw.kernel[i]!, sw.stride[i]!, sw.dilation[i]!));
  const size = spatial.map((s, i) => Math.max(s + 2 * sw.padding[i]!, extent[i]!));
  const acc = scratch(backend, out.dtype, [out.shape[0]!, out.shape[1]!, ...size]);
  try {
    backend.fill(acc, 0);
    const accS = acc.strides.slice(2);
    const colK = cols.strides.slice(2, 2 + d);
    const colO = cols.strides.slice(2 + d);
    const shape = [out.shape[0]!, out.shape[1]!, ...outSize];
    if (numel(shape) > 0) {
      for (const k of multiIndices(sw.kernel)) {
        const target: View<B> = {
          ...acc,
          shape,
          strides: [acc.strides[0]!, acc.strides[1]!, ...accS.map((s, i) => s * sw.stride[i]!)],
          offset: k.reduce((o, ki, i) => o + ki * sw.dilation[i]! * accS[i]!, 0),
        };
        const src: View<B> = {
          ...cols,
          shape,
          strides: [cols.strides[0]!, cols.strides[1]!, ...colO],
          offset: cols.offset + k.reduce((o, ki, i) => o + ki * colK[i]!, 0),
        };
        backend.binary('add', target, src, target, out.dtype);
      }
    }
    const interior = sw.padding.reduce((o, p, i) => o + p * accS[i]!, 0);
    if (numel(out.shape) > 0) backend.copy({ ...acc, shape: out.shape, offset: interior }, out);
  } finally {
    backend.free(acc.buf);
  }
}
