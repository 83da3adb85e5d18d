// Ops taking a 1-d index along one dim: indexSelect, indexAdd(_), indexCopy(_),
// indexFill(_), and take (an index into the flattened tensor). Each becomes a
// gather or scatter whose index view repeats the 1-d index across the other dims.

import type { View } from './backend/types.js';
import { IndexError, RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { checkSameDevice, isTensor, scalarValue } from './operands.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { clone, contiguous } from './copy.js';
import { full } from './creation.js';
import { binaryOp, where } from './elementwise.js';
import { isFloatingPoint } from './backend/dtype.js';
import { defineOp, traced } from './trace.js';
import { asInt64, checkIndexValues, restrided, scatterInto, typeName, unaliased, wrapNegative } from './indexKernels.js';

const INDEX_SELECT = defineOp('indexSelect');
const INDEX_ADD = defineOp('indexAdd');
const INDEX_ADD_ = defineOp('indexAdd_');
const INDEX_COPY = defineOp('indexCopy');
const INDEX_COPY_ = defineOp('indexCopy_');
const INDEX_FILL = defineOp('indexFill');
const INDEX_FILL_ = defineOp('indexFill_');
const TAKE = defineOp('take');

/** Size of `dim` with 0-d tensors seen as [1]. */
const sizeAt = (t: Tensor, d: number): number => (t.ndim === 0 ? 1 : t.shape[d]!);

/**
 * A view of the (contiguous, int64) 1-d `index` as a tensor of `shape`: the index
 * runs along `dim`, repeated (stride 0) over every other dim.
 */
function spread(index: Tensor, shape: readonly number[], dim: number): View {
  const idx = contiguous(asInt64(index));
  if (shape.length === 0) return restrided(idx, [], []);
  return restrided(idx, shape, shape.map((_, d) => (d === dim ? 1 : 0)));
}

/** `x`'s view as rank ≥ 1 (a 0-d tensor as [1]). */
const atLeast1d = (t: Tensor): View => (t.ndim === 0 ? restrided(t, [1], [0]) : t.backendView);

/** The slice shape (x's shape without `dim`) must match between self and source. */
function sliceShape(t: Tensor, dim: number): number[] {
  return t.shape.filter((_, d) => d !== dim);
}

/**
 * `torch.index_select(x, dim, index)`: the entries `index` (int32/int64, at most 1-d) of `dim`, as a copy.
 * @example torch.tensor([[1, 2], [3, 4]]).indexSelect(0, torch.tensor([1, 1])) // tensor([[3, 4], [3, 4]])
 */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  return traced(INDEX_SELECT, [x, index], { dim }, () => {
    checkSameDevice([x, index]);
    const d = normalizeDim(dim, x.ndim);
    if (index.dtype !== 'int64' && index.dtype !== 'int32') throw new RuntimeError('index_select(): Expected dtype int32 or int64 for index');
    if (index.ndim > 1) throw new IndexError('index_select(): Index is supposed to be a vector');
    const size = sizeAt(x, d);
    checkIndexValues(index, (v) => v >= 0 && v < size, () => new IndexError('index out of range in self'));
    if (x.ndim === 0) return clone(x);
    const shape = x.shape.map((s, k) => (k === d ? index.numel() : s));
    const out = emptyTensor(shape, x.dtype, x.device);
    if (out.numel() === 0) return out;
    x.storage.backend.gather(x.backendView, d, spread(index, shape, d), out.backendView);
    return out;
  });
}

function checkSlices(self: Tensor, source: Tensor, d: number, name: string): void {
  const a = sliceShape(self, d);
  const b = sliceShape(source, d);
  if (a.length === b.length && a.every((s, k) => s === b[k])) return;
  if (name === 'index_copy_') {
    const k = a.findIndex((s, i) => s !== b[i]);
    throw new RuntimeError(
      `index_copy_(): Source/destination tensor must have same slice shapes. Destination slice shape: ${a.join(', ')} at dimension ${d} and source slice shape: ${b.join(', ')} at dimension ${k < 0 ? 0 : k}.`,
    );
  }
  const k = Math.max(a.length, b.length) - 1;
  throw new RuntimeError(`The size of tensor a (${a[a.length - 1] ?? 1}) must match the size of tensor b (${b[b.length - 1] ?? 1}) at non-singleton dimension ${k}`);
}

function indexAddCore(x: Tensor, dim: number, index: Tensor, source: Tensor, alpha: Scalar): Tensor {
  checkSameDevice([x, index, source]);
  const d = normalizeDim(dim, x.ndim);
  if (index.dtype !== 'int64' && index.dtype !== 'int32') throw new RuntimeError('index_add_(): Expected dtype int32/int64 for index');
  if (index.ndim > 1) throw new IndexError('index_add_(): Index is supposed to be a vector');
  if (x.dtype !== source.dtype) {
    throw new RuntimeError(`index_add_(): self (${typeName(x.dtype)}) and source (${typeName(source.dtype)}) must have the same scalar type`);
  }
  if (index.numel() !== sizeAt(source, d)) {
    throw new RuntimeError(`index_add_(): Number of indices (${index.numel()}) should be equal to source.size(dim): (${sizeAt(source, d)}), for dim: ${d}`);
  }
  checkSlices(x, source, d, 'index_add_');
  const size = sizeAt(x, d);
  checkIndexValues(index, (v) => v >= 0 && v < size, () => new IndexError('index out of range in self'));
  if (source.numel() === 0) return x;
  // alpha is cast to x's dtype first, as PyTorch's kernel takes it (2.5 is 2 for ints)
  const a = isFloatingPoint(x.dtype) ? scalarValue(alpha) : x.dtype === 'bool' ? scalarValue(alpha) !== 0 : Math.trunc(scalarValue(alpha));
  const src = a === 1 || a === true ? unaliased(source, x) : binaryOp('mul', source, a, { computeDtype: x.dtype });
  const shape = source.ndim === 0 ? [1] : source.shape;
  scatterInto('add', asRank1(x), d, spread(index, shape, d), atLeast1d(src));
  return x;
}

/** `x` itself, or a [1]-shaped alias of a 0-d `x` (writes go through). */
function asRank1(x: Tensor): Tensor {
  return x.ndim === 0 ? x.view([1]) : x;
}

/**
 * `x.index_add_(dim, index, source, { alpha })`: adds `alpha * source` slice by slice at the entries `index` of `dim`; duplicates accumulate.
 * @example torch.zeros(3).indexAdd_(0, torch.tensor([0, 0]), torch.tensor([1, 2]).float()) // tensor([3., 0., 0.])
 */
export function indexAdd_(x: Tensor, dim: number, index: Tensor, source: Tensor, opts?: { alpha?: Scalar }): Tensor {
  const alpha = opts?.alpha ?? 1;
  return traced(INDEX_ADD_, [x, index, source], { dim, alpha }, () => indexAddCore(x, dim, index, source, alpha), { inplace: true });
}

/** `torch.index_add(x, dim, index, source, { alpha })`: `indexAdd_` on a copy. @example torch.indexAdd(torch.zeros(2), 0, torch.tensor([1]), torch.tensor([5]).float()) // tensor([0., 5.]) */
export function indexAdd(x: Tensor, dim: number, index: Tensor, source: Tensor, opts?: { alpha?: Scalar }): Tensor {
  const alpha = opts?.alpha ?? 1;
  return traced(INDEX_ADD, [x, index, source], { dim, alpha }, () => indexAddCore(clone(x), dim, index, source, alpha));
}

function indexCopyCore(x: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  checkSameDevice([x, index, source]);
  const d = normalizeDim(dim, x.ndim);
  if (index.ndim > 1) throw new IndexError(`index_copy_(): Index should have dimension 1 or 0 (got ${index.ndim})`);
  if (index.numel() !== sizeAt(source, d)) {
    throw new IndexError(`index_copy_(): Number of indices (${index.numel()}) should be equal to source.size(dim) (${sizeAt(source, d)})`);
  }
  checkSlices(x, source, d, 'index_copy_');
  if (index.dtype !== 'int64') throw new RuntimeError(`index_copy_(): Expected a long tensor for index, but got ${typeName(index.dtype)}`);
  if (x.dtype !== source.dtype) {
    throw new RuntimeError(`index_copy_(): self and source expected to have the same dtype, but got (self) ${typeName(x.dtype)} and (source) ${typeName(source.dtype)}`);
  }
  const size = sizeAt(x, d);
  checkIndexValues(index, (v) => v >= 0 && v < size, (v) => new IndexError(`index_copy_(): index ${v} is out of bounds for dimension ${d} with size ${size}`));
  if (source.numel() === 0) return x;
  const shape = source.ndim === 0 ? [1] : source.shape;
  scatterInto('assign', asRank1(x), d, spread(index, shape, d), atLeast1d(unaliased(source, x)));
  return x;
}

/**
 * `x.index_copy_(dim, index, source)`: copies the slices of `source` to the entries `index` (int64) of `dim`; duplicates keep the last.
 * @example torch.zeros(3).indexCopy_(0, torch.tensor([2]), torch.tensor([5]).float()) // tensor([0., 0., 5.])
 */
export function indexCopy_(x: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  return traced(INDEX_COPY_, [x, index, source], { dim }, () => indexCopyCore(x, dim, index, source), { inplace: true });
}

/** `torch.index_copy(x, dim, index, source)`: `indexCopy_` on a copy. @example torch.indexCopy(torch.zeros(2), 0, torch.tensor([0]), torch.tensor([1]).float()) // tensor([1., 0.]) */
export function indexCopy(x: Tensor, dim: number, index: Tensor, source: Tensor): Tensor {
  return traced(INDEX_COPY, [x, index, source], { dim }, () => indexCopyCore(clone(x), dim, index, source));
}

function indexFillCore(x: Tensor, dim: number, index: Tensor, value: Scalar | Tensor): Tensor {
  checkSameDevice([x, index]);
  const d = normalizeDim(dim, x.ndim);
  if (index.dtype !== 'int64') throw new IndexError('index_fill_(): Expected dtype int64 for index.');
  if (isTensor(value) && value.ndim !== 0) {
    throw new RuntimeError(`index_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.ndim} dimension(s).`);
  }
  if (index.ndim > 1) throw new RuntimeError('Index has to be a vector/scalar');
  const size = sizeAt(x, d);
  const negative = checkIndexValues(index, (v) => v >= -size && v < size, (v) => new IndexError(`index ${v} is out of bounds for dimension ${d} with size ${size}`));
  if (index.numel() === 0 || x.numel() === 0) return x;
  // a mask along dim (hit entries), broadcast over the other dims
  const hit = full([size], false, { dtype: 'bool', device: x.device });
  const idx = contiguous(negative ? wrapNegative(index, size) : index);
  const one = full([], true, { dtype: 'bool', device: x.device });
  scatterInto('add', hit, 0, restrided(idx, [idx.numel()], [1]), restrided(one, [idx.numel()], [0]));
  const maskShape = x.shape.map((s, k) => (k === d ? s : 1));
  const fillValue = isTensor(value) ? value : full([], value, { dtype: x.dtype, device: x.device });
  const filled = where(x.ndim === 0 ? hit.view([]) : hit.view(maskShape), fillValue.to(x.dtype), x);
  x.storage.backend.copy(filled.backendView, x.backendView);
  x.bumpVersion();
  return x;
}

/**
 * `x.index_fill_(dim, index, value)`: sets the entries `index` (int64, negatives allowed) of `dim` to `value` (a scalar or 0-d tensor).
 * @example torch.zeros(2, 2).indexFill_(1, torch.tensor([-1]), 7) // tensor([[0., 7.], [0., 7.]])
 */
export function indexFill_(x: Tensor, dim: number, index: Tensor, value: Scalar | Tensor): Tensor {
  return traced(INDEX_FILL_, [x, index, isTensor(value) ? value : undefined], { dim, value: isTensor(value) ? undefined : value }, () => indexFillCore(x, dim, index, value), { inplace: true });
}

/** `torch.index_fill(x, dim, index, value)`: `indexFill_` on a copy. @example torch.indexFill(torch.zeros(2), 0, torch.tensor([1]), 3) // tensor([0., 3.]) */
export function indexFill(x: Tensor, dim: number, index: Tensor, value: Scalar | Tensor): Tensor {
  return traced(INDEX_FILL, [x, index, isTensor(value) ? value : undefined], { dim, value: isTensor(value) ? undefined : value }, () => indexFillCore(clone(x), dim, index, value));
}

/**
 * `torch.take(x, index)`: the elements of `x` flattened (row-major) at `index` (int64, negatives allowed), shaped like `index`.
 * @example torch.tensor([[1, 2], [3, 4]]).take(torch.tensor([0, -1])) // tensor([1, 4])
 */
export function take(x: Tensor, index: Tensor): Tensor {
  return traced(TAKE, [x, index], {}, () => {
    checkSameDevice([x, index]);
    if (index.dtype !== 'int64') throw new RuntimeError(`take(): Expected a long tensor for index, but got ${typeName(index.dtype)}`);
    const n = x.numel();
    const negative = checkIndexValues(index, (v) => v >= -n && v < n, (v) => new IndexError(`out of range: tried to access index ${v} on a tensor of ${n} elements.`));
    const out = emptyTensor(index.shape, x.dtype, x.device);
    const m = index.numel();
    if (m === 0) return out;
    const flat = contiguous(x);
    const idx = contiguous(negative ? wrapNegative(index, n) : index);
    x.storage.backend.gather(restrided(flat, [n], [1]), 0, restrided(idx, [m], [1]), restrided(out, [m], [1]));
    return out;
  });
}
