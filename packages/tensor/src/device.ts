// Backends registered by device name, and the default device.

import type { Backend } from './backend/types.js';
import { RuntimeError } from './errors.js';

/** A device name: `'cpu'`, `'webgpu'`, or any name a registered backend uses. */
export type Device = 'cpu' | 'webgpu' | (string & {});

const backends = new Map<string, Backend>();
let defaultDevice: Device = 'cpu';

/**
 * Makes a backend available under its device name.
 * @example
 * import { registerBackend } from '@torchlet/tensor';
 * import { cpu } from '@torchlet/cpu-backend';
 * registerBackend(cpu());
 */
export function registerBackend(backend: Backend): void {
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

/**
 * The dtype of index results (argmax, `max(dim).indices`) and of integer sums on
 * `device`: PyTorch's int64, or int32 on a device that stores no int64 (WebGPU:
 * WGSL has no 64-bit integers).
 * @example torch.indexDtype('cpu') // 'int64'
 */
export function indexDtype(device: Device): 'int64' | 'int32' {
  return getBackend(device).dtypes.has('int64') ? 'int64' : 'int32';
}
