// Tensors to and from their raw little-endian bytes, as checkpoint files store them.
import type { DType, Device, Tensor } from '@torchlet/tensor';
import { empty, RuntimeError } from '@torchlet/tensor';

/** Bytes per element of each torchlet dtype. */
export const DTYPE_BYTES: Readonly<Record<DType, number>> = {
  float64: 8, float32: 4, float16: 2, bfloat16: 2, int64: 8, int32: 4, int8: 1, uint8: 1, bool: 1,
};

// Typed arrays use the machine's byte order; checkpoint files are little-endian.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function checkEndian(): void {
  if (!LITTLE_ENDIAN) throw new RuntimeError('not implemented: checkpoints on a big-endian machine');
}

type StorageArray = Float64Array | Float32Array | Uint16Array | BigInt64Array | Int32Array | Int8Array | Uint8Array;

function asBytes(a: StorageArray): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * The row-major bytes of `t` (float16/bfloat16 as their bits, bool as 0/1), read from its device.
 * @example await tensorBytes(torch.tensor([1, 2], { dtype: 'int32' })) // Uint8Array [1, 0, 0, 0, 2, 0, 0, 0]
 */
export async function tensorBytes(t: Tensor): Promise<Uint8Array> {
  checkEndian();
  if (t.numel() === 0) return new Uint8Array(0);
  return asBytes((await t.storage.backend.read(t.backendView)) as StorageArray);
}

/**
 * All bytes of `t`'s storage (what a `.pt` file stores once for every view of it).
 * @example (await storageBytes(torch.arange(4).at([1, 3]))).byteLength // 32
 */
export async function storageBytes(t: Tensor): Promise<Uint8Array> {
  checkEndian();
  const { storage } = t;
  if (storage.size === 0) return new Uint8Array(0);
  const view = { buf: storage.buf, dtype: storage.dtype, shape: [storage.size], strides: [1], offset: 0 };
  return asBytes((await storage.backend.read(view)) as StorageArray);
}

/** A typed array of `dtype` over `bytes` (copied when not aligned; bool bytes other than 0 read as 1). */
function typedView(dtype: DType, bytes: Uint8Array): StorageArray {
  const size = DTYPE_BYTES[dtype];
  const b = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  const n = b.byteLength / size;
  switch (dtype) {
    case 'float64': return new Float64Array(b.buffer, b.byteOffset, n);
    case 'float32': return new Float32Array(b.buffer, b.byteOffset, n);
    case 'float16':
    case 'bfloat16': return new Uint16Array(b.buffer, b.byteOffset, n);
    case 'int64': return new BigInt64Array(b.buffer, b.byteOffset, n);
    case 'int32': return new Int32Array(b.buffer, b.byteOffset, n);
    case 'int8': return new Int8Array(b.buffer, b.byteOffset, n);
    case 'uint8': return b;
    case 'bool': return b.some((v) => v > 1) ? b.map((v) => (v ? 1 : 0)) : b;
  }
}

/**
 * A new contiguous tensor of `shape` holding `bytes` (exactly numel × element size of them).
 * @example tensorFromBytes(Uint8Array.of(1, 0, 0, 0), 'int32', [1], 'cpu') // tensor([1], dtype=torch.int32)
 */
export function tensorFromBytes(bytes: Uint8Array, dtype: DType, shape: readonly number[], device: Device): Tensor {
  checkEndian();
  const t = empty([...shape], { dtype, device });
  if (bytes.byteLength !== t.numel() * DTYPE_BYTES[dtype]) {
    throw new RuntimeError(`${bytes.byteLength} bytes cannot fill a ${dtype} tensor of shape [${shape.join(', ')}]`);
  }
  if (bytes.byteLength > 0) t.storage.backend.write(t.storage.buf, typedView(dtype, bytes), 0);
  return t;
}
