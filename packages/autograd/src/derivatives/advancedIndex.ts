// Derivatives of indexing that copies: `at`/`setAt` with tensor indices, indexPut, take.
// A copy's gradient is a scatter that adds (a position read twice gets both gradients).

import type { Index, Tensor } from '@torchlet/tensor';
import { arange, indexPut, isTensor, zeros } from '@torchlet/tensor';
import { sumToShape } from '../shapes.js';
import type { VjpContext } from './types.js';

/** Whether an index list holds a tensor (or a bool): then `at` copies and `setAt` is an index_put. */
export function isAdvanced(indices: readonly Index[]): boolean {
  return indices.some((i) => isTensor(i) || typeof i === 'boolean');
}

/**
 * The flat position in an input of `shape` of every element `at(...indices)` reads: the
 * same indexing applied to 0, 1, …, n-1, so every index form (slices, masks, ellipsis) agrees.
 */
export function flatPositions(shape: readonly number[], indices: readonly Index[], device: string): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return arange(n, { device }).reshape([...shape]).at(...indices);
}

/** `g` (shaped as the read positions) added into zeros of `shape` at the flat `positions`. */
export function scatterAddFlat(g: Tensor, shape: readonly number[], positions: Tensor): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const z = zeros([n], { dtype: g.dtype, device: g.device });
  return indexPut(z, [positions], g, { accumulate: true }).reshape([...shape]);
}

/** The indices when every one is a tensor (x[i], x[i, j], x[mask]): indexPut takes them as they are. */
function onlyTensors(indices: readonly Index[]): Tensor[] | null {
  return indices.length > 0 && indices.every((i) => isTensor(i)) ? (indices as Tensor[]) : null;
}

/** Gradient of `x.at(...indices)` with tensor indices (PyTorch's IndexBackward0). */
export function atAdvancedGrad(ctx: VjpContext, indices: readonly Index[]): Tensor {
  const shape = ctx.inputShape(0);
  const g = ctx.grad;
  const tensors = onlyTensors(indices);
  // tensors only: one accumulating index_put, without a positions tensor as large as x
  if (tensors) return indexPut(zeros([...shape], { dtype: g.dtype, device: g.device }), tensors, g, { accumulate: true });
  return scatterAddFlat(g, shape, flatPositions(shape, indices, g.device));
}

/** Gradients of `x.setAt(indices, value)` with tensor indices (PyTorch's IndexPutBackward0). */
export function setAtAdvancedGrads(ctx: VjpContext, indices: readonly Index[]): [Tensor, Tensor | null] {
  const shape = ctx.inputShape(0);
  const tensors = onlyTensors(indices);
  if (tensors) {
    const g = ctx.grad;
    const gSelf = indexPut(g, tensors, zeros([], { dtype: g.dtype, device: g.device }));
    return [gSelf, ctx.needs(1) ? valueGrad(g.at(...tensors), ctx.inputShape(1)) : null];
  }
  const positions = flatPositions(shape, indices, ctx.grad.device).reshape(-1);
  const flat = ctx.grad.reshape(-1);
  const gSelf = flat.indexFill(0, positions, 0).reshape([...shape]);
  if (!ctx.needs(1)) return [gSelf, null];
  // every position written gets its gradient, duplicates included (as PyTorch's grad.index(indices))
  const region = flatPositions(shape, indices, ctx.grad.device);
  const read = flat.take(region);
  return [gSelf, valueGrad(read, ctx.inputShape(1))];
}

/** The region's gradient summed to the value's shape (the value lost leading size-1 dims, then broadcast). */
export function valueGrad(region: Tensor, valueShape: readonly number[]): Tensor {
  let lead = 0;
  while (valueShape.length - lead > region.ndim && valueShape[lead] === 1) lead++;
  return sumToShape(region, valueShape.slice(lead)).reshape([...valueShape]);
}
