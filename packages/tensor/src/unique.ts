// torch.unique: the output size depends on the values, so this op reads them
// back synchronously (a sync point) after sorting on the device.

import { RuntimeError, IndexError } from './errors.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { contiguous } from './copy.js';
import { fromValues } from './creation.js';
import { dataSync } from './read.js';
import { movedim, reshape } from './views.js';
import { sortAlong } from './order.js';
import { defineOp, traced } from './trace.js';

// differentiable as in PyTorch: the output has a grad_fn whose backward refuses (no derivative exists)
const UNIQUE = defineOp('unique');

/** `unique`'s arguments (all by name, as PyTorch users pass them). */
export interface UniqueOptions {
  /** Ignored: the result is always sorted (PyTorch leaves the order of `sorted=False` unspecified). */
  sorted?: boolean;
  returnInverse?: boolean;
  returnCounts?: boolean;
  dim?: number | null;
}

/**
 * @internal Refuses devices whose values cannot be read synchronously, naming the op.
 * @example requireSyncRead(x, 'unique') // throws on a device without readSync
 */
export function requireSyncRead(x: Tensor, op: string): void {
  if (!x.storage.backend.readSync) {
    throw new RuntimeError(
      `${op}(): the output size depends on the values, and device '${x.device}' cannot read them synchronously; move the tensor to 'cpu' first`,
    );
  }
}

/**
 * @internal `x` restricted to positions `idx` along `dim` (an index_select through the gather primitive).
 * @example takeAlong(torch.tensor([5, 6, 7]), 0, [2, 0]) // tensor([7, 5])
 */
export function takeAlong(x: Tensor, dim: number, idx: readonly number[]): Tensor {
  const shape = [...x.shape];
  shape[dim] = idx.length;
  const out = emptyTensor(shape, x.dtype, x.device);
  if (out.numel() === 0) return out;
  const index = fromValues(idx, [idx.length], 'int64', x.device);
  const iv = { ...index.backendView, shape, strides: shape.map((_, k) => (k === dim ? 1 : 0)) };
  x.storage.backend.gather(x.backendView, dim, iv, out.backendView);
  return out;
}

/** Groups of equal neighbours in sorted order: the start of each group and every position's group. */
function groups(n: number, same: (a: number, b: number) => boolean): { starts: number[]; groupOf: Int32Array } {
  const starts: number[] = [];
  const groupOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (i === 0 || !same(i - 1, i)) starts.push(i);
    groupOf[i] = starts.length - 1;
  }
  return { starts, groupOf };
}

function results(output: Tensor, inverse: Tensor, counts: Tensor, opts: UniqueOptions | undefined): Tensor | Tensor[] {
  const inv = opts?.returnInverse ?? false;
  const cnt = opts?.returnCounts ?? false;
  if (!inv && !cnt) return output;
  return [output, ...(inv ? [inverse] : []), ...(cnt ? [counts] : [])];
}

function countsOf(starts: readonly number[], n: number, device: Tensor['device']): Tensor {
  return fromValues(starts.map((s, g) => (starts[g + 1] ?? n) - s), [starts.length], 'int64', device);
}

/** Unique elements of the flattened tensor (NaNs are all distinct, as in PyTorch). */
function uniqueFlat(x: Tensor, opts: UniqueOptions | undefined): Tensor | Tensor[] {
  const flat = reshape(x, [-1]);
  const [values, perm] = sortAlong(flat, 0, false);
  const v = dataSync(values);
  const p = dataSync(perm) as BigInt64Array;
  const n = v.length;
  const { starts, groupOf } = groups(n, (a, b) => v[a] === v[b]);
  const inverse = new Float64Array(n);
  for (let i = 0; i < n; i++) inverse[Number(p[i]!)] = groupOf[i]!;
  return results(takeAlong(values, 0, starts), fromValues(inverse, x.shape, 'int64', x.device), countsOf(starts, n, x.device), opts);
}

/** Unique slices along `d`, in lexicographic order. */
function uniqueDim(x: Tensor, d: number, opts: UniqueOptions | undefined): Tensor | Tensor[] {
  if (x.shape.some((s, k) => s === 0 && k !== d)) {
    throw new RuntimeError("There are 0 sized dimensions, and they aren't selected, so unique cannot be applied");
  }
  const n = x.shape[d]!;
  const rows = contiguous(movedim(x, d, 0));
  const v = dataSync(rows);
  const width = n === 0 ? 0 : v.length / n;
  const compare = (a: number, b: number): number => {
    for (let k = 0; k < width; k++) {
      const va = v[a * width + k]!;
      const vb = v[b * width + k]!;
      if (va < vb) return -1;
      if (va > vb) return 1;
    }
    return 0;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compare(a, b) || a - b);
  const sameRow = (a: number, b: number): boolean => {
    for (let k = 0; k < width; k++) if (v[order[a]! * width + k] !== v[order[b]! * width + k]) return false;
    return true;
  };
  const { starts, groupOf } = groups(n, sameRow);
  const inverse = new Float64Array(n);
  order.forEach((row, i) => (inverse[row] = groupOf[i]!));
  const output = takeAlong(x, d, starts.map((s) => order[s]!));
  return results(output, fromValues(inverse, [n], 'int64', x.device), countsOf(starts, n, x.device), opts);
}

/**
 * `torch.unique(x, sorted=True, return_inverse=False, return_counts=False, dim=None)`:
 * the sorted unique elements (or slices along `dim`); with `returnInverse` /
 * `returnCounts`, an array [output, inverse?, counts?]. Reads values synchronously.
 * @example torch.tensor([2, 1, 2]).unique({ returnCounts: true }) // [tensor([1, 2]), tensor([1, 2])]
 */
export function unique(x: Tensor, opts: UniqueOptions & ({ returnInverse: true } | { returnCounts: true })): Tensor[];
export function unique(x: Tensor, opts?: UniqueOptions & { returnInverse?: false; returnCounts?: false }): Tensor;
export function unique(x: Tensor, opts?: UniqueOptions): Tensor | Tensor[];
export function unique(x: Tensor, opts?: UniqueOptions): Tensor | Tensor[] {
  const dim = opts?.dim ?? null;
  return traced(UNIQUE, [x], { dim }, () => {
    if (dim !== null && x.ndim === 0) throw new IndexError(`Dimension specified as ${dim} but tensor has no dimensions`);
    const d = dim === null ? null : normalizeDim(dim, x.ndim);
    requireSyncRead(x, 'unique');
    return d === null ? uniqueFlat(x, opts) : uniqueDim(x, d, opts);
  });
}
