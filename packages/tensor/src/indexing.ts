// x[...] and x[...] = v: x.at(0, [1, 3], null, '...', idx) and x.setAt([...], v).
// Basic indices (ints, slices, null, '...') make a view; tensors (int64 or bool/uint8
// masks) and JS booleans are advanced indices, whose result is a copy (advancedIndex.ts).

import { isIntegral } from './backend/dtype.js';
import { IndexError, RuntimeError, ValueError } from './errors.js';
import type { TensorOrScalar } from './operands.js';
import { isTensor } from './operands.js';
import type { Tensor } from './tensor.js';
import { viewTensor } from './tensor.js';
import { copyInto, toDevice } from './copy.js';
import { full } from './creation.js';
import { expand, reshape, view } from './views.js';
import { defineOp, traced } from './trace.js';
import type { AdvancedIndex } from './advancedIndex.js';
import { gatherAdvanced, putAdvanced } from './advancedIndex.js';
import { nonzero } from './masked.js';
import { typeName } from './indexKernels.js';

const AT = defineOp('at');
const SET_AT = defineOp('setAt');
const INDEX_PUT = defineOp('indexPut');
const INDEX_PUT_ = defineOp('indexPut_');

/** A slice `[start, stop, step?]`; null/undefined ends mean "from the start"/"to the end". */
export type Slice = readonly [number | null | undefined, (number | null | undefined)?, (number | null | undefined)?];

/**
 * One index: an int, a slice, `':'`, `null` (new axis), `'...'`, a boolean (PyTorch's
 * `x[True]`), or a Tensor (int64 indices, or a bool/uint8 mask). A JS array is always
 * a slice, never a list of indices: pass `torch.tensor([...])` for those.
 */
export type Index = number | boolean | Slice | ':' | '...' | null | Tensor;

/** Python's slice.indices for a dim of `size` (step > 0). */
function sliceBounds(slice: Slice, size: number): [number, number, number] {
  const step = slice[2] ?? 1;
  if (step <= 0) throw new ValueError(step === 0 ? 'slice step cannot be zero' : 'step must be greater than zero');
  const clamp = (v: number | null | undefined, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    const r = v < 0 ? v + size : v;
    return Math.min(Math.max(r, 0), size);
  };
  const start = clamp(slice[0], 0);
  const stop = clamp(slice[1], size);
  const len = stop > start ? Math.ceil((stop - start) / step) : 0;
  return [start, len, step];
}

const isMask = (t: Tensor): boolean => t.dtype === 'bool' || t.dtype === 'uint8';

/** How many dims of the indexed tensor an index consumes. */
function consumes(i: Index): number {
  if (i === null || i === '...' || typeof i === 'boolean') return 0;
  if (isTensor(i)) {
    if (isMask(i)) return i.ndim;
    return 1;
  }
  return 1;
}

/** What parsing leaves: the basic view, and the advanced indices on its dims. */
interface Parsed {
  view: Tensor;
  advanced: AdvancedIndex[];
}

/** Options of parsing: `index_put_` treats 0-d integer tensors as advanced indices, `x[...]` as ints. */
interface ParseOptions {
  zeroDimSelects: boolean;
}

/**
 * Applies the basic indices left to right, as PyTorch's applySlicing does, recording
 * where each advanced index lands in the resulting view.
 */
function parse(x: Tensor, given: readonly Index[], opts: ParseOptions): Parsed {
  // index tensors on another device are moved to x's, as PyTorch moves CPU indices to CUDA
  const indices = given.map((i) => (isTensor(i) && i.device !== x.device ? toDevice(i, x.device) : i));
  const ellipses = indices.filter((i) => i === '...').length;
  if (ellipses > 1) throw new IndexError('an index can only have a single ellipsis');
  const consuming = indices.reduce<number>((n, i) => n + consumes(i), 0);
  if (consuming > x.ndim) {
    // index_put_ says how many it got; x[...] (PyTorch's applySlicing) does not
    throw new IndexError(`too many indices for tensor of dimension ${x.ndim}${opts.zeroDimSelects ? '' : ` (got ${consuming})`}`);
  }
  const expanded: Index[] = [];
  for (const i of indices) {
    if (i === '...') for (let k = 0; k < x.ndim - consuming; k++) expanded.push(':');
    else expanded.push(i);
  }
  if (ellipses === 0) for (let k = consuming; k < x.ndim; k++) expanded.push(':');
  const shape = [...x.shape];
  const strides = [...x.strides];
  let offset = x.offset;
  let pos = 0;
  let dim = 0;
  const advanced: AdvancedIndex[] = [];
  const masks: { mask: Tensor; at: number }[] = [];
  const newAxis = () => {
    const stride = pos < shape.length ? shape[pos]! * strides[pos]! : 1;
    shape.splice(pos, 0, 1);
    strides.splice(pos, 0, stride);
  };
  for (const idx of expanded) {
    if (idx === null) {
      newAxis();
      pos++;
      continue;
    }
    if (typeof idx === 'boolean' || (isTensor(idx) && idx.ndim === 0 && isMask(idx))) {
      // x[True] / x[False]: a new axis of size 1, indexed by [0] or by nothing
      newAxis();
      masks.push({ mask: typeof idx === 'boolean' ? full([1], idx, { dtype: 'bool', device: x.device }) : view(idx, [1]), at: pos });
      pos++;
      continue;
    }
    if (isTensor(idx)) {
      if (isMask(idx)) {
        masks.push({ mask: idx, at: pos });
        pos += idx.ndim;
        dim += idx.ndim;
        continue;
      }
      // x[t] with a 0-d integer t selects like an int (a view); other tensors index
      const selects = idx.ndim === 0 && opts.zeroDimSelects && isIntegral(idx.dtype);
      if (!selects && idx.dtype !== 'int64') throw new IndexError('tensors used as indices must be long, byte or bool tensors');
      if (!selects) {
        advanced.push({ dim: pos, index: idx });
        pos++;
        dim++;
        continue;
      }
    }
    const size = shape[pos]!;
    const stride = strides[pos]!;
    if (typeof idx === 'number' || isTensor(idx)) {
      const i = typeof idx === 'number' ? idx : zeroDimValue(idx);
      if (!Number.isInteger(i)) {
        throw new IndexError('only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)');
      }
      if (i < -size || i >= size) throw new IndexError(`index ${i} is out of bounds for dimension ${dim} with size ${size}`);
      offset += (i < 0 ? i + size : i) * stride;
      shape.splice(pos, 1);
      strides.splice(pos, 1);
    } else {
      const [start, len, step] = sliceBounds(idx === ':' ? [null, null] : (idx as Slice), size);
      offset += start * stride;
      shape[pos] = len;
      strides[pos] = stride * step;
      pos++;
    }
    dim++;
  }
  const result = viewTensor(x, shape, strides, offset);
  for (const { mask, at } of masks) advanced.push(...maskIndices(result, mask, at));
  advanced.sort((a, b) => a.dim - b.dim);
  return { view: result, advanced };
}

/** A 0-d integer tensor used as an int (PyTorch reads it too). */
function zeroDimValue(t: Tensor): number {
  if (!t.storage.backend.readSync) {
    throw new RuntimeError(`a 0-d index tensor on device '${t.device}' selects like an int and cannot be read synchronously: pass await t.item() instead`);
  }
  return Number(t.dataSync()[0]);
}

/**
 * A k-dim bool mask on dims at..at+k-1 of `x` becomes int64 index tensors: one over
 * the k dims merged when their layout allows (fewer, cheaper indices), else one per
 * dim (the nonzero columns), as PyTorch expands it.
 */
function maskIndices(x: Tensor, mask: Tensor, at: number): AdvancedIndex[] {
  for (let j = 0; j < mask.ndim; j++) {
    if (mask.shape[j] !== x.shape[at + j]) {
      throw new IndexError(
        `The shape of the mask [${mask.shape.join(', ')}] at index ${j} does not match the shape of the indexed tensor [${x.shape.join(', ')}] at index ${at + j}`,
      );
    }
  }
  const k = mask.ndim;
  let mergeable = k > 1;
  for (let j = at; j < at + k - 1 && mergeable; j++) mergeable = x.strides[j] === x.strides[j + 1]! * x.shape[j + 1]!;
  if (mergeable) {
    const [flat] = nonzero(reshape(mask, [-1]), { asTuple: true });
    return [{ dim: at, index: flat!, span: k, trusted: true }];
  }
  const cols = nonzero(mask, { asTuple: true });
  return cols.map((index, j) => ({ dim: at + j, index, trusted: true }));
}

/**
 * `x[...]`: ints select, `[start, stop, step]` slice, `null` inserts a dim, `'...'`
 * stands for the remaining dims — a view; int64 tensors and bool masks index
 * (advanced indexing, PyTorch's rules for where the indexed dims land) — a copy.
 * A JS array is a slice, never a list of indices: use a tensor.
 * @example torch.arange(6).view(2, 3).at(0, [1, 3]) // tensor([1, 2])
 * @example torch.arange(6).view(2, 3).at(':', torch.tensor([2, 0])) // tensor([[2, 0], [5, 3]])
 */
export function at(x: Tensor, ...indices: Index[]): Tensor {
  // traced as autograd's table expects it: x the only tensor input, every index in args
  return traced(AT, [x], { indices }, () => {
    const { view: v, advanced } = parse(x, indices, { zeroDimSelects: true });
    return advanced.length === 0 ? v : gatherAdvanced(v, advanced);
  });
}

/** The value as a tensor of x's dtype with leading size-1 dims dropped, as PyTorch's setitem does. */
function valueTensor(x: Tensor, value: TensorOrScalar, targetRank: number): Tensor {
  let src = isTensor(value) ? value : full([], value, { dtype: x.dtype, device: x.device });
  let lead = 0;
  while (src.ndim - lead > targetRank && src.shape[lead] === 1) lead++;
  if (lead > 0) src = view(src, src.shape.slice(lead));
  return src;
}

/**
 * `x[...] = value` in place, for every index form `at` takes: `value` (a scalar or a
 * tensor, cast to x's dtype) is broadcast to the indexed result. With advanced indices
 * a position indexed twice keeps the last write, as PyTorch on CPU.
 * @example torch.zeros(3).setAt([[1, null]], 5) // tensor([0., 5., 5.])
 * @example torch.zeros(3).setAt([torch.tensor([true, false, true])], 1) // tensor([1., 0., 1.])
 */
export function setAt(x: Tensor, indices: readonly Index[], value: TensorOrScalar): Tensor {
  return traced(SET_AT, [x, isTensor(value) ? value : undefined], { indices }, () => {
    const { view: target, advanced } = parse(x, indices, { zeroDimSelects: true });
    if (advanced.length === 0) {
      const src = valueTensor(x, value, target.ndim);
      copyInto(target, expand(src, target.shape));
      return x;
    }
    if (isTensor(value)) checkPutDtype(x, value);
    putAdvanced(target, advanced, valueTensor(x, value, Infinity), false, x, true);
    return x;
  }, { inplace: true });
}

/** PyTorch's index_put_ (and x[tensor] = tensor) take no other value dtype. */
function checkPutDtype(x: Tensor, values: Tensor): void {
  if (values.dtype !== x.dtype) {
    throw new RuntimeError(
      `Index put requires the source and destination dtypes match, got ${typeName(x.dtype)} for the destination and ${typeName(values.dtype)} for the source.`,
    );
  }
}

function indexPutCore(x: Tensor, indices: readonly Tensor[], values: Tensor, accumulate: boolean): Tensor {
  const { view: target, advanced } = parse(x, indices, { zeroDimSelects: false });
  checkPutDtype(x, values);
  if (advanced.length === 0) {
    x.storage.backend.copy(expand(values, target.shape).backendView, target.backendView);
    x.bumpVersion();
    return x;
  }
  putAdvanced(target, advanced, values, accumulate, x, false);
  return x;
}

/**
 * `x.index_put_(indices, values, { accumulate })`: `x[indices] = values` (or `+=` with
 * `accumulate`, duplicates adding up); `indices` are int64 or bool tensors for the leading
 * dims, `values` has x's dtype and broadcasts to the result.
 * @example torch.zeros(3).indexPut_([torch.tensor([0, 0])], torch.tensor([1, 2]).float(), { accumulate: true }) // tensor([3., 0., 0.])
 */
export function indexPut_(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: { accumulate?: boolean }): Tensor {
  const accumulate = opts?.accumulate ?? false;
  return traced(INDEX_PUT_, [x, values, ...indices], { accumulate, nIndices: indices.length }, () => indexPutCore(x, indices, values, accumulate), { inplace: true });
}

/** `torch.index_put(x, indices, values, { accumulate })`: `indexPut_` on a copy. @example torch.indexPut(torch.zeros(2), [torch.tensor([1])], torch.tensor(4).float()) // tensor([0., 4.]) */
export function indexPut(x: Tensor, indices: readonly Tensor[], values: Tensor, opts?: { accumulate?: boolean }): Tensor {
  const accumulate = opts?.accumulate ?? false;
  return traced(INDEX_PUT, [x, values, ...indices], { accumulate, nIndices: indices.length }, () => indexPutCore(x.clone(), indices, values, accumulate));
}
