// Picks positions along one dim through the gather primitive (an index_select
// with a host-made index table): padding modes and nearest-neighbour resizing.

import type { View } from '../backend/types.js';
import { fromValues } from '../creation.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';

/**
 * `x` with dim `dim` replaced by `x[..., positions[i], ...]` for each i.
 * @example selectAlong(torch.tensor([1, 2, 3]), 0, [2, 2, 0]) // tensor([3, 3, 1])
 */
export function selectAlong(x: Tensor, dim: number, positions: readonly number[]): Tensor {
  const n = positions.length;
  const shape = x.shape.map((s, i) => (i === dim ? n : s));
  const out = emptyTensor(shape, x.dtype, x.device);
  if (out.numel() === 0) return out;
  const index = fromValues(positions, [n], 'int64', x.device);
  const idx: View = { ...index.backendView, shape, strides: shape.map((_, i) => (i === dim ? 1 : 0)) };
  x.storage.backend.gather(x.backendView, dim, idx, out.backendView);
  return out;
}

/**
 * The adjoint of `selectAlong`: a tensor with dim `dim` of length `size`, where
 * position p receives the sum of `g`'s entries i with `positions[i] = p`.
 * @example scatterAlong(torch.tensor([1, 2, 3]), 0, [2, 2, 0], 3) // tensor([3, 0, 3])
 */
export function scatterAlong(g: Tensor, dim: number, positions: readonly number[], size: number): Tensor {
  const shape = g.shape.map((s, i) => (i === dim ? size : s));
  const out = emptyTensor(shape, g.dtype, g.device);
  if (out.numel() === 0) return out;
  const backend = g.storage.backend;
  backend.fill(out.backendView, 0);
  if (g.numel() === 0) return out;
  const index = fromValues(positions, [positions.length], 'int64', g.device);
  const idx: View = { ...index.backendView, shape: g.shape, strides: g.shape.map((_, i) => (i === dim ? 1 : 0)) };
  backend.scatterAdd(out.backendView, dim, idx, g.backendView);
  return out;
}
