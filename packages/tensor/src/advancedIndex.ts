// Advanced indexing: reads and writes at int64 index tensors on some dims of a
// (basic-indexed) view, with PyTorch's rule for where the indexed dims land:
// together in place of the first one when the indexed dims are adjacent, else
// first. Every element's storage offset is computed as an int64 tensor, then one
// gather / scatter over the flat storage does the work, whatever the strides.

import type { View } from './backend/types.js';
import { IndexError, RuntimeError } from './errors.js';
import { broadcastShapes, fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast, contiguous } from './copy.js';
import { arange, full } from './creation.js';
import { add, mul } from './elementwise.js';
import { expand, view } from './views.js';
import { checkIndexValues, outOfBounds, scatterInto, unaliased, wrapNegative } from './indexKernels.js';

/** One advanced index: int64 values for dim `dim` of the view. */
export interface AdvancedIndex {
  readonly dim: number;
  readonly index: Tensor;
}

/** The result shape and, per element, the storage offset into the view's storage. */
interface Addressed {
  shape: number[];
  offsets: Tensor;
}

/** Shape messages of PyTorch's index broadcasting. */
function broadcastIndices(advanced: readonly AdvancedIndex[]): number[] {
  try {
    return broadcastShapes(...advanced.map((a) => a.index.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${advanced.map((a) => fmtShape(a.index.shape)).join(', ')}`);
  }
}

/** `t` (of shape `inner`) placed at dims `at..` of a tensor of rank `rank`, size 1 elsewhere. */
function placed(t: Tensor, at: number, rank: number): Tensor {
  const shape = new Array<number>(rank).fill(1);
  t.shape.forEach((s, k) => (shape[at + k] = s));
  return view(t, shape);
}

/** Storage offsets of every element of `x[advanced]` (x a view, the indices validated here). */
function address(x: Tensor, advanced: readonly AdvancedIndex[]): Addressed {
  const B = broadcastIndices(advanced);
  const dims = advanced.map((a) => a.dim);
  const adjacent = dims.every((d, j) => j === 0 || d === dims[j - 1]! + 1);
  const rest = x.shape.map((_, d) => d).filter((d) => !dims.includes(d));
  const first = dims[0]!;
  const before = adjacent ? rest.filter((d) => d < first) : [];
  const after = adjacent ? rest.filter((d) => d > first) : rest;
  const bStart = before.length;
  const shape = [...before.map((d) => x.shape[d]!), ...B, ...after.map((d) => x.shape[d]!)];
  const rank = shape.length;
  advanced.forEach((a, j) => {
    const size = x.shape[a.dim]!;
    checkIndexValues(a.index, (v) => v >= -size && v < size, (v) => outOfBounds(v, j, size));
  });
  let offsets: Tensor = full([], x.offset, { dtype: 'int64', device: x.device });
  for (const a of advanced) {
    const wrapped = wrapNegative(a.index, x.shape[a.dim]!);
    const term = mul(expand(wrapped, B), x.strides[a.dim]!);
    offsets = add(offsets, placed(term, bStart, rank));
  }
  const restPositions = [...before.map((d, k) => [d, k]), ...after.map((d, k) => [d, bStart + B.length + k])] as [number, number][];
  for (const [d, p] of restPositions) {
    const steps = mul(arange(x.shape[d]!, { dtype: 'int64', device: x.device }), x.strides[d]!);
    offsets = add(offsets, placed(steps, p, rank));
  }
  return { shape, offsets: contiguous(expand(offsets, shape)) };
}

/** The whole storage of `t` as a 1-d view (advanced indexing addresses elements by storage offset). */
function flatStorage(t: Tensor): View {
  return { buf: t.storage.buf, dtype: t.dtype, shape: [t.storage.size], strides: [1], offset: 0 };
}

/** A contiguous tensor's elements as a 1-d view. */
function flat(t: Tensor): View {
  const n = t.numel();
  return { ...t.backendView, shape: [n], strides: [1] };
}

/** @internal `x[advanced]`: a new tensor. */
export function gatherAdvanced(x: Tensor, advanced: readonly AdvancedIndex[]): Tensor {
  const { shape, offsets } = address(x, advanced);
  const out = emptyTensor(shape, x.dtype, x.device);
  if (out.numel() === 0) return out;
  x.storage.backend.gather(flatStorage(x), 0, flat(offsets), flat(out));
  return out;
}

/** Whether `t` covers `numel` consecutive storage elements (some permutation of row-major). */
function dense(t: Tensor): boolean {
  const dims = t.shape.map((_, d) => d).filter((d) => t.shape[d]! > 1).sort((a, b) => t.strides[a]! - t.strides[b]!);
  let expected = 1;
  for (const d of dims) {
    if (t.strides[d] !== expected) return false;
    expected *= t.shape[d]!;
  }
  return true;
}

/**
 * PyTorch refuses values whose memory overlaps the written tensor when it can tell
 * (both dense); other aliasing is handled by reading a copy of the values.
 */
function checkNoOverlap(x: Tensor, values: Tensor): void {
  if (values.storage !== x.storage || !dense(x) || !dense(values) || x.numel() === 0 || values.numel() === 0) return;
  if (x.offset < values.offset + values.numel() && values.offset < x.offset + x.numel()) {
    throw new RuntimeError(
      'unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.',
    );
  }
}

/**
 * @internal `x[advanced] = values` (or `+=` when `accumulate`), writing through `x`'s
 * storage; `owner` is the tensor whose version is bumped. Values broadcast to the result;
 * `stripOnes` drops their leading size-1 dims first, as PyTorch's setitem does.
 */
export function putAdvanced(x: Tensor, advanced: readonly AdvancedIndex[], values: Tensor, accumulate: boolean, owner: Tensor, stripOnes = true): void {
  checkNoOverlap(x, values);
  const { shape, offsets } = address(x, advanced);
  let v = values;
  if (stripOnes) {
    let lead = 0;
    while (v.ndim - lead > shape.length && v.shape[lead] === 1) lead++;
    if (lead > 0) v = view(v, v.shape.slice(lead));
  }
  let target: number[];
  try {
    target = broadcastShapes(shape, v.shape);
  } catch {
    target = [];
  }
  if (target.length !== shape.length || target.some((s, i) => s !== shape[i])) {
    throw new RuntimeError(`shape mismatch: value tensor of shape ${fmtShape(values.shape)} cannot be broadcast to indexing result of shape ${fmtShape(shape)}`);
  }
  const n = offsets.numel();
  if (n === 0) return;
  const src = contiguous(expand(cast(unaliased(v, x), x.dtype), shape));
  const flatOffsets = flat(offsets);
  scatterInto(accumulate ? 'add' : 'assign', owner, 0, flatOffsets, flat(src), flatStorage(x));
}
