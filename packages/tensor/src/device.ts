// Backends registered by device name, and the default device.

import type { DType } from './backend/dtype.js';
import type { Backend } from './backend/types.js';
import { RuntimeError } from './errors.js';

/** A device name: `'cpu'`, `'webgpu'`, or any name a registered backend uses. */
export type Device = 'cpu' | 'webgpu' | (string & {});

const backends = new Map<string, Backend>();
/** Dtypes every backend stores: float32 values, int64 indices and sums, bool masks. */
const REQUIRED_DTYPES: readonly DType[] = ['float32', 'int64', 'bool'];
let defaultDevice: Device = 'cpu';

/**
 * Makes a backend available under its device name.
 * @example
 * import { registerBackend } from '@torchlet/tensor';
 * import { cpu } from '@torchlet/cpu-backend';
 * registerBackend(cpu());
 */
export function registerBackend(backend: Backend): void {
  // index results and integer sums are int64 on every device, as in PyTorch
  const missing = REQUIRED_DTYPES.filter((d) => !backend.dtypes.has(d));
  if (missing.length > 0) throw new RuntimeError(`backend '${backend.device}' must store ${missing.join(', ')} (index results, masks and integer sums use them on every device)`);
  backends.set(backend.device, backend);
}

/** The backend for `device`, or a clear error when none is registered. @example torch.getBackend('cpu').device // 'cpu' */
export function getBackend(device: Device): Backend {
  const b = backends.get(device);
  if (b === undefined) {
    const known = [...backends.keys()];
    throw new RuntimeError(
      `no backend registered for device '${device}'` +
        (known.length ? ` (registered: ${known.join(', ')})` : '; call registerBackend(cpu()) or import torchlet'),
    );
  }
  return b;
}

/** Registered device names. @example torch.availableDevices() // ['cpu'] */
export function availableDevices(): string[] {
  return [...backends.keys()];
}

/** `torch.set_default_device(d)`: where creation ops put tensors without a `device` option. @example torch.setDefaultDevice('webgpu') */
export function setDefaultDevice(device: Device): void {
  defaultDevice = device;
}

/** `torch.get_default_device()`: the device of creation ops without a `device` option. @example torch.getDefaultDevice() // 'cpu' */
export function getDefaultDevice(): Device {
  return defaultDevice;
}

