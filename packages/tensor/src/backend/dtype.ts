// The dtypes a backend stores, and the typed array each one is read and written as.

/** Every dtype torchlet knows, named as PyTorch names them (`torch.float32` → `'float32'`). */
export type DType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'bfloat16'
  | 'int32'
  | 'int64'
  | 'int8'
  | 'uint8'
  | 'bool';

/** Every dtype, from bool up to float64. @example DTYPES.length // 9 */
export const DTYPES: readonly DType[] = [
  'bool',
  'uint8',
  'int8',
  'int32',
  'int64',
  'float16',
  'bfloat16',
  'float32',
  'float64',
];

/**
 * How values of a dtype cross the backend boundary (`write`, `read`): float16 and
 * bfloat16 as their raw bits, bool as 0/1 bytes, int64 as BigInt64Array.
 */
export interface StorageArrayOf {
  float32: Float32Array;
  float64: Float64Array;
  float16: Uint16Array;
  bfloat16: Uint16Array;
  int32: Int32Array;
  int64: BigInt64Array;
  int8: Int8Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

export type StorageArray = StorageArrayOf[DType];

const BYTES: Record<DType, number> = {
  float32: 4,
  float64: 8,
  float16: 2,
  bfloat16: 2,
  int32: 4,
  int64: 8,
  int8: 1,
  uint8: 1,
  bool: 1,
};

/** Bytes per element. */
export function itemSize(dtype: DType): number {
  return BYTES[dtype];
}

/** Whether `dtype` is a float type (`torch.dtype.is_floating_point`). @example isFloatingPoint('bfloat16') // true */
export function isFloatingPoint(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64' || dtype === 'float16' || dtype === 'bfloat16';
}

/** Whether `dtype` is an integer type, bool included only when asked (ATen's isIntegralType). @example isIntegral('bool', true) // true */
export function isIntegral(dtype: DType, includeBool = false): boolean {
  return dtype === 'int32' || dtype === 'int64' || dtype === 'int8' || dtype === 'uint8' || (includeBool && dtype === 'bool');
}

/** A new zero-filled storage array of `n` elements. */
export function allocStorageArray<D extends DType>(dtype: D, n: number): StorageArrayOf[D];
export function allocStorageArray(dtype: DType, n: number): StorageArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(n);
    case 'float64':
      return new Float64Array(n);
    case 'float16':
    case 'bfloat16':
      return new Uint16Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'int8':
      return new Int8Array(n);
    case 'uint8':
    case 'bool':
      return new Uint8Array(n);
  }
}
