// The WebGPU backend under tensors (Dawn on SwiftShader in Node): device moves,
// creation on the device, ops checked against the CPU backend, index results in
// int32, the refusals (int64, synchronous reads). Memory: webgpuMemory.test.ts.

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

/** Deterministic float32 data in [-2, 2). */
function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 4 - 2;
  });
}

/** The values of a tensor on any device, as numbers. */
async function list(t: torch.Tensor): Promise<number[]> {
  return Array.from((await t.data()) as ArrayLike<number | bigint>, Number);
}

/** The values of a CPU tensor, as numbers. */
function listSync(t: torch.Tensor): number[] {
  return Array.from(t.dataSync() as ArrayLike<number | bigint>, Number);
}

function cpuTensor(shape: number[], seed: number): torch.Tensor {
  return torch.tensor(values(shape.reduce((a, b) => a * b, 1), seed), { dtype: 'float32' }).reshape(...shape);
}

/** `on webgpu` equals `on cpu` within float32 tolerance (the same ops on the same data). */
async function expectClose(gpu: torch.Tensor, ref: torch.Tensor, rtol = 1.3e-6, atol = 1e-5): Promise<void> {
  expect(gpu.device).toBe('webgpu');
  expect(gpu.shape).toEqual(ref.shape);
  const a = await list(gpu);
  const b = listSync(ref);
  const bad = a.findIndex((v, i) => !(Math.abs(v - b[i]!) <= atol + rtol * Math.abs(b[i]!)) && !(Number.isNaN(v) && Number.isNaN(b[i]!)));
  expect(bad, bad >= 0 ? `element ${bad}: webgpu ${a[bad]}, cpu ${b[bad]}` : '').toBe(-1);
}

describe('webgpu tensors', () => {
  it('moves to the device and back', async () => {
    const x = cpuTensor([3, 4], 1);
    const g = x.to('webgpu');
    expect(g.device).toBe('webgpu');
    const back = await g.t().toAsync('cpu');
    expect(listSync(back)).toEqual(listSync(x.t().contiguous()));
  });

  it('creates on the device', async () => {
    expect(await list(torch.zeros([2, 3], { device: 'webgpu' }))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await list(torch.full([2], 7.5, { device: 'webgpu' }))).toEqual([7.5, 7.5]);
    expect(await list(torch.arange(0, 4, 1, { dtype: 'float32', device: 'webgpu' }))).toEqual([0, 1, 2, 3]);
    expect(await list(torch.tensor([1, 2], { dtype: 'int32', device: 'webgpu' }))).toEqual([1, 2]);
  });

  it('computes what the CPU computes', async () => {
    const a = cpuTensor([5, 7], 2);
    const b = cpuTensor([7, 3], 3);
    const ga = a.to('webgpu');
    const gb = b.to('webgpu');
    await expectClose(ga.matmul(gb), a.matmul(b));
    await expectClose(ga.t().matmul(ga), a.t().matmul(a));
    await expectClose(ga.mul(2).add(1).exp().sum(1), a.mul(2).add(1).exp().sum(1), 1e-5);
    await expectClose(ga.softmax(1), a.softmax(1));
    await expectClose(ga.logSoftmax(0), a.logSoftmax(0));
    await expectClose(ga.mean(0), a.mean(0));
    await expectClose(ga.cumsum(1), a.cumsum(1));
    await expectClose(ga.relu().sqrt().sigmoid(), a.relu().sqrt().sigmoid());
    await expectClose(ga.where(ga.gt(0), 0), a.where(a.gt(0), 0));
  });

  it('gives index results as int32 (the device has no int64)', async () => {
    const a = cpuTensor([4, 6], 4);
    const g = a.to('webgpu');
    expect(torch.indexDtype('webgpu')).toBe('int32');
    const idx = g.argmax(1);
    expect(idx.dtype).toBe('int32');
    expect(await list(idx)).toEqual(listSync(a.argmax(1)));
    const [values, indices] = g.max(0);
    await expectClose(values, a.max(0).values);
    expect(await list(indices)).toEqual(listSync(a.max(0).indices));
    expect(g.gt(0).sum().dtype).toBe('int32');
  });

  it('refuses int64 and float64, naming dtype and device', () => {
    expect(() => torch.tensor([1, 2], { device: 'webgpu' })).toThrow(/int64.*'webgpu'/);
    expect(() => torch.zeros([2], { dtype: 'float64', device: 'webgpu' })).toThrow(/float64.*'webgpu'/);
  });

  it('refuses synchronous reads, saying to await', () => {
    const g = torch.ones([2], { device: 'webgpu' });
    expect(() => g.dataSync()).toThrow(/await/);
    expect(() => g.to('cpu')).toThrow(/await/);
  });
});
