// Devices: registration, moving tensors, mixing devices, and what a backend
// without synchronous reads gets. A second device is the CPU backend under
// another name (a stand-in: the WebGPU backend comes with its own issue).
import { describe, expect, it } from 'vitest';
import type { Backend } from '@torchlet/tensor/backend';
import * as torch from '../src/index.js';

/** The CPU backend answering to another device name, optionally without readSync. */
function renamed(device: string, sync: boolean): Backend {
  const base = torch.cpu();
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === 'device') return device;
      if (prop === 'readSync' && !sync) return undefined;
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

torch.registerBackend(renamed('webgpu', false));
torch.registerBackend(renamed('other', true));

describe('devices', () => {
  it('creation ops honour the device option and report it', () => {
    const x = torch.ones([2, 3], { device: 'other' });
    expect(x.device).toBe('other');
    expect(torch.zeros(2).device).toBe('cpu');
  });

  it('to(device) copies values across devices and back', async () => {
    const x = torch.arange(6).reshape(2, 3).t();
    const y = x.to('webgpu');
    expect(y.device).toBe('webgpu');
    expect(await y.tolist()).toEqual([[0, 3], [1, 4], [2, 5]]);
    const back = await y.toAsync('cpu');
    expect(back.tolistSync()).toEqual([[0, 3], [1, 4], [2, 5]]);
    expect(x.to('cpu')).toBe(x);
  });

  it('mixing devices in one op names both devices', () => {
    const a = torch.ones(3);
    const b = torch.ones(3, { device: 'other' });
    expect(() => a.add(b)).toThrow('Expected all tensors to be on the same device, but found at least two devices, cpu and other!');
    expect(() => torch.cat([a, b])).toThrow('found at least two devices, cpu and other');
  });

  it('a device without synchronous reads refuses the Sync forms with a clear message', async () => {
    const g = torch.tensor([1.5, 2.5], { device: 'webgpu' });
    expect(() => g.dataSync()).toThrow("device 'webgpu' cannot be read synchronously: use await t.data()");
    expect(Array.from((await g.data()) as Float32Array)).toEqual([1.5, 2.5]);
    expect(await g.sum().item()).toBe(4);
    expect(() => g.to('cpu')).toThrow("use await x.toAsync('cpu')");
  });

  it('an unregistered device is a clear error', () => {
    expect(() => torch.zeros(2, { device: 'tpu' })).toThrow("no backend registered for device 'tpu'");
  });

  it('setDefaultDevice moves where creation ops allocate', () => {
    torch.setDefaultDevice('other');
    try {
      expect(torch.zeros(2).device).toBe('other');
      expect(torch.tensor([1, 2]).device).toBe('other');
    } finally {
      torch.setDefaultDevice('cpu');
    }
  });

  it('memory() counts live tensors and bytes per device', () => {
    const before = torch.memory()['other'] ?? { tensors: 0, bytes: 0 };
    const x = torch.zeros([4, 4], { device: 'other' });
    const v = x.at(0);
    const mid = torch.memory()['other']!;
    expect(mid.tensors - before.tensors).toBe(2);
    expect(mid.bytes - before.bytes).toBe(64);
    x.dispose();
    expect(torch.memory()['other']!.bytes - before.bytes).toBe(64); // the view still holds the storage
    v.dispose();
    expect(torch.memory()['other']!).toEqual(before);
  });
});
