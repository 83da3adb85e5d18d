// The WebGPU backend under tensors (Dawn on SwiftShader in Node): device moves,
// creation on the device, ops checked against the CPU backend, int64 (exact),
// int8/uint8 and int64 index results as on the CPU, the refusals (float64,
// synchronous reads). Memory: webgpuMemory.test.ts.

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

  it('gives index results as int64, as the CPU does', async () => {
    const a = cpuTensor([4, 6], 4);
    const g = a.to('webgpu');
    const idx = g.argmax(1);
    expect(idx.dtype).toBe('int64');
    expect(await list(idx)).toEqual(listSync(a.argmax(1)));
    const [values, indices] = g.max(0);
    await expectClose(values, a.max(0).values);
    expect(indices.dtype).toBe('int64');
    expect(await list(indices)).toEqual(listSync(a.max(0).indices));
    expect(g.gt(0).sum().dtype).toBe('int64');
    const [sorted, order] = g.sort({ dim: 1, descending: true });
    await expectClose(sorted, a.sort({ dim: 1, descending: true }).values);
    expect(order.dtype).toBe('int64');
    expect(await list(order)).toEqual(listSync(a.sort({ dim: 1, descending: true }).indices));
    const top = g.topk(2, 1);
    expect(top.indices.dtype).toBe('int64');
    expect(await list(top.indices)).toEqual(listSync(a.topk(2, 1).indices));
  });

  it('moves int64 tensors both ways: torch.tensor([1, 2, 3]).to(\'webgpu\')', async () => {
    const g = torch.tensor([1, 2, 3]).to('webgpu');
    expect(g.dtype).toBe('int64');
    expect(Array.from((await g.data()) as BigInt64Array)).toEqual([1n, 2n, 3n]);
    expect(Array.from((await g.toAsync('cpu')).dataSync() as BigInt64Array)).toEqual([1n, 2n, 3n]);
    expect(await list(torch.arange(5, { device: 'webgpu' }))).toEqual([0, 1, 2, 3, 4]);
    expect(torch.arange(5, { device: 'webgpu' }).dtype).toBe('int64');
  });

  it('computes int64 exactly beyond 2^53, as the CPU does', async () => {
    const values = [2n ** 62n + 1n, -(2n ** 63n), 2n ** 53n + 1n, -7n, 0n, 3n];
    const a = torch.tensor(BigInt64Array.from(values));
    const b = torch.tensor(BigInt64Array.from([3n, 2n, -(2n ** 40n), 2n, 5n, -1n]));
    const [ga, gb] = [a.to('webgpu'), b.to('webgpu')];
    const same = async (gpu: torch.Tensor, cpu: torch.Tensor): Promise<void> => {
      expect(gpu.dtype).toBe(cpu.dtype);
      expect(Array.from((await gpu.data()) as ArrayLike<number | bigint>)).toEqual(Array.from(cpu.dataSync() as ArrayLike<number | bigint>));
    };
    await same(ga.add(gb), a.add(b));
    await same(ga.sub(gb), a.sub(b));
    await same(ga.mul(gb), a.mul(b));
    await same(ga.mul(3).add(1), a.mul(3).add(1));
    await same(ga.floorDivide(gb), a.floorDivide(b));
    await same(ga.remainder(gb), a.remainder(b));
    await same(ga.lt(gb), a.lt(b));
    await same(ga.eq(ga.clone()), a.eq(a.clone()));
    await same(ga.sum(), a.sum());
    await same(ga.max(), a.max());
    await same(ga.min(), a.min());
    await same(ga.argmax(), a.argmax());
    await same(ga.cumsum(0), a.cumsum(0));
    await same(ga.float(), a.float());
    await same(ga.int(), a.int());
    await same(ga.abs(), a.abs());
    const f = cpuTensor([6], 9).mul(1e6);
    await same(f.to('webgpu').long(), f.long());
  });

  it('takes int64 indices in gather, scatter, index ops and advanced indexing', async () => {
    const x = cpuTensor([4, 5], 5);
    const gx = x.to('webgpu');
    const index = torch.tensor([[0, 4, 4], [1, 0, 2], [3, 3, 1], [2, 1, 0]]);
    const gi = index.to('webgpu');
    await expectClose(gx.gather(1, gi), x.gather(1, index));
    await expectClose(gx.scatterAdd(1, gi, gx.at(':', [0, 3])), x.scatterAdd(1, index, x.at(':', [0, 3])));
    const rows = torch.tensor([3, 0, 3]);
    await expectClose(gx.indexSelect(0, rows.to('webgpu')), x.indexSelect(0, rows));
    await expectClose(gx.at(rows.to('webgpu')), x.at(rows));
    const counts = torch.zeros([5], { dtype: 'int64' }).scatterAdd(0, index.flatten(), torch.ones([12], { dtype: 'int64' }));
    const gCounts = torch.zeros([5], { dtype: 'int64', device: 'webgpu' }).scatterAdd(0, gi.flatten(), torch.ones([12], { dtype: 'int64', device: 'webgpu' }));
    expect(await list(gCounts)).toEqual(listSync(counts));
  });

  it('draws randint as int64 on the device', async () => {
    const r = torch.randint(0, 10, [1000], { device: 'webgpu' });
    expect(r.dtype).toBe('int64');
    const v = await list(r);
    expect(Math.min(...v)).toBe(0);
    expect(Math.max(...v)).toBe(9);
  });

  it('stores int8 and uint8, wrapping as the CPU does', async () => {
    const u = torch.tensor([250, 3, 128], { dtype: 'uint8' });
    const i = torch.tensor([120, -128, 7], { dtype: 'int8' });
    const same = async (gpu: torch.Tensor, cpu: torch.Tensor): Promise<void> => {
      expect(gpu.dtype).toBe(cpu.dtype);
      expect(await list(gpu)).toEqual(listSync(cpu));
    };
    await same(u.to('webgpu').add(10), u.add(10));
    await same(i.to('webgpu').mul(3), i.mul(3));
    await same(i.to('webgpu').neg(), i.neg());
    await same(u.to('webgpu').to('int8'), u.to('int8'));
    await same(u.to('webgpu').sum(), u.sum());
  });

  it('refuses float64 as PyTorch\'s MPS device does, saying to use float32', () => {
    const message = "Cannot convert a webgpu Tensor to float64 dtype as device 'webgpu' doesn't support float64. Please use float32 instead.";
    expect(() => torch.zeros([2], { dtype: 'float64', device: 'webgpu' })).toThrow(message);
    expect(() => torch.zeros([2], { dtype: 'float64' }).to('webgpu')).toThrow(message);
    expect(() => torch.zeros([2], { device: 'webgpu' }).double()).toThrow(torch.TorchTypeError);
  });

  it('refuses synchronous reads, saying to await', () => {
    const g = torch.ones([2], { device: 'webgpu' });
    expect(() => g.dataSync()).toThrow(/await/);
    expect(() => g.to('cpu')).toThrow(/await/);
  });
});
