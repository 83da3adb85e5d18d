// PyTorch's random kernels visit elements in TensorIterator order: memory
// order (dims sorted by stride), not logical order. A transposed tensor is
// therefore filled along its storage. These helpers hand values over in that order.

import type { DType, StorageArray } from '../backend/dtype.js';
import { allocStorageArray } from '../backend/dtype.js';
import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { toStorageArray } from '../creation.js';

/**
 * The dims of `t` in iteration order, outermost (largest stride) first, as a
 * full permutation (size-1 dims, which do not affect the order, lead).
 */
export function iterationPerm(t: Tensor): number[] {
  const ones = t.shape.map((_, i) => i).filter((i) => t.shape[i] === 1);
  const dims = t.shape.map((_, i) => i).filter((i) => t.shape[i] !== 1);
  for (const d of dims) {
    if (t.strides[d] === 0) {
      throw new RuntimeError(
        'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
      );
    }
  }
  // stable: equal strides (only possible with overlap, refused above) keep their order
  dims.sort((a, b) => t.strides[b]! - t.strides[a]!);
  return [...ones, ...dims];
}

/** A typed array for `n` values of `dtype` written by the caller in iteration order. */
export function valuesFor(dtype: DType, n: number): Float32Array | Float64Array {
  return dtype === 'float32' ? new Float32Array(n) : new Float64Array(n);
}

/**
 * Writes `values` (numbers in iteration order, already rounded as the kernel
 * rounds them) into `t`, converting to its dtype; bumps the version.
 */
export function writeInIterationOrder(t: Tensor, values: ArrayLike<number | bigint>): Tensor {
  const n = t.numel();
  if (n === 0) return t;
  const data = storageArrayOf(values, t.dtype);
  const backend = t.storage.backend;
  if (t.isContiguous()) backend.write(t.storage.buf, data, t.offset);
  else {
    const perm = iterationPerm(t);
    const shape = perm.map((d) => t.shape[d]!);
    const strides = perm.map((d) => t.strides[d]!);
    const tmp = emptyTensor(shape, t.dtype, t.device);
    backend.write(tmp.storage.buf, data, 0);
    backend.copy(tmp.backendView, { ...t.backendView, shape, strides });
    tmp.dispose();
  }
  t.bumpVersion();
  return t;
}

/** The elements of `src` (broadcast to `like`'s shape) in `like`'s iteration order, as numbers. */
export function readInIterationOrderOf(src: Tensor, like: Tensor): Float64Array {
  if (like.numel() === 0) return new Float64Array(0);
  const ordered = src.expand(like.shape).permute(iterationPerm(like)).contiguous();
  return Float64Array.from(ordered.dataSync() as ArrayLike<number>, Number);
}

function storageArrayOf(values: ArrayLike<number | bigint>, dtype: DType): StorageArray {
  if (dtype === 'float32' && values instanceof Float32Array) return values;
  if (dtype === 'float64' && values instanceof Float64Array) return values;
  if (dtype === 'int64' && values instanceof BigInt64Array) return values;
  if (values.length === 0) return allocStorageArray(dtype, 0);
  return toStorageArray(values, dtype);
}
