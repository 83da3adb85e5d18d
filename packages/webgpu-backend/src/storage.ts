// write and read: storage arrays cross the boundary in the contract's types
// (bool as 0/1 bytes, int64 as BigInt64Array); on the device every element is
// 32 bits (bool, int8 and uint8 widened) except int64, whose two little-endian
// words are BigInt64Array's bytes as they are.

import { RuntimeError, isContiguousLayout, numel, type DType, type StorageArray, type View } from '@torchlet/tensor/backend';
import { copy } from './kernels/copy.js';
import { deviceBytes } from './kernels/wgslTypes.js';
import type { GpuBuffer, Runtime } from './runtime.js';

const STORAGE_CTOR: Partial<Record<DType, string>> = {
  float32: 'Float32Array', int32: 'Int32Array', int64: 'BigInt64Array', int8: 'Int8Array', uint8: 'Uint8Array', bool: 'Uint8Array',
};

/** The device words of `data`: widened to 32 bits for bool, int8 and uint8, as they are otherwise. */
function toWords(dtype: DType, data: StorageArray): ArrayBufferView<ArrayBuffer> {
  if (dtype === 'bool') return Uint32Array.from(data as Uint8Array);
  if (dtype === 'int8' || dtype === 'uint8') return Int32Array.from(data as Int8Array | Uint8Array);
  return data as ArrayBufferView<ArrayBuffer>;
}

/**
 * Copies `data` into `buf` from element `offset`.
 *
 * @example write(rt, buf, Float32Array.of(1, 2), 2);
 */
export function write(rt: Runtime, buf: GpuBuffer, data: StorageArray, offset = 0): void {
  if (buf.released) throw new RuntimeError('webgpu: write into a freed buffer');
  if (data.constructor.name !== STORAGE_CTOR[buf.dtype]) {
    throw new RuntimeError(`webgpu: cannot write a ${data.constructor.name} into a ${buf.dtype} buffer`);
  }
  if (offset < 0 || offset + data.length > buf.size) {
    throw new RuntimeError(`webgpu: write of ${data.length} elements at ${offset} overflows a buffer of ${buf.size}`);
  }
  if (data.length === 0) return;
  rt.write(buf.gpu, offset * deviceBytes(buf.dtype), toWords(buf.dtype, data));
}

function fromWords(dtype: DType, bytes: ArrayBuffer): StorageArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(bytes);
    case 'int32':
      return new Int32Array(bytes);
    case 'int64':
      return new BigInt64Array(bytes);
    case 'int8':
      return Int8Array.from(new Int32Array(bytes));
    case 'uint8':
      return Uint8Array.from(new Int32Array(bytes));
    default:
      return Uint8Array.from(new Uint32Array(bytes));
  }
}

/**
 * The elements of `view` in row-major order, once the work queued so far has run.
 *
 * @example await read(rt, view.t()) // Float32Array, row-major
 */
export async function read(rt: Runtime, view: View<GpuBuffer>): Promise<StorageArray> {
  const n = numel(view.shape);
  if (n === 0) return fromWords(view.dtype, new ArrayBuffer(0));
  const size = deviceBytes(view.dtype);
  if (isContiguousLayout(view.shape, view.strides)) {
    return fromWords(view.dtype, await rt.readBytes(view.buf.gpu, view.offset * size, n * size));
  }
  // gather the strided elements into a dense scratch buffer first
  const tmp = rt.alloc(view.dtype, n);
  try {
    const strides: number[] = [];
    for (let d = view.shape.length - 1, s = 1; d >= 0; d--) {
      strides[d] = s;
      s *= view.shape[d]!;
    }
    copy(rt, view, { buf: tmp, dtype: view.dtype, shape: view.shape, strides, offset: 0 });
    return fromWords(view.dtype, await rt.readBytes(tmp.gpu, 0, n * size));
  } finally {
    rt.free(tmp);
  }
}
