// Broadcasting several tensors together: broadcastTensors and meshgrid (views, no copies).
// Both are composite (not traced themselves): autograd records the expands they are made of.

import { RuntimeError } from './errors.js';
import { checkSameDevice, isTensor } from './operands.js';
import { broadcastShapes } from './shape.js';
import type { Tensor } from './tensor.js';
import { expand, reshape } from './views.js';

/**
 * `torch.broadcast_tensors(*tensors)`: every tensor expanded (as a view) to their common shape.
 * @example torch.broadcastTensors(torch.zeros(2, 1), torch.zeros(3)).map((t) => t.shape) // [[2, 3], [2, 3]]
 */
export function broadcastTensors(...tensors: Tensor[]): Tensor[] {
  // composite, as in PyTorch: autograd records one expand per tensor (ExpandBackward0)
  checkSameDevice(tensors);
  // pairwise, left to right, so that a mismatch is reported as PyTorch reports it (tensor a, tensor b)
  const shape = tensors.reduce<number[]>((s, t) => broadcastShapes(s, t.shape), []);
  return tensors.map((t) => expand(t, shape));
}

/** `meshgrid`'s keyword argument. */
export interface MeshgridOptions {
  /** 'ij' (matrix indexing, the default) or 'xy' (Cartesian: the first two outputs' dims swapped). */
  indexing?: 'ij' | 'xy';
}

/**
 * `torch.meshgrid(*tensors, indexing='ij')`: for 0-D or 1-D inputs of sizes n1…nk, k views of
 * shape [n1, …, nk], the i-th varying along dim i. Tensors may be given as varargs or one array.
 * @example torch.meshgrid([torch.tensor([1, 2]), torch.tensor([3, 4, 5])], { indexing: 'ij' })[1].shape // [2, 3]
 */
export function meshgrid(...args: (Tensor | readonly Tensor[] | MeshgridOptions)[]): Tensor[] {
  const tensors: Tensor[] = [];
  let opts: MeshgridOptions | undefined;
  for (const a of args) {
    if (Array.isArray(a)) tensors.push(...(a as readonly Tensor[]));
    else if (isTensor(a)) tensors.push(a);
    else opts = a as MeshgridOptions;
  }
  const indexing = opts?.indexing ?? 'ij';
  // composite, as in PyTorch: autograd records a view and an expand per tensor (ExpandBackward0)
  if (tensors.length === 0) throw new RuntimeError('meshgrid expects a non-empty TensorList');
  if (indexing !== 'ij' && indexing !== 'xy') {
    throw new RuntimeError(`torch.meshgrid: indexing must be one of "xy" or "ij", but received: ${String(indexing)}`);
  }
  tensors.forEach((t, i) => {
    if (t.ndim > 1) throw new RuntimeError(`torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: ${tensorDesc(t, i)}`);
  });
  if (tensors.some((t) => t.dtype !== tensors[0]!.dtype)) throw new RuntimeError('meshgrid expects all tensors to have the same dtype');
  if (tensors.some((t) => t.device !== tensors[0]!.device)) throw new RuntimeError('meshgrid expects all tensors to have the same device');
  const swap = indexing === 'xy' && tensors.length >= 2;
  // the dim each input varies along
  const axisOf = (i: number): number => (swap && i < 2 ? 1 - i : i);
  const shape = new Array<number>(tensors.length);
  tensors.forEach((t, i) => (shape[axisOf(i)] = t.numel()));
  return tensors.map((t, i) => expand(reshape(t, shape.map((n, k) => (k === axisOf(i) ? n : 1))), shape));
}

function tensorDesc(t: Tensor, i: number): string {
  return `tensor ${i} of shape [${t.shape.join(', ')}]`;
}
