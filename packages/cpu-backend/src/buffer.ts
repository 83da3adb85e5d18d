// A CPU allocation: the storage array of its dtype, garbage-collected like any JS object.

import { allocStorageArray } from '@torchlet/tensor/backend';
import type { BackendBuffer, DType, StorageArray, View } from '@torchlet/tensor/backend';

/**
 * The CPU backend's buffer: the storage array of its dtype (float16/bfloat16 as
 * raw bits, bool as 0/1 bytes, int64 as BigInt64Array).
 *
 * @example
 * const buf = allocBuffer('float32', 4); // buf.data is a Float32Array(4)
 */
export interface CpuBuffer extends BackendBuffer {
  readonly dtype: DType;
  readonly data: StorageArray;
}

/** A strided view onto a CPU buffer. */
export type CpuView = View<CpuBuffer>;

/**
 * A zero-filled buffer of `size` elements of `dtype`.
 *
 * @example
 * allocBuffer('int64', 3).data; // BigInt64Array [0n, 0n, 0n]
 */
export function allocBuffer(dtype: DType, size: number): CpuBuffer {
  if (!Number.isInteger(size) || size < 0) throw new Error(`cpu: invalid buffer size ${size}`);
  return { dtype, size, data: allocStorageArray(dtype, size) };
}
