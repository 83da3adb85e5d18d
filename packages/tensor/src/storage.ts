// A reference-counted allocation on one device, shared by a tensor and its views.

import type { DType } from './backend/dtype.js';
import { DTYPES, itemSize } from './backend/dtype.js';
import type { Backend, BackendBuffer } from './backend/types.js';
import type { Device } from './device.js';
import { getBackend } from './device.js';
import { unstoredDtype } from './backend/errors.js';

interface DeviceUsage {
  tensors: number;
  bytes: number;
}
const usage = new Map<string, DeviceUsage>();

function usageOf(device: string): DeviceUsage {
  let u = usage.get(device);
  if (!u) usage.set(device, (u = { tensors: 0, bytes: 0 }));
  return u;
}

/**
 * One buffer on one backend. Freed when the last tensor viewing it is disposed or collected.
 * @example const x = torch.arange(4); x.view(2, 2).storage === x.storage // true
 */
export class Storage {
  readonly backend: Backend;
  readonly buf: BackendBuffer;
  readonly dtype: DType;
  readonly size: number;
  /** Bumped by every in-place write; autograd compares it with the value it saved. */
  version = 0;
  private refs = 0;

  /** Allocates `size` elements of `dtype` on `device`'s backend; tensors make their own. @example new Storage('cpu', 'float32', 4).bytes // 16 */
  constructor(device: Device, dtype: DType, size: number) {
    this.backend = getBackend(device);
    if (!this.backend.dtypes.has(dtype)) throw unstoredDtype(dtype, device, DTYPES.filter((d) => this.backend.dtypes.has(d)));
    this.dtype = dtype;
    this.size = size;
    this.buf = this.backend.alloc(dtype, size);
    usageOf(device).bytes += this.bytes;
  }

  /** The device of the backend holding the buffer. @example torch.ones(2).storage.device // 'cpu' */
  get device(): Device {
    return this.backend.device;
  }

  /** Size in bytes, as `x.untyped_storage().nbytes()`. @example torch.ones(2).storage.bytes // 8 */
  get bytes(): number {
    return this.size * itemSize(this.dtype);
  }

  /** Whether the buffer has been given back to the backend. @example const x = torch.ones(2); x.dispose(); x.storage.freed // true */
  get freed(): boolean {
    return this.refs < 0;
  }

  /** Adds a holder; every tensor viewing the storage holds it once. @example storage.retain() */
  retain(): void {
    this.refs++;
    usageOf(this.device).tensors++;
  }

  /** Drops a holder; the last release frees the buffer. @example storage.release() */
  release(): void {
    usageOf(this.device).tensors--;
    if (--this.refs === 0) {
      this.refs = -1;
      usageOf(this.device).bytes -= this.bytes;
      this.backend.free(this.buf);
    }
  }
}

/** One device's line of `torch.memory()`. */
export interface DeviceMemory {
  /** Live tensors (views included). */
  tensors: number;
  /** Bytes of the storages they hold. */
  bytes: number;
  /** Bytes a pooling backend (WebGPU) keeps for reuse, as `torch.cuda.memory_reserved() - memory_allocated()`; absent elsewhere. */
  pooled?: number;
}

/**
 * Live tensors and bytes held per device: `torch.memory()` (cf. `torch.cuda.memory_allocated()`).
 * @example torch.memory().cpu.bytes
 */
export function memory(): Record<string, DeviceMemory> {
  const out: Record<string, DeviceMemory> = {};
  for (const [d, u] of usage) {
    out[d] = { ...u };
    const pooled = getBackend(d).pooledBytes?.();
    if (pooled !== undefined) out[d].pooled = pooled;
  }
  return out;
}
