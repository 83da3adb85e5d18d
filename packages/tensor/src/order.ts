// Ordering along a dim: sort, argsort, msort, topk, kthvalue. All of them run on
// the backend's sort fast path, or on its reference decomposition.

import type { View } from './backend/types.js';
import { reference } from './backend/reference.js';
import { RuntimeError } from './errors.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { contiguous } from './copy.js';
import { narrow, select, unsqueeze } from './views.js';
import { valuesIndices } from './reduce.js';
import type { ValuesIndices } from './reduce.js';
import { defineOp, traced } from './trace.js';

const SORT = defineOp('sort');
const ARGSORT = defineOp('argsort', false);
const TOPK = defineOp('topk');
const KTHVALUE = defineOp('kthvalue');

/**
 * @internal Runs a traced op with two outputs (autograd sees a plain pair) and names them as `max(dim)` does.
 * @example tracedValuesIndices(SORT, [x], { dim }, () => sortAlong(x, dim, false))
 */
export function tracedValuesIndices(op: string, inputs: readonly (Tensor | undefined)[], args: Readonly<Record<string, unknown>>, run: () => readonly [Tensor, Tensor]): ValuesIndices {
  const [values, indices] = traced(op, inputs, args, run);
  return valuesIndices(values, indices);
}

/** `sort`'s arguments by name; `stable` is accepted for PyTorch's sake: every sort here is stable. */
export interface SortOptions {
  dim?: number;
  descending?: boolean;
  stable?: boolean;
}

/** A 0-d view as a row of one element; others unchanged (the sort fast path wants a dim). */
function asRow(v: View): View {
  return v.shape.length === 0 ? { ...v, shape: [1], strides: [1] } : v;
}

/**
 * @internal Stable sort of `x` along dim `d` (already normalised): values and int64 indices.
 * @example sortAlong(torch.tensor([3, 1, 2]), 0, false)[1] // tensor([1, 2, 0])
 */
export function sortAlong(x: Tensor, d: number, descending: boolean): [Tensor, Tensor] {
  const values = emptyTensor(x.shape, x.dtype, x.device);
  const indices = emptyTensor(x.shape, 'int64', x.device);
  if (x.numel() === 0) return [values, indices];
  const backend = x.storage.backend;
  const dim = x.ndim === 0 ? 0 : d;
  const args = [asRow(x.backendView), dim, descending, asRow(values.backendView), asRow(indices.backendView)] as const;
  if (backend.supports.sort) backend.supports.sort(...args);
  else reference.sort(backend, ...args);
  return [values, indices];
}

/** Reads `sort(dim?, descending?, opts?)`'s arguments, positional or by name. */
function sortArgs(dim: number | SortOptions | undefined, descending: boolean | undefined, opts: SortOptions | undefined): [number, boolean] {
  const named = typeof dim === 'object' ? dim : opts;
  const d = typeof dim === 'number' ? dim : (named?.dim ?? -1);
  return [d, descending ?? named?.descending ?? false];
}

/**
 * `torch.sort(x, dim=-1, descending=False, stable=False)` → [values, indices]. Always
 * stable (a valid result for `stable=False` too); NaN sorts as the largest value.
 * @example torch.tensor([3, 1, 2]).sort(0, true).indices // tensor([0, 2, 1])
 */
export function sort(x: Tensor, dim?: number | SortOptions, descending?: boolean, opts?: SortOptions): ValuesIndices {
  const [d0, desc] = sortArgs(dim, descending, opts);
  return tracedValuesIndices(SORT, [x], { dim: d0, descending: desc }, () => sortAlong(x, normalizeDim(d0, x.ndim), desc));
}

/**
 * `torch.argsort(x, dim=-1, descending=False, stable=False)`: the indices of `sort`.
 * @example torch.tensor([3, 1, 2]).argsort() // tensor([1, 2, 0])
 */
export function argsort(x: Tensor, dim?: number | SortOptions, descending?: boolean, opts?: SortOptions): Tensor {
  const [d0, desc] = sortArgs(dim, descending, opts);
  return traced(ARGSORT, [x], { dim: d0, descending: desc }, () => sortAlong(x, normalizeDim(d0, x.ndim), desc)[1]);
}

/**
 * `torch.msort(x)`: values sorted along dim 0.
 * @example torch.msort(torch.tensor([[2, 1], [1, 3]])) // tensor([[1, 1], [2, 3]])
 */
export function msort(x: Tensor): Tensor {
  // composite, as in PyTorch: autograd records the sort (SortBackward0)
  return sort(x, 0)[0];
}

/** `topk`'s keyword arguments. */
export interface TopkOptions {
  dim?: number;
  largest?: boolean;
  sorted?: boolean;
}

/**
 * `torch.topk(x, k, dim=-1, largest=True, sorted=True)` → [values, indices]: the `k`
 * largest (smallest) along `dim`, NaN counting as the largest. Results are always
 * sorted; among equal values the lower index comes first.
 * @example torch.tensor([1, 5, 3]).topk(2).indices // tensor([1, 2])
 */
export function topk(x: Tensor, k: number, dim: number | TopkOptions = -1, largest = true, sorted = true): ValuesIndices {
  const named = typeof dim === 'object' ? dim : undefined;
  const d0 = named ? (named.dim ?? -1) : (dim as number);
  const big = named?.largest ?? largest;
  return tracedValuesIndices(TOPK, [x], { k, dim: d0, largest: big, sorted: named?.sorted ?? sorted }, () => {
    const d = normalizeDim(d0, x.ndim);
    const size = x.ndim === 0 ? 1 : x.shape[d]!;
    if (!Number.isInteger(k) || k < 0 || k > size) throw new RuntimeError('selected index k out of range');
    const [values, indices] = sortAlong(x, d, big);
    if (x.ndim === 0) return [values, indices];
    return [contiguous(narrow(values, d, 0, k)), contiguous(narrow(indices, d, 0, k))];
  });
}

/**
 * `torch.kthvalue(x, k, dim=-1, keepdim=False)` → [values, indices]: the `k`-th smallest
 * (1-based) along `dim`.
 * @example torch.tensor([4, 1, 3]).kthvalue(2).values // tensor(3)
 */
export function kthvalue(x: Tensor, k: number, dim = -1, keepdim: boolean | { keepdim?: boolean } = false): ValuesIndices {
  const keep = typeof keepdim === 'boolean' ? keepdim : (keepdim.keepdim ?? false);
  return tracedValuesIndices(KTHVALUE, [x], { k, dim, keepdim: keep }, () => {
    const d = normalizeDim(dim, x.ndim);
    const size = x.ndim === 0 ? 1 : x.shape[d]!;
    if (!Number.isInteger(k) || k < 1 || k > size) throw new RuntimeError(`kthvalue(): selected number k out of range for dimension ${d}`);
    const [values, indices] = sortAlong(x, d, false);
    if (x.ndim === 0) return [values, indices];
    const pick = (t: Tensor): Tensor => {
      const s = contiguous(select(t, d, k - 1));
      return keep ? unsqueeze(s, d) : s;
    };
    return [pick(values), pick(indices)];
  });
}
