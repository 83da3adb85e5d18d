// A view seen as lanes along one dim: the fast paths (softmax, scan) work one lane at a time.

import { elementOffsets } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import type { Offsets } from './storage.js';

/** Lanes of a view along one dim: lane l's element j lives at `starts[l] + j * stride`. */
export interface Lanes {
  readonly starts: Offsets;
  readonly size: number;
  readonly stride: number;
}

/**
 * The lanes of `view` along `dim`: lane l's element j lives at `starts[l] + j * stride`.
 * Lanes are in row-major order over the other dims; a rank-0 view is one lane of one element.
 *
 * @example
 * const { starts, size, stride } = lanes(x, 1);
 */
export function lanes(view: CpuView, dim: number): Lanes {
  const rank = view.shape.length;
  if (rank === 0) return { starts: Int32Array.of(view.offset), size: 1, stride: 0 };
  const d = dim < 0 ? dim + rank : dim;
  const shape = view.shape.map((s, i) => (i === d ? 1 : s));
  return { starts: elementOffsets(shape, view.strides, view.offset), size: view.shape[d]!, stride: view.strides[d]! };
}

/**
 * The storage offsets of one lane.
 *
 * @example
 * laneIndices(start, size, stride, scratch);
 */
export function laneIndices(start: number, size: number, stride: number, dst: Int32Array): Int32Array {
  for (let j = 0, p = start; j < size; j++, p += stride) dst[j] = p;
  return dst;
}
