// Random numbers on a device other than the CPU: the counter-based (Philox)
// generator. The CPU backend is registered a second time under the device name
// 'philox-test', so these run the very code a WebGPU backend will run: the
// backend's randomBits, then device-side tensor ops.
import { beforeAll, describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import { philox4x32 } from '@torchlet/tensor/backend';
import { thrown } from './fixtureTools.js';

const device = 'philox-test';
beforeAll(() => {
  torch.registerBackend({ ...torch.getBackend('cpu'), device });
});

/** The first `n` Philox words for `seed` from block `offset`, computed on the host. */
function hostWords(seed: bigint, n: number, offset = 0): number[] {
  const key: [number, number] = [Number(seed & 0xffffffffn), Number(seed >> 32n)];
  const out: number[] = [];
  for (let c = offset; out.length < n; c++) out.push(...philox4x32([c >>> 0, 0, 0, 0], key));
  return out.slice(0, n);
}

const values = (t: torch.Tensor): number[] => Array.from(t.to('cpu').dataSync() as Float32Array, Number);

describe('counter-based generator on a non-CPU device', () => {
  it('rand takes 24 bits of each Philox word for the seed, and advances the offset by whole blocks', () => {
    const g = new torch.Generator(device).manualSeed(42);
    const a = torch.rand(3, { device, generator: g });
    const b = torch.rand(3, { device, generator: g });
    expect(a.device).toBe(device);
    expect(values(a)).toEqual(hostWords(42n, 3).map((w) => (w & 0xffffff) * 2 ** -24));
    expect(values(b)).toEqual(hostWords(42n, 3, 1).map((w) => (w & 0xffffff) * 2 ** -24));
    expect(g.philoxOffset).toBe(2);
  });

  it('float64 uniforms take 53 bits of two words', () => {
    const g = new torch.Generator(device).manualSeed(7);
    const w = hostWords(7n, 4);
    expect(values(torch.rand(2, { device, generator: g, dtype: 'float64' }))).toEqual([
      ((w[0]! & 0x1fffff) * 2 ** 32 + w[1]!) * 2 ** -53,
      ((w[2]! & 0x1fffff) * 2 ** 32 + w[3]!) * 2 ** -53,
    ]);
  });

  it('torch.manualSeed seeds the device default generator too; the same seed repeats the stream', () => {
    torch.manualSeed(3);
    const a = values(torch.randn(10, { device }));
    torch.manualSeed(3);
    expect(values(torch.randn(10, { device }))).toEqual(a);
    expect(values(torch.randn(10, { device, generator: new torch.Generator(device).manualSeed(3) }))).toEqual(a);
    torch.manualSeed(4);
    expect(values(torch.randn(10, { device }))).not.toEqual(a);
  });

  it('samples have the right distributions (1e5 draws)', () => {
    const g = new torch.Generator(device).manualSeed(0);
    const mean = (t: torch.Tensor) => t.to('cpu').double().mean().itemSync() as number;
    const u = torch.rand(100000, { device, generator: g });
    expect(Math.abs(mean(u) - 0.5)).toBeLessThan(0.005);
    const z = torch.randn(100000, { device, generator: g });
    expect(Math.abs(mean(z))).toBeLessThan(0.01);
    expect(Math.abs(mean(z.mul(z)) - 1)).toBeLessThan(0.02);
    const n = torch.empty(100000, { device }).normal_(3, 0.5, { generator: g });
    expect(Math.abs(mean(n) - 3)).toBeLessThan(0.01);
    const e = torch.empty(100000, { device }).exponential_(2, { generator: g });
    expect(Math.abs(mean(e) - 0.5)).toBeLessThan(0.01);
    const b = torch.empty(100000, { device }).bernoulli_(0.3, { generator: g });
    expect(Math.abs(mean(b) - 0.3)).toBeLessThan(0.01);
    const r = torch.randint(-3, 7, [100000], { device, generator: g }).to('cpu');
    expect(r.dtype).toBe('int64');
    expect([r.min().itemSync(), r.max().itemSync()]).toEqual([-3, 6]);
    const pm = torch.full([4, 1000], 0.8, { device }).bernoulli({ generator: g });
    expect(Math.abs(mean(pm) - 0.8)).toBeLessThan(0.03);
  });

  it('fills strided targets in place and leaves other elements alone', () => {
    const base = torch.zeros([4, 6], { device });
    const view = base.t().at([0, 6, 2]);
    view.uniform_(5, 6, { generator: new torch.Generator(device).manualSeed(1) });
    const host = base.to('cpu');
    const filled = host.t().at([0, 6, 2]).dataSync() as Float32Array;
    expect(Array.from(filled).every((v) => v >= 5 && v < 6)).toBe(true);
    expect(host.t().at([1, 6, 2]).abs().sum().itemSync()).toBe(0);
  });

  it('state is seed and offset (16 bytes) and round-trips', () => {
    const g = new torch.Generator(device).manualSeed(9);
    torch.rand(5, { device, generator: g });
    const s = g.getState();
    expect(s.shape).toEqual([16]);
    const a = values(torch.rand(4, { device, generator: g }));
    g.setState(s);
    expect(values(torch.rand(4, { device, generator: g }))).toEqual(a);
    expect(g.initialSeed()).toBe(9n);
    expect(thrown(() => g.setState(torch.zeros(5056, { dtype: 'uint8' })))).toBe('RuntimeError: RNG state is wrong size');
  });

  it('a generator of another device is refused; what has no device algorithm yet says so', () => {
    expect(thrown(() => torch.rand(2, { device, generator: new torch.Generator() }))).toBe(
      `RuntimeError: Expected a '${device}' device type for generator but found 'cpu'`,
    );
    expect(thrown(() => torch.randperm(3, { device }))).toBe(`NotImplementedError: not implemented: randperm on device '${device}' (needs a sort on the device)`);
    expect(thrown(() => torch.multinomial(torch.ones(3, { device }), 1))).toBe(`NotImplementedError: not implemented: multinomial on device '${device}'`);
  });
});
