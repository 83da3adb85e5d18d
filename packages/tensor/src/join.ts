// Joining and splitting: cat, stack, chunk, split, unbind.

import { resultType } from './dtype.js';
import { IndexError, RuntimeError } from './errors.js';
import { checkSameDevice } from './operands.js';
import { fmtShape, normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { narrow, select, unsqueeze } from './views.js';
import { defineOp, traced } from './trace.js';

const CAT = defineOp('cat');
const STACK = defineOp('stack');
const SPLIT = defineOp('split');
const UNBIND = defineOp('unbind');

/**
 * `torch.cat(tensors, dim=0)`: dtypes promote; legacy empty 1-D tensors are skipped.
 * @example torch.cat([torch.tensor([1, 2]), torch.tensor([3.5])]) // tensor([1.0000, 2.0000, 3.5000])
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  return traced(CAT, tensors, { dim }, () => catImpl(tensors, dim));
}

function catImpl(tensors: readonly Tensor[], dim: number): Tensor {
  if (tensors.length === 0) throw new RuntimeError('torch.cat(): expected a non-empty list of Tensors');
  const device = checkSameDevice(tensors)!;
  const parts = tensors.filter((t) => !(t.ndim === 1 && t.shape[0] === 0));
  const dtype = resultType(...tensors);
  if (parts.length === 0) return emptyTensor([0], dtype, device);
  const ref = parts[0]!;
  if (ref.ndim === 0) throw new RuntimeError('zero-dimensional tensor (at position 0) cannot be concatenated');
  const d = normalizeDim(dim, ref.ndim);
  let total = 0;
  parts.forEach((t, i) => {
    if (t.ndim === 0) throw new RuntimeError(`zero-dimensional tensor (at position ${tensors.indexOf(t)}) cannot be concatenated`);
    if (t.ndim !== ref.ndim) {
      throw new RuntimeError(
        `Tensors must have same number of dimensions: got ${ref.ndim} and ${t.ndim}`,
      );
    }
    for (let k = 0; k < t.ndim; k++) {
      if (k !== d && t.shape[k] !== ref.shape[k]) {
        throw new RuntimeError(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${i} in the list.`,
        );
      }
    }
    total += t.shape[d]!;
  });
  const shape = [...ref.shape];
  shape[d] = total;
  const out = emptyTensor(shape, dtype, device);
  let at = 0;
  for (const t of parts) {
    const len = t.shape[d]!;
    if (len > 0) out.storage.backend.copy(t.backendView, narrow(out, d, at, len).backendView);
    at += len;
  }
  return out;
}

/**
 * `torch.stack(tensors, dim=0)`: all the same shape, joined along a new dim.
 * @example torch.stack([torch.tensor([1, 2]), torch.tensor([3, 4])], 1).shape // [2, 2]
 */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  return traced(STACK, tensors, { dim }, () => stackImpl(tensors, dim));
}

function stackImpl(tensors: readonly Tensor[], dim: number): Tensor {
  if (tensors.length === 0) throw new RuntimeError('stack expects a non-empty TensorList');
  const ref = tensors[0]!;
  tensors.forEach((t, i) => {
    if (t.ndim !== ref.ndim || t.shape.some((s, k) => s !== ref.shape[k])) {
      throw new RuntimeError(
        `stack expects each tensor to be equal size, but got ${fmtShape(ref.shape)} at entry 0 and ${fmtShape(t.shape)} at entry ${i}`,
      );
    }
  });
  const d = normalizeDim(dim, ref.ndim + 1);
  return cat(tensors.map((t) => unsqueeze(t, d)), d);
}

/** `x.split(splitSize | sizes, dim=0)`: views. @example torch.arange(5).split(2) // [tensor([0, 1]), tensor([2, 3]), tensor([4])] */
export function split(x: Tensor, splitSize: number | readonly number[], dim = 0): Tensor[] {
  return traced(SPLIT, [x], { splitSize, dim }, () => splitImpl(x, splitSize, dim));
}

function splitImpl(x: Tensor, splitSize: number | readonly number[], dim: number): Tensor[] {
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d]!;
  if (typeof splitSize === 'number') {
    if (splitSize < 0) throw new RuntimeError(`split expects split_size be non-negative, but got split_size=${splitSize}`);
    if (splitSize === 0 && size !== 0) {
      throw new RuntimeError(`split_size can only be 0 if dimension size is 0, but got dimension size of ${size}`);
    }
    const n = splitSize === 0 ? 1 : Math.max(1, Math.ceil(size / splitSize));
    return Array.from({ length: n }, (_, i) => narrow(x, d, i * splitSize, Math.min(splitSize, size - i * splitSize)));
  }
  if (splitSize.some((s) => s < 0)) {
    throw new RuntimeError(`split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=${fmtShape(splitSize)}`);
  }
  const total = splitSize.reduce((a, b) => a + b, 0);
  if (total !== size) {
    throw new RuntimeError(
      `split_with_sizes expects split_sizes to sum exactly to ${size} (input tensor's size at dimension ${d}), but got split_sizes=${fmtShape(splitSize)}`,
    );
  }
  let at = 0;
  return splitSize.map((len) => {
    const part = narrow(x, d, at, len);
    at += len;
    return part;
  });
}

/** `x.chunk(chunks, dim=0)`: up to `chunks` views of ceil(size / chunks). @example torch.arange(6).chunk(4) // [tensor([0, 1]), tensor([2, 3]), tensor([4, 5])] */
export function chunk(x: Tensor, chunks: number, dim = 0): Tensor[] {
  if (x.ndim === 0) throw new RuntimeError('chunk expects at least a 1-dimensional tensor');
  if (chunks <= 0) throw new RuntimeError(`chunk expects \`chunks\` to be greater than 0, got: ${chunks}`);
  const d = normalizeDim(dim, x.ndim);
  const size = x.shape[d]!;
  const each = Math.ceil(size / chunks);
  if (each === 0) return Array.from({ length: chunks }, () => narrow(x, d, 0, 0));
  return split(x, each, d);
}

/** `x.unbind(dim=0)`: the slices along `dim`, as views. @example torch.tensor([[1, 2], [3, 4]]).unbind() // [tensor([1, 2]), tensor([3, 4])] */
export function unbind(x: Tensor, dim = 0): Tensor[] {
  return traced(UNBIND, [x], { dim }, () => unbindImpl(x, dim));
}

function unbindImpl(x: Tensor, dim: number): Tensor[] {
  if (x.ndim === 0) throw new IndexError('Dimension specified as 0 but tensor has no dimensions');
  const d = normalizeDim(dim, x.ndim);
  return Array.from({ length: x.shape[d]! }, (_, i) => select(x, d, i));
}
