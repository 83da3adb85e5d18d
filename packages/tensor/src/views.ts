// View ops: new shape/stride/offset metadata over the same storage, no copies.

import { contiguousStrides, numel } from './backend/layout.js';
import { IndexError, RuntimeError } from './errors.js';
import { fmtShape, normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { viewTensor } from './tensor.js';
import { clone as cloneOf, contiguous, copyInto } from './copy.js';
import { defineOp, traced } from './trace.js';

const VIEW = defineOp('view');
const RESHAPE = defineOp('reshape');
const PERMUTE = defineOp('permute');
const TRANSPOSE = defineOp('transpose');
const T = defineOp('t');
const EXPAND = defineOp('expand');
const SQUEEZE = defineOp('squeeze');
const UNSQUEEZE = defineOp('unsqueeze');
const FLATTEN = defineOp('flatten');
const NARROW = defineOp('narrow');
const SELECT = defineOp('select');
const DIAGONAL = defineOp('diagonal');

/** Resolves one `-1` in a requested shape, or PyTorch's error. @example inferSize([2, -1], 6) // [2, 3] */
export function inferSize(shape: readonly number[], total: number): number[] {
  let infer = -1;
  let known = 1;
  shape.forEach((s, i) => {
    if (s === -1) {
      if (infer >= 0) throw new RuntimeError('only one dimension can be inferred');
      infer = i;
    } else if (s < 0 || !Number.isInteger(s)) {
      throw new RuntimeError(`invalid shape dimension ${s}`);
    } else known *= s;
  });
  const out = [...shape];
  if (infer >= 0) {
    if (known === 0 && total === 0) {
      throw new RuntimeError(
        `cannot reshape tensor of 0 elements into shape ${fmtShape(shape)} because the unspecified dimension size -1 can be any value and is ambiguous`,
      );
    }
    if (known === 0 || total % known !== 0) throw new RuntimeError(`shape '${fmtShape(shape)}' is invalid for input of size ${total}`);
    out[infer] = total / known;
  } else if (known !== total) {
    throw new RuntimeError(`shape '${fmtShape(shape)}' is invalid for input of size ${total}`);
  }
  return out;
}

/**
 * Strides that view `oldShape/oldStrides` as `newShape` without copying, or
 * null when impossible (PyTorch's computeStride).
 * @example viewStrides([2, 3], [1, 2], [6]) // null
 */
export function viewStrides(oldShape: readonly number[], oldStrides: readonly number[], newShape: readonly number[]): number[] | null {
  if (oldShape.length === 0) return newShape.map(() => 1);
  const n = numel(oldShape);
  if (n === 0) {
    if (oldShape.length === newShape.length && oldShape.every((s, i) => s === newShape[i])) return [...oldStrides];
    return contiguousStrides(newShape);
  }
  const newStrides = new Array<number>(newShape.length).fill(0);
  let viewD = newShape.length - 1;
  let chunkBaseStride = oldStrides[oldStrides.length - 1]!;
  let tensorNumel = 1;
  let viewNumel = 1;
  for (let td = oldShape.length - 1; td >= 0; td--) {
    tensorNumel *= oldShape[td]!;
    if (td === 0 || (oldShape[td - 1] !== 1 && oldStrides[td - 1] !== tensorNumel * chunkBaseStride)) {
      while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] === 1)) {
        newStrides[viewD] = viewNumel * chunkBaseStride;
        viewNumel *= newShape[viewD]!;
        viewD--;
      }
      if (viewNumel !== tensorNumel) return null;
      if (td > 0) {
        chunkBaseStride = oldStrides[td - 1]!;
        tensorNumel = 1;
        viewNumel = 1;
      }
    }
  }
  if (viewD !== -1) return null;
  return newStrides;
}

/** `x.view(*shape)`: the same storage seen with another shape; never copies. @example torch.arange(6).view(2, 3).strides // [3, 1] */
export function view(x: Tensor, shape: readonly number[]): Tensor {
  return traced(VIEW, [x], { shape }, () => viewImpl(x, shape));
}

function viewImpl(x: Tensor, shape: readonly number[]): Tensor {
  const newShape = inferSize(shape, x.numel());
  const strides = viewStrides(x.shape, x.strides, newShape);
  if (strides === null) {
    throw new RuntimeError(
      "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
    );
  }
  return viewTensor(x, newShape, strides, x.offset);
}

/** `x.reshape(*shape)`: a view when the layout allows, else a contiguous copy. @example torch.zeros(2, 3).t().reshape(6).isContiguous() // true */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  return traced(RESHAPE, [x], { shape }, () => reshapeImpl(x, shape));
}

function reshapeImpl(x: Tensor, shape: readonly number[]): Tensor {
  const newShape = inferSize(shape, x.numel());
  const strides = viewStrides(x.shape, x.strides, newShape);
  if (strides !== null) return viewTensor(x, newShape, strides, x.offset);
  return view(contiguous(x), newShape);
}

/** `x.permute(*dims)`: the dims reordered, as a view. @example torch.zeros(2, 3, 4).permute(2, 0, 1).shape // [4, 2, 3] */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  return traced(PERMUTE, [x], { dims }, () => permuteImpl(x, dims));
}

function permuteImpl(x: Tensor, dims: readonly number[]): Tensor {
  if (dims.length !== x.ndim) {
    throw new RuntimeError(
      `permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = ${x.ndim} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const nd = dims.map((d) => normalizeDim(d, x.ndim));
  if (new Set(nd).size !== nd.length) throw new RuntimeError('permute(): duplicate dims are not allowed.');
  return viewTensor(x, nd.map((d) => x.shape[d]!), nd.map((d) => x.strides[d]!), x.offset);
}

/** `x.transpose(d0, d1)`: two dims swapped, as a view. @example torch.zeros(2, 3).transpose(0, 1).strides // [1, 3] */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  return traced(TRANSPOSE, [x], { dim0, dim1 }, () => transposeImpl(x, dim0, dim1));
}

function transposeImpl(x: Tensor, dim0: number, dim1: number): Tensor {
  if (x.ndim === 0) {
    normalizeDim(dim0, 0);
    normalizeDim(dim1, 0);
    return viewTensor(x, [], [], x.offset);
  }
  const a = normalizeDim(dim0, x.ndim);
  const b = normalizeDim(dim1, x.ndim);
  const shape = [...x.shape];
  const strides = [...x.strides];
  [shape[a], shape[b]] = [shape[b]!, shape[a]!];
  [strides[a], strides[b]] = [strides[b]!, strides[a]!];
  return viewTensor(x, shape, strides, x.offset);
}

/** `x.t()`: transpose of a tensor with at most 2 dims. @example torch.tensor([[1, 2]]).t().shape // [2, 1] */
export function t(x: Tensor): Tensor {
  return traced(T, [x], {}, () => tImpl(x));
}

function tImpl(x: Tensor): Tensor {
  if (x.ndim > 2) throw new RuntimeError(`t() expects a tensor with <= 2 dimensions, but self is ${x.ndim}D`);
  return x.ndim < 2 ? viewTensor(x, x.shape, x.strides, x.offset) : transpose(x, 0, 1);
}

/** `x.expand(*sizes)`: broadcast to a larger shape with 0-strides; -1 keeps a size. @example torch.zeros(3, 1).expand(-1, 4).strides // [1, 0] */
export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  return traced(EXPAND, [x], { sizes }, () => expandImpl(x, sizes));
}

function expandImpl(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim) {
    throw new RuntimeError(
      `expand(torch.${typeName(x)}{${fmtShape(x.shape)}}, size=${fmtShape(sizes)}): the number of sizes provided (${sizes.length}) must be greater or equal to the number of dimensions in the tensor (${x.ndim})`,
    );
  }
  const lead = sizes.length - x.ndim;
  const shape: number[] = [];
  const strides: number[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const want = sizes[i]!;
    if (i < lead) {
      if (want < 0) throw new RuntimeError(`The expanded size of the tensor (${want}) isn't allowed in a leading, non-existing dimension ${i}`);
      shape.push(want);
      strides.push(0);
      continue;
    }
    const have = x.shape[i - lead]!;
    const size = want === -1 ? have : want;
    if (have !== size) {
      if (have !== 1) {
        throw new RuntimeError(
          `The expanded size of the tensor (${size}) must match the existing size (${have}) at non-singleton dimension ${i}.  Target sizes: ${fmtShape(sizes)}.  Tensor sizes: ${fmtShape(x.shape)}`,
        );
      }
      shape.push(size);
      strides.push(0);
    } else {
      shape.push(size);
      strides.push(x.strides[i - lead]!);
    }
  }
  return viewTensor(x, shape, strides, x.offset);
}

function typeName(x: Tensor): string {
  const names: Record<string, string> = {
    float32: 'FloatTensor', float64: 'DoubleTensor', float16: 'HalfTensor', bfloat16: 'BFloat16Tensor',
    int32: 'IntTensor', int64: 'LongTensor', int8: 'CharTensor', uint8: 'ByteTensor', bool: 'BoolTensor',
  };
  return names[x.dtype]!;
}

/**
 * `x.squeeze()` drops every size-1 dim; `x.squeeze(d)` (or a list) only those given, if size 1.
 * @example torch.zeros(1, 2, 1).squeeze([0, 1]).shape // [2, 1]
 */
export function squeeze(x: Tensor, dim?: number | readonly number[]): Tensor {
  return traced(SQUEEZE, [x], { dim }, () => squeezeImpl(x, dim));
}

function squeezeImpl(x: Tensor, dim?: number | readonly number[]): Tensor {
  let drop: Set<number>;
  if (dim === undefined) drop = new Set(x.shape.flatMap((s, i) => (s === 1 ? [i] : [])));
  else {
    const list = typeof dim === 'number' ? [dim] : dim;
    drop = new Set(list.map((d) => normalizeDim(d, x.ndim)).filter((d) => x.shape[d] === 1));
  }
  const keep = x.shape.map((_, i) => i).filter((i) => !drop.has(i));
  return viewTensor(x, keep.map((i) => x.shape[i]!), keep.map((i) => x.strides[i]!), x.offset);
}

/** `x.unsqueeze(d)`: a size-1 dim inserted at `d` (in [-ndim-1, ndim]). @example torch.zeros(2, 3).unsqueeze(-1).shape // [2, 3, 1] */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  return traced(UNSQUEEZE, [x], { dim }, () => unsqueezeImpl(x, dim));
}

function unsqueezeImpl(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.ndim + 1);
  const shape = [...x.shape];
  const strides = [...x.strides];
  const stride = d < x.ndim ? x.shape[d]! * x.strides[d]! : 1;
  shape.splice(d, 0, 1);
  strides.splice(d, 0, stride);
  return viewTensor(x, shape, strides, x.offset);
}

/** `x.flatten(startDim=0, endDim=-1)`: a view when possible. @example torch.zeros(2, 3, 4).flatten(0, 1).shape // [6, 4] */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  return traced(FLATTEN, [x], { startDim, endDim }, () => flattenImpl(x, startDim, endDim));
}

function flattenImpl(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.ndim === 0) return reshape(x, [1]);
  const s = normalizeDim(startDim, x.ndim);
  const e = normalizeDim(endDim, x.ndim);
  if (s > e) throw new RuntimeError('flatten() has invalid args: start_dim cannot come after end_dim');
  if (s === e) return viewTensor(x, x.shape, x.strides, x.offset);
  const merged = x.shape.slice(s, e + 1).reduce((a, b) => a * b, 1);
  return reshape(x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}

/** `x.unflatten(dim, sizes)`: splits one dim into several (one may be -1). @example torch.zeros(6).unflatten(0, [2, -1]).shape // [2, 3] */
export function unflatten(x: Tensor, dim: number, sizes: readonly number[]): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d]!;
  if (sizes.length === 0) throw new RuntimeError('unflatten: sizes must be non-empty');
  let inferred: number[];
  try {
    inferred = inferSize(sizes, size);
  } catch (err) {
    // PyTorch wraps the one error its size inference raises here, and words the others itself
    if (err instanceof RuntimeError && err.message === 'only one dimension can be inferred') {
      throw new RuntimeError(`unflatten got an unexpected error:\n${err.message}`);
    }
    throw new RuntimeError(`unflatten: Provided sizes ${fmtShape(sizes)} don't multiply up to the size of dim ${dim} (${size}) in the input tensor`);
  }
  return view(x, [...x.shape.slice(0, d), ...inferred, ...x.shape.slice(d + 1)]);
}

/** `x.narrow(dim, start, length)`: `x` limited to `start..start+length` along `dim`, as a view. @example torch.arange(5).narrow(0, -2, 2) // tensor([3, 4]) */
export function narrow(x: Tensor, dim: number, start: number, length: number): Tensor {
  return traced(NARROW, [x], { dim, start, length }, () => narrowImpl(x, dim, start, length));
}

function narrowImpl(x: Tensor, dim: number, start: number, length: number): Tensor {
  if (x.ndim === 0) throw new RuntimeError('narrow() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d]!;
  // as PyTorch 1.13: `start` is wrapped like a dim of `size` (its message too); `start == size` is allowed
  const s = start === size ? start : normalizeDim(start, size);
  if (length < 0 || s > size - length) throw new RuntimeError(`start (${s}) + length (${length}) exceeds dimension size (${size}).`);
  const shape = [...x.shape];
  shape[d] = length;
  return viewTensor(x, shape, x.strides, x.offset + s * x.strides[d]!);
}

/** `x.select(dim, index)`: drops `dim`, keeping slice `index`. @example torch.tensor([[1, 2], [3, 4]]).select(0, -1) // tensor([3, 4]) */
export function select(x: Tensor, dim: number, index: number): Tensor {
  return traced(SELECT, [x], { dim, index }, () => selectImpl(x, dim, index));
}

function selectImpl(x: Tensor, dim: number, index: number): Tensor {
  if (x.ndim === 0) throw new IndexError('select() cannot be applied to a 0-dim tensor.');
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d]!;
  if (index < -size || index >= size) {
    throw new IndexError(`select(): index ${index} out of range for tensor of size ${fmtShape(x.shape)} at dimension ${d}`);
  }
  const i = index < 0 ? index + size : index;
  const shape = x.shape.filter((_, k) => k !== d);
  const strides = x.strides.filter((_, k) => k !== d);
  return viewTensor(x, shape, strides, x.offset + i * x.strides[d]!);
}

/** `x.diagonal(offset=0, dim1=0, dim2=1)` as a view. @example torch.arange(9).view(3, 3).diagonal(1) // tensor([1, 5]) */
export function diagonal(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  return traced(DIAGONAL, [x], { offset, dim1, dim2 }, () => diagonalImpl(x, offset, dim1, dim2));
}

function diagonalImpl(x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor {
  const a = normalizeDim(dim1, x.ndim);
  const b = normalizeDim(dim2, x.ndim);
  if (a === b) throw new RuntimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
  let start = x.offset;
  let len: number;
  if (offset >= 0) {
    len = Math.max(0, Math.min(x.shape[a]!, x.shape[b]! - offset));
    if (len > 0) start += offset * x.strides[b]!;
  } else {
    len = Math.max(0, Math.min(x.shape[a]! + offset, x.shape[b]!));
    if (len > 0) start -= offset * x.strides[a]!;
  }
  const keep = x.shape.map((_, i) => i).filter((i) => i !== a && i !== b);
  return viewTensor(
    x,
    [...keep.map((i) => x.shape[i]!), len],
    [...keep.map((i) => x.strides[i]!), x.strides[a]! + x.strides[b]!],
    start,
  );
}

/** `x.movedim(source, destination)`: dims moved, the others keeping their order. @example torch.zeros(2, 3, 4).movedim([0, 1], [2, 0]).shape // [3, 4, 2] */
export function movedim(x: Tensor, source: number | readonly number[], destination: number | readonly number[]): Tensor {
  const src = toList(source).map((d) => normalizeDim(d, x.ndim));
  const dst = toList(destination).map((d) => normalizeDim(d, x.ndim));
  if (src.length !== dst.length) {
    throw new RuntimeError(`movedim: Invalid source or destination dims: source (${fmtShape(toList(source))} dims) should contain the same number of dims as destination (${fmtShape(toList(destination))} dims)`);
  }
  if (new Set(src).size !== src.length) throw new RuntimeError(`movedim: repeated dim in \`source\` (${fmtShape(toList(source))})`);
  if (new Set(dst).size !== dst.length) throw new RuntimeError(`movedim: repeated dim in \`destination\` (${fmtShape(toList(destination))})`);
  const order = new Array<number>(x.ndim).fill(-1);
  src.forEach((s, i) => (order[dst[i]!] = s));
  const rest = x.shape.map((_, i) => i).filter((i) => !src.includes(i));
  let r = 0;
  for (let i = 0; i < order.length; i++) if (order[i] === -1) order[i] = rest[r++]!;
  return permute(x, order);
}

function toList(dims: number | readonly number[]): readonly number[] {
  return typeof dims === 'number' ? [dims] : dims;
}

const AS_STRIDED = defineOp('asStrided');
const AS_STRIDED_SCATTER = defineOp('asStridedScatter');

/** PyTorch's checks of an as_strided geometry against `x`'s storage. */
function checkGeometry(x: Tensor, size: readonly number[], stride: readonly number[], offset: number): void {
  if (size.length !== stride.length) throw new RuntimeError('mismatch in length of strides and shape');
  if (offset < 0) throw new RuntimeError(`Tensor: invalid storage offset ${offset}`);
  const neg = size.find((s) => s < 0);
  if (neg !== undefined) throw new RuntimeError(`Trying to create tensor with negative dimension ${neg}: ${fmtShape(size)}`);
  if (stride.some((s) => s < 0)) throw new RuntimeError(`as_strided: Negative strides are not supported at the moment, got strides: ${fmtShape(stride)}`);
  if (size.some((s) => s === 0)) return;
  const needed = offset + 1 + size.reduce((acc, s, i) => acc + (s - 1) * stride[i]!, 0);
  if (needed > x.storage.size) {
    const item = x.elementSize();
    throw new RuntimeError(
      `setStorage: sizes ${fmtShape(size)}, strides ${fmtShape(stride)}, storage offset ${offset}, and itemsize ${item} requiring a storage size of ${needed * item} are out of bounds for storage of size ${x.storage.size * item}`,
    );
  }
}

/**
 * `torch.as_strided(x, size, stride, storageOffset?)`: a view of `x`'s storage with the given
 * geometry (the offset is absolute in the storage; default `x`'s own).
 * @example torch.asStrided(torch.arange(6), [2, 2], [1, 2]) // tensor([[0, 2], [1, 3]])
 */
export function asStrided(x: Tensor, size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor {
  const offset = storageOffset ?? x.offset;
  return traced(AS_STRIDED, [x], { size, stride, storageOffset: offset }, () => {
    checkGeometry(x, size, stride, offset);
    return viewTensor(x, [...size], [...stride], offset);
  });
}

/**
 * `torch.as_strided_scatter(input, src, size, stride, storageOffset=0)`: a row-major copy of
 * `input` with `src` written into its `asStrided(size, stride, storageOffset)` view.
 * @example torch.asStridedScatter(torch.zeros(4), torch.ones(2), [2], [2]) // tensor([1., 0., 1., 0.])
 */
export function asStridedScatter(input: Tensor, src: Tensor, size: readonly number[], stride: readonly number[], storageOffset = 0): Tensor {
  return traced(AS_STRIDED_SCATTER, [input, src], { size, stride, storageOffset }, () => {
    const dense = contiguous(input);
    const out = dense === input ? cloneOf(input) : dense;
    checkGeometry(out, size, stride, storageOffset);
    if (src.ndim !== size.length || src.shape.some((s, i) => s !== size[i])) {
      throw new RuntimeError(`expected src to have a size equal to the slice of self. src size = ${fmtShape(src.shape)}, slice size = ${fmtShape(size)}`);
    }
    copyInto(viewTensor(out, [...size], [...stride], storageOffset), src);
    return out;
  });
}
