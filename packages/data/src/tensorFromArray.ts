// A tensor holding a typed array's values: one copy into the backend's storage.

import type { DType, Tensor } from '@torchlet/tensor';
import { empty } from '@torchlet/tensor';

/** The storage array a backend `write` takes for a dtype. */
type StorageArray = Parameters<Tensor['storage']['backend']['write']>[1];

/**
 * A new tensor of `shape` and `dtype` with the elements of `data` (the dtype's storage array:
 * Uint8Array for uint8/bool, BigInt64Array for int64, …), copied once into the backend.
 * @example tensorFromArray(new Uint8Array([1, 2, 3, 4]), [2, 2], 'uint8')
 */
export function tensorFromArray(data: ArrayBufferView, shape: readonly number[], dtype: DType): Tensor {
  const t = empty([...shape], { dtype });
  if (t.numel() > 0) t.storage.backend.write(t.storage.buf, data as StorageArray, 0);
  return t;
}
