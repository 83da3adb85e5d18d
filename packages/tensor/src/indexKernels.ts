// What the indexing ops share: running the scatter kind a backend offers (the
// scatterAdd primitive, the scatterReduce fast path or its reference
// decomposition), nonzero, and reading indices to check them with PyTorch's messages.

import type { DType } from './backend/dtype.js';
import type { ScatterReduceOp } from './backend/ops.js';
import { reference } from './backend/reference.js';
import type { View } from './backend/types.js';
import { IndexError, RuntimeError, type TorchError } from './errors.js';
import { SCALAR_TYPE_NAME } from './dtype.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast, clone } from './copy.js';
import { add, binaryOp, where } from './elementwise.js';
import { reduceOp } from './reduce.js';

/** How a scatter combines a written value with the target: `add` is the scatterAdd primitive. */
export type ScatterKind = 'add' | ScatterReduceOp;

/**
 * @internal Scatters `src` (index-shaped part) into `out` along `dim` with `kind`,
 * through the backend's fast path when it has one; `target` is another view of
 * out's storage when given (advanced indexing writes through the flat storage). Views, not tensors: callers
 * pass expanded or restrided index views.
 */
export function scatterInto(kind: ScatterKind, out: Tensor, dim: number, index: View, src: View, target: View = out.backendView): void {
  const backend = out.storage.backend;
  if (kind === 'add') backend.scatterAdd(target, dim, index, src);
  else if (backend.supports.scatterReduce) backend.supports.scatterReduce(kind, target, dim, index, src);
  else reference.scatterReduce(backend, kind, target, dim, index, src);
  out.bumpVersion();
}

/** @internal A view of `t`'s data with other shape/strides (same buffer, same offset unless given). */
export function restrided(t: Tensor, shape: readonly number[], strides: readonly number[], offset = t.offset): View {
  return { ...t.backendView, shape, strides, offset };
}

/** @internal `t` read as a source: a copy when it shares storage with `dst` (so writes cannot feed reads). */
export function unaliased(t: Tensor, dst: Tensor): Tensor {
  return t.storage === dst.storage ? clone(t) : t;
}

/**
 * @internal The number of nonzero elements of `x`. A synchronous read (PyTorch
 * syncs here too); devices that cannot read synchronously get an error naming the async form.
 */
export function countNonzero(x: Tensor, op: string): number {
  if (!x.storage.backend.readSync) {
    throw new RuntimeError(
      `${op} has a data-dependent output size and device '${x.device}' cannot be read synchronously: move the tensor to the CPU first (await x.toAsync('cpu'))`,
    );
  }
  if (x.numel() === 0) return 0;
  // compared in x's own dtype, summed in float64 (exact to 2^53, and no int64 arithmetic)
  const flags = x.dtype === 'bool' ? x : binaryOp('ne', x, 0, { computeDtype: x.dtype });
  const count = reduceOp('sum', flags, null, false, 'float64');
  return Number(count.dataSync()[0]);
}

/** @internal `torch.nonzero(x)` as an int64 [count, rank] tensor. */
export function nonzeroMatrix(x: Tensor, op = 'nonzero'): Tensor {
  const count = countNonzero(x, op);
  const out = emptyTensor([count, x.ndim], 'int64', x.device);
  if (count === 0 || x.ndim === 0) return out;
  const backend = x.storage.backend;
  if (backend.supports.nonzero) backend.supports.nonzero(x.backendView, out.backendView);
  else reference.nonzero(backend, x.backendView, out.backendView);
  return out;
}

/**
 * @internal Checks every value of `index` with `ok`, throwing `error(value)` for the first
 * failure. Reads the index synchronously where the device can (CPU); elsewhere the
 * backend's own checks apply, as PyTorch's device-side asserts do on CUDA. Returns
 * whether some value may be negative (true when the index could not be read).
 */
export function checkIndexValues(index: Tensor, ok: (v: number) => boolean, error: (v: number | bigint) => TorchError): boolean {
  if (!index.storage.backend.readSync) return true;
  if (index.numel() === 0) return false;
  const values = index.dataSync();
  let negative = false;
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]!);
    if (!ok(v)) throw error(values[i]!);
    if (v < 0) negative = true;
  }
  return negative;
}

/** @internal `index` as int64 (the dtype backends' index views are read in). */
export function asInt64(index: Tensor): Tensor {
  return index.dtype === 'int64' ? index : cast(index, 'int64');
}

/** @internal PyTorch's "Expected dtype int64 for index" family: `name(): Expected dtype int64 for index`. */
export function requireInt64(index: Tensor, name: string): void {
  if (index.dtype !== 'int64') throw new RuntimeError(`${name}(): Expected dtype int64 for index`);
}

/** @internal `src` and `self` must share a dtype, as PyTorch's scatter/index_* ops require. */
export function requireSameDtype(self: DType, src: DType, name: string): void {
  if (self !== src) {
    throw new RuntimeError(`${name}(): Expected self.dtype to be equal to src.dtype`);
  }
}

/** @internal PyTorch's dtype name for messages (`Float`, `Long`). */
export function typeName(dtype: DType): string {
  return SCALAR_TYPE_NAME[dtype];
}

/** @internal PyTorch's IndexError for an index outside [-size, size). */
export function outOfBounds(v: number | bigint, dim: number, size: number): IndexError {
  return new IndexError(`index ${v} is out of bounds for dimension ${dim} with size ${size}`);
}

/** @internal `index` (int64) with negative entries counted from `size`, as Python does. */
export function wrapNegative(index: Tensor, size: number): Tensor {
  const idx = asInt64(index);
  if (idx.numel() === 0) return idx;
  return where(binaryOp('lt', idx, 0), add(idx, size), idx);
}
