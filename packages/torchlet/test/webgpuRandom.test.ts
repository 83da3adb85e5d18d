// The counter-based (Philox) generator on WebGPU: torch.manualSeed and
// Generator('webgpu') drive rand, randn, normal_, bernoulli_ and dropout-style
// masks on the device. The same seed gives the stream the generator's algorithm
// gives on any device: the CPU backend registered under a second device name runs
// it on the host as reference (randomDevice.test.ts checks it against Philox).

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';
import { thrown } from './fixtureTools.js';

const host = 'philox-host';
beforeAll(async () => {
  torch.registerBackend(await webgpu());
  torch.registerBackend({ ...torch.getBackend('cpu'), device: host });
});

async function values(t: torch.Tensor): Promise<number[]> {
  return Array.from((await t.data()) as ArrayLike<number>, Number);
}

/** `draw(device, generator)` on WebGPU and on the host reference, from the same seed. */
async function both(seed: number, draw: (device: string, g: torch.Generator) => torch.Tensor): Promise<[number[], number[]]> {
  const gpu = draw('webgpu', new torch.Generator('webgpu').manualSeed(seed));
  expect(gpu.device).toBe('webgpu');
  return [await values(gpu), await values(draw(host, new torch.Generator(host).manualSeed(seed)).to('cpu'))];
}

function expectClose(a: number[], b: number[], rtol: number, atol: number): void {
  expect(a.length).toBe(b.length);
  const bad = a.findIndex((v, i) => !(Math.abs(v - b[i]!) <= atol + rtol * Math.abs(b[i]!)));
  expect(bad === -1 ? 'none' : `at ${bad}: ${a[bad]} vs ${b[bad]}`).toBe('none');
}

describe('Philox generator on WebGPU', () => {
  it('rand and uniform_ are the reference stream bit for bit', async () => {
    const [gpu, ref] = await both(42, (device, g) => torch.rand([3, 1001], { device, generator: g }));
    expect(gpu).toEqual(ref);
    const [u, uRef] = await both(5, (device, g) => torch.empty([777], { device }).uniform_(-2, 3, { generator: g }));
    expectClose(u, uRef, 1.3e-6, 1e-6);
  });

  it('randn and normal_ follow the reference within float32 rounding of log, sin and cos', async () => {
    const [gpu, ref] = await both(7, (device, g) => torch.randn([2049], { device, generator: g }));
    expectClose(gpu, ref, 1e-5, 1e-5);
    const [n, nRef] = await both(8, (device, g) => torch.empty([4, 33], { device }).normal_(3, 0.5, { generator: g }));
    expectClose(n, nRef, 1e-5, 1e-5);
  });

  it('bernoulli_ and a dropout mask are the reference mask', async () => {
    const [b, bRef] = await both(3, (device, g) => torch.empty([5000], { device }).bernoulli_(0.3, { generator: g }));
    expect(b).toEqual(bRef);
    // inverted dropout with p = 0.25: keep with probability 0.75, scale by 1 / 0.75
    const dropout = (device: string, g: torch.Generator): torch.Tensor => {
      const x = torch.ones([64, 32], { device });
      return x.mul(torch.emptyLike(x).bernoulli_(0.75, { generator: g })).div(0.75);
    };
    const [d, dRef] = await both(11, dropout);
    expect(d).toEqual(dRef);
    const kept = d.filter((v) => v !== 0).length / d.length;
    expect(Math.abs(kept - 0.75)).toBeLessThan(0.03);
  });

  it('torch.manualSeed seeds the WebGPU default generator; the same seed repeats the stream', async () => {
    torch.manualSeed(123);
    const a = await values(torch.randn([100], { device: 'webgpu' }));
    const b = await values(torch.rand([10], { device: 'webgpu' }));
    torch.manualSeed(123);
    expect(await values(torch.randn([100], { device: 'webgpu' }))).toEqual(a);
    expect(await values(torch.rand([10], { device: 'webgpu' }))).toEqual(b);
    torch.manualSeed(124);
    expect(await values(torch.randn([100], { device: 'webgpu' }))).not.toEqual(a);
  });

  it('getState / setState round-trip on the device generator', async () => {
    const g = new torch.Generator('webgpu').manualSeed(9);
    expect(g.device).toBe('webgpu');
    torch.rand([5], { device: 'webgpu', generator: g });
    const state = g.getState();
    expect(state.device).toBe('cpu');
    expect(state.shape).toEqual([16]);
    const a = await values(torch.randn([300], { device: 'webgpu', generator: g }));
    g.setState(state);
    expect(await values(torch.randn([300], { device: 'webgpu', generator: g }))).toEqual(a);
    // a state carries over to a fresh generator (as a checkpoint restores it)
    const h = new torch.Generator('webgpu').setState(state);
    expect(h.initialSeed()).toBe(9n);
    expect(await values(torch.randn([300], { device: 'webgpu', generator: h }))).toEqual(a);
    expect(thrown(() => torch.rand(2, { device: 'webgpu', generator: new torch.Generator() }))).toBe(
      "RuntimeError: Expected a 'webgpu' device type for generator but found 'cpu'",
    );
  });
});
