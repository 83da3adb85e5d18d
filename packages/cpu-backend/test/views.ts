// Test helpers: build views over CPU buffers from plain values and read them back.
// Used by the *.test.ts files beside the kernels; not part of the public API.

import { bfloat16BitsToFloat, contiguousStrides, halfBitsToFloat, numel } from '@torchlet/tensor/backend';
import type { DType } from '@torchlet/tensor/backend';
import { cpu } from '../src/backend.js';
import type { CpuView } from '../src/buffer.js';
import { encode } from '../src/storage.js';
import type { RawElements } from '../src/storage.js';

/** The backend every test uses. */
export const backend = cpu();

/**
 * A contiguous view holding `values` (numbers, or bigints for int64), of `shape` (default: 1-D).
 *
 * @example
 * const x = view('float32', [1, 2, 3, 4], [2, 2]);
 */
export function view(dtype: DType, values: readonly (number | bigint)[], shape: readonly number[] = [values.length]): CpuView {
  if (numel(shape) !== values.length) throw new Error('test view: values do not fill the shape');
  const buf = backend.alloc(dtype, values.length);
  const data = buf.data as unknown as RawElements;
  values.forEach((v, i) => (data[i] = typeof v === 'bigint' ? v : encode(v, dtype)));
  return { buf, dtype, shape, strides: contiguousStrides(shape), offset: 0 };
}

/**
 * A zero-filled view; `layout` gives it other strides and an offset into a larger buffer.
 *
 * @example
 * const out = zeros('float32', [2, 2], { strides: [1, 2] }); // column-major
 */
export function zeros(dtype: DType, shape: readonly number[], layout?: { strides: number[]; offset?: number; size?: number }): CpuView {
  const strides = layout?.strides ?? contiguousStrides(shape);
  const offset = layout?.offset ?? 0;
  const size = layout?.size ?? offset + numel(shape);
  return { buf: backend.alloc(dtype, size), dtype, shape, strides, offset };
}

/**
 * The view with `dims` permuted (a metadata change, as `tensor` makes it).
 *
 * @example
 * permute(x, [1, 0]); // x.T
 */
export function permute(v: CpuView, dims: readonly number[]): CpuView {
  return { ...v, shape: dims.map((d) => v.shape[d]!), strides: dims.map((d) => v.strides[d]!) };
}

/**
 * The elements of a view in row-major order as numbers (int64 through Number()).
 *
 * @example
 * values(out); // [1, 2, 3]
 */
export function values(v: CpuView): number[] {
  const data = backend.readSync!(v);
  if (v.dtype === 'float16') return Array.from(data as Uint16Array, halfBitsToFloat);
  if (v.dtype === 'bfloat16') return Array.from(data as Uint16Array, bfloat16BitsToFloat);
  if (v.dtype === 'int64') return Array.from(data as BigInt64Array, Number);
  return Array.from(data as ArrayLike<number>);
}
