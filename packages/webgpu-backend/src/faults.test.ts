// Faults become TorchErrors that say what happened: a dtype the device cannot
// hold (float64), allocations beyond its limits, validation errors (named by op and
// shapes), and a lost device (on the next op and through an event).

import { describe, expect, it } from 'vitest';
import { TorchError, TorchTypeError, type View } from '@torchlet/tensor/backend';
import { DEVICE_LOST_EVENT, webgpu, type GpuBuffer, type WebGpuBackend } from './index.js';

const vec = (buf: GpuBuffer, n: number): View<GpuBuffer> => ({ buf, dtype: buf.dtype, shape: [n], strides: [1], offset: 0 });

async function filled(backend: WebGpuBackend, values: number[]): Promise<GpuBuffer> {
  const buf = backend.alloc('float32', values.length);
  backend.write(buf, Float32Array.from(values));
  return buf;
}

describe('webgpu faults', () => {
  it('stores int64, int8 and uint8; refuses float64 as the MPS device of PyTorch does, saying to use float32', async () => {
    const backend = await webgpu();
    for (const d of ['int64', 'int8', 'uint8'] as const) expect(backend.dtypes.has(d)).toBe(true);
    backend.free(backend.alloc('int64', 4));
    expect(backend.dtypes.has('float64')).toBe(false);
    expect(() => backend.alloc('float64', 4)).toThrow(TorchTypeError);
    expect(() => backend.alloc('float64', 4)).toThrow(
      "Cannot convert a webgpu Tensor to float64 dtype as device 'webgpu' doesn't support float64. Please use float32 instead.",
    );
  });

  it('refuses an allocation beyond the device limit, saying how much was asked and what is in use', async () => {
    const backend = await webgpu();
    const limit = backend.gpuDevice.limits.maxStorageBufferBindingSize;
    expect(() => backend.alloc('float32', limit)).toThrow(/cannot allocate 4\.00 GiB for \d+ float32 elements: the device's largest storage buffer is .* in use by \d+ buffers/);
  });

  it('reports a validation error at the next read, naming the op and its shapes', async () => {
    const backend = await webgpu();
    const x = await filled(backend, [1, 2, 3, 4]);
    const out = backend.alloc('float32', 4);
    x.gpu.destroy(); // a destroyed buffer fails validation when the batch is submitted
    backend.unary('neg', vec(x, 4), vec(out, 4));
    const err = await backend.read(vec(out, 4)).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(TorchError);
    expect(String((err as Error).message)).toMatch(/unary neg\(float32\[4\], float32\[4\]\)/);
    // the error is reported once; the backend goes on working
    const y = await filled(backend, [5, 6]);
    expect(Array.from((await backend.read(vec(y, 2))) as Float32Array)).toEqual([5, 6]);
  });

  it('checks indices on the device: gather and scatterAdd report an index out of range at the next read or sync', async () => {
    const backend = await webgpu();
    const x = await filled(backend, [10, 20, 30, 40]);
    const index = backend.alloc('int32', 3);
    backend.write(index, Int32Array.of(3, 4, 0));
    const out = backend.alloc('float32', 3);
    backend.gather(vec(x, 4), 0, vec(index, 3), vec(out, 3));
    await expect(backend.read(vec(out, 3))).rejects.toThrow(/index was out of bounds in gather\(float32\[4\], dim 0, index int32\[3\]\)/);
    // reported once; valid indices work again
    backend.write(index, Int32Array.of(3, 1, 0));
    backend.gather(vec(x, 4), 0, vec(index, 3), vec(out, 3));
    expect(Array.from((await backend.read(vec(out, 3))) as Float32Array)).toEqual([40, 20, 10]);
    backend.write(index, Int32Array.of(-1, 0, 0));
    backend.scatterAdd(vec(x, 4), 0, vec(index, 3), vec(out, 3));
    await expect(backend.sync()).rejects.toThrow(/index was out of bounds in scatter_add/);
    await backend.sync();
  });

  it('reports a lost device on the next op and through an event', async () => {
    const backend = await webgpu();
    const lost = new Promise<string>((resolve) => {
      backend.events.addEventListener(DEVICE_LOST_EVENT, (e) => resolve(String((e as CustomEvent).detail)));
    });
    const x = await filled(backend, [1, 2]);
    backend.gpuDevice.destroy();
    const message = await lost;
    expect(message).toMatch(/GPU device was lost/);
    expect(() => backend.unary('neg', vec(x, 2), vec(x, 2))).toThrow(/GPU device was lost/);
    await expect(backend.read(vec(x, 2))).rejects.toThrow(/GPU device was lost/);
  });
});
