// Conversions between the backend boundary's storage arrays and oracle scalars.

import {
  allocStorageArray,
  bfloat16BitsToFloat,
  floatToBfloat16Bits,
  floatToHalfBits,
  halfBitsToFloat,
  type DType,
  type StorageArray,
} from '@torchlet/tensor/backend';
import type { Scalar } from './scalar.js';

/**
 * The values held by a storage array of `dtype` (halves decoded from their bits).
 *
 * @example fromStorage(new Uint16Array([0x3c00]), 'float16') // [1]
 */
export function fromStorage(data: StorageArray, dtype: DType): Scalar[] {
  const out: Scalar[] = [];
  for (let i = 0; i < data.length; i++) {
    const raw = data[i] ?? 0;
    if (dtype === 'float16') out.push(halfBitsToFloat(Number(raw)));
    else if (dtype === 'bfloat16') out.push(bfloat16BitsToFloat(Number(raw)));
    else if (dtype === 'int64') out.push(BigInt(raw));
    else out.push(Number(raw));
  }
  return out;
}

/**
 * A storage array of `dtype` holding `values` (each already a value of that dtype).
 *
 * @example toStorage([1, 0.5], 'float16') // Uint16Array [0x3c00, 0x3800]
 */
export function toStorage(values: readonly Scalar[], dtype: DType): StorageArray {
  const out = allocStorageArray(dtype, values.length);
  values.forEach((v, i) => {
    if (out instanceof BigInt64Array) out[i] = BigInt(v);
    else if (dtype === 'float16') out[i] = floatToHalfBits(Number(v));
    else if (dtype === 'bfloat16') out[i] = floatToBfloat16Bits(Number(v));
    else out[i] = Number(v);
  });
  return out;
}
