// Advanced indexing: reads and writes at int64 index tensors on some dims of a
// (basic-indexed) view, with PyTorch's rule for where the indexed dims land:
// together in place of the first one when the indexed dims are adjacent, else
// first. The indexed dims collapse into one "storage" dim of stride 1: the int64
// index along it is x.offset + Σ index_j * stride_j (one value per broadcast index
// position), the other dims keep their sizes and strides, and one gather/scatter
// primitive does the work whatever the layout.

import type { View } from './backend/types.js';
import { IndexError, RuntimeError } from './errors.js';
import { broadcastShapes, fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast, contiguous } from './copy.js';
import { arange } from './creation.js';
import { add, mul } from './elementwise.js';
import { expand, view } from './views.js';
import { asInt64, checkIndexValues, outOfBounds, restrided, scatterInto, unaliased, wrapNegative } from './indexKernels.js';

/**
 * One advanced index: int64 values for dim `dim` of the view, or, with `span` k, for
 * the k dims from `dim` merged (they must be mergeable: a bool mask over them).
 * `trusted` values are known to be in range and non-negative (nonzero of a mask).
 */
export interface AdvancedIndex {
  readonly dim: number;
  readonly index: Tensor;
  readonly span?: number;
  readonly trusted?: boolean;
}

/** The view dims an advanced index covers. */
function covered(a: AdvancedIndex): number[] {
  return Array.from({ length: a.span ?? 1 }, (_, k) => a.dim + k);
}

/** Shape messages of PyTorch's index broadcasting. */
function broadcastIndices(advanced: readonly AdvancedIndex[]): number[] {
  try {
    return broadcastShapes(...advanced.map((a) => a.index.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing tensors could not be broadcast together with shapes ${advanced.map((a) => fmtShape(a.index.shape)).join(', ')}`);
  }
}

/**
 * How `x[advanced]` is computed: the result `shape`; the same elements laid out as
 * `layout` (the broadcast index flattened to one dim at `dim`); `source`, a view of
 * x's storage with that layout in which dim `dim` walks the storage with stride 1; and
 * `linear`, the int64 storage position of every broadcast index position.
 */
interface Plan {
  shape: number[];
  layout: number[];
  dim: number;
  source: View;
  linear: Tensor;
}

function planOf(x: Tensor, advanced: readonly AdvancedIndex[]): Plan {
  const B = broadcastIndices(advanced);
  const dims = advanced.flatMap(covered);
  const adjacent = dims.every((d, j) => j === 0 || d === dims[j - 1]! + 1);
  const rest = x.shape.map((_, d) => d).filter((d) => !dims.includes(d));
  const before = adjacent ? rest.filter((d) => d < dims[0]!) : [];
  const after = adjacent ? rest.filter((d) => d > dims[0]!) : rest;
  const sizes = (ds: number[]) => ds.map((d) => x.shape[d]!);
  const strides = (ds: number[]) => ds.map((d) => x.strides[d]!);
  let linear: Tensor | undefined;
  let position = 0;
  for (const a of advanced) {
    const span = covered(a);
    const size = sizes(span).reduce((n, s) => n * s, 1);
    const j = position;
    position += span.length;
    // PyTorch numbers the index tensors (a mask counts one per dim) in its message
    const negative = a.trusted ? false : checkIndexValues(a.index, (v) => v >= -size && v < size, (v) => outOfBounds(v, j, size));
    let term = negative ? wrapNegative(a.index, size) : a.index;
    const stride = x.strides[span[span.length - 1]!]!;
    if (stride !== 1) term = mul(term, stride);
    linear = linear === undefined ? term : add(linear, term);
  }
  if (x.offset !== 0) linear = add(linear!, x.offset);
  const L = B.reduce((n, s) => n * s, 1);
  const dim = before.length;
  const layout = [...sizes(before), L, ...sizes(after)];
  const source = restrided(x, [...sizes(before), x.storage.size, ...sizes(after)], [...strides(before), 1, ...strides(after)], 0);
  return { shape: [...sizes(before), ...B, ...sizes(after)], layout, dim, source, linear: contiguous(expand(asInt64(linear!), B)) };
}

/** The index view of a plan: `linear` along `dim`, repeated (stride 0) over the other dims. */
function indexView(p: Plan): View {
  return restrided(p.linear, p.layout, p.layout.map((_, d) => (d === p.dim ? 1 : 0)));
}

/** `t` (of shape `inner`) placed at dims `at..` of a tensor of rank `rank`, size 1 elsewhere. */
function placed(t: Tensor, at: number, rank: number): Tensor {
  const shape = new Array<number>(rank).fill(1);
  t.shape.forEach((s, k) => (shape[at + k] = s));
  return view(t, shape);
}

/**
 * The storage offset of every element of the result (shape `p.shape`): what a 1-d
 * scatter over the whole storage needs, for backends whose overwrite scatter is the
 * reference decomposition (its scratch has the target's size, so the target must be the storage).
 */
function storageOffsets(x: Tensor, advanced: readonly AdvancedIndex[], p: Plan): Tensor {
  const dims = advanced.flatMap(covered);
  const rest = x.shape.map((_, d) => d).filter((d) => !dims.includes(d));
  const rank = p.shape.length;
  const B = p.shape.length - rest.length;
  let offsets = placed(p.linear.view(p.shape.slice(p.dim, p.dim + B)), p.dim, rank);
  rest.forEach((d, k) => {
    const at = k < p.dim ? k : k + B;
    offsets = add(offsets, placed(mul(arange(x.shape[d]!, { dtype: 'int64', device: x.device }), x.strides[d]!), at, rank));
  });
  return contiguous(expand(offsets, p.shape));
}

/** The whole storage of `t` as a 1-d view (advanced indexing addresses elements by storage offset). */
function flatStorage(t: Tensor): View {
  return { buf: t.storage.buf, dtype: t.dtype, shape: [t.storage.size], strides: [1], offset: 0 };
}

/** @internal `x[advanced]`: a new tensor. */
export function gatherAdvanced(x: Tensor, advanced: readonly AdvancedIndex[]): Tensor {
  const p = planOf(x, advanced);
  const out = emptyTensor(p.shape, x.dtype, x.device);
  if (out.numel() === 0) return out;
  const outView = restrided(out, p.layout, contiguousStridesOf(p.layout));
  x.storage.backend.gather(p.source, p.dim, indexView(p), outView);
  return out;
}

function contiguousStridesOf(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = strides[d + 1]! * shape[d + 1]!;
  return strides;
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
  const p = planOf(x, advanced);
  const shape = p.shape;
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
  const n = shape.reduce((m, s) => m * s, 1);
  if (n === 0) return;
  const src = contiguous(expand(cast(unaliased(v, x), x.dtype), shape));
  const kind = accumulate ? 'add' : 'assign';
  if (kind === 'assign' && !x.storage.backend.supports.scatterReduce) {
    const offsets = storageOffsets(x, advanced, p);
    scatterInto(kind, owner, 0, restrided(offsets, [n], [1]), restrided(src, [n], [1]), flatStorage(x));
    return;
  }
  scatterInto(kind, owner, p.dim, indexView(p), restrided(src, p.layout, contiguousStridesOf(p.layout)), p.source);
}
