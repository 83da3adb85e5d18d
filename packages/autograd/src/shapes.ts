// Shape helpers the derivatives share: undoing broadcasting and reductions.

import { RuntimeError } from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';

/** Whether two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * `grad.sum_to_size(shape)`: sums a broadcast gradient back to an operand's shape (leading dims
 * and dims the operand had as 1). Throws when `shape` does not broadcast to `g`'s shape.
 * @example sumToShape(torch.ones(2, 3), [3]) // tensor([2., 2., 2.])
 */
export function sumToShape(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.ndim - shape.length;
  if (lead < 0) throw new RuntimeError(`size {${shape.join(', ')}} is not expandable to size {${g.shape.join(', ')}}`);
  const dims: number[] = [];
  for (let i = 0; i < g.ndim; i++) {
    const want = i < lead ? undefined : shape[i - lead];
    if (want === undefined || (want === 1 && g.shape[i] !== 1)) dims.push(i);
    else if (want !== g.shape[i]) throw new RuntimeError(`size {${shape.join(', ')}} is not expandable to size {${g.shape.join(', ')}}`);
  }
  const r = dims.length > 0 ? g.sum(dims, { keepdim: true }) : g;
  return lead > 0 ? r.reshape([...shape]) : r;
}

/** Dims as a sorted list of non-negative dims (`null`/`undefined`/`[]`: all, as reductions read them). */
export function reducedDims(dim: unknown, rank: number): number[] {
  if (dim === null || dim === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof dim === 'number' ? [dim] : (dim as readonly number[]);
  if (list.length === 0) return Array.from({ length: rank }, (_, i) => i);
  return list.map((d) => (d < 0 ? d + rank : d)).sort((a, b) => a - b);
}

/**
 * The gradient of a reduction, put back to the input's rank: the reduced dims re-inserted
 * (as size 1) when the reduction dropped them. Broadcasts against the input.
 * @example unreduce(g, [2, 3], [1], false).shape // [2, 1]
 */
export function unreduce(g: Tensor, inputShape: readonly number[], dims: readonly number[], keepdim: boolean): Tensor {
  if (keepdim || inputShape.length === 0) return g.reshape(inputShape.map((s, i) => (dims.includes(i) ? 1 : s)));
  let r = g;
  for (const d of dims) r = r.unsqueeze(d);
  return r;
}
