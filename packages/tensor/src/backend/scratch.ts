// Scratch views and view arithmetic for the reference decompositions: they run on a
// backend's primitives, so they build backend views (metadata only) and scratch buffers.

import { contiguousStrides, numel } from './layout.js';
import type { Backend, BackendBuffer, View } from './types.js';

/** A scratch row-major view of `shape`; free it with `backend.free(view.buf)`. @example const s = scratch(backend, 'float32', [2, 3]) */
export function scratch<B extends BackendBuffer>(backend: Backend<B>, dtype: View['dtype'], shape: readonly number[]): View<B> {
  return { buf: backend.alloc(dtype, Math.max(numel(shape), 1)), dtype, shape, strides: contiguousStrides(shape), offset: 0 };
}

/** `v` with `dim` set to size `size` and stride 0 (a broadcast of a keepdim reduction). @example broadcastAlong(rowMax, 1, n) */
export function broadcastAlong<B extends BackendBuffer>(v: View<B>, dim: number, size: number): View<B> {
  const shape = [...v.shape];
  const strides = [...v.strides];
  shape[dim] = size;
  strides[dim] = 0;
  return { ...v, shape, strides };
}

/** `v` narrowed to `[start, start + length)` along `dim`. @example narrowView(v, 0, 1, 2) */
export function narrowView<B extends BackendBuffer>(v: View<B>, dim: number, start: number, length: number): View<B> {
  const shape = [...v.shape];
  shape[dim] = length;
  return { ...v, shape, offset: v.offset + start * v.strides[dim]! };
}
