// The dtypes the fast paths handle: those whose storage arrays hold the values themselves.

import type { DType } from '@torchlet/tensor/backend';

/** The typed arrays the fast paths read and write (float32/float64/int32, bool as 0/1 bytes). */
export type NumArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** Dtypes with fast paths: a store into their arrays rounds (float32) or wraps (int32) as the general path does. */
export type FastDType = 'float32' | 'float64' | 'int32';

/**
 * True for float32, float64 and int32.
 *
 * @example
 * isFastDType('float16'); // false
 */
export function isFastDType(dtype: DType): dtype is FastDType {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'int32';
}

/**
 * True when every element index of `data` is an int32: the fast loops index with
 * `(start + i) | 0`, which V8 compiles without overflow checks.
 *
 * @example
 * smallIndex(new Float32Array(4)); // true
 */
export function smallIndex(data: { readonly length: number }): boolean {
  return data.length <= 2 ** 31;
}
