// Every nn layer on WebGPU: the layer cases of nn-module's PyTorch fixtures (nn_layers.json,
// nn_sequence.json) built on the CPU after the seed, moved with model.to('webgpu'), run there in
// float32 (int64 indices as on the CPU), outputs, gradients and buffers compared with PyTorch's,
// dtypes included. Cases whose result depends on random draws in training (dropout, RReLU) are
// checked for shapes only: the WebGPU generator is counter-based, not PyTorch's stream (so is
// LazyLinear, which draws its initial weights on the device of its first input).
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';
// the layer cases and their replay, shared with nn-module's own layer test
import type { Case } from '../../nn-module/test/layerCases.js';
import { checks, loadCases, replay } from '../../nn-module/test/layerCases.js';
import { compare } from '../../nn-module/test/fixtureTools.js';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

const CASES = [...loadCases('nn_layers.json').cases, ...loadCases('nn_sequence.json').cases];

/** Whether the case's result depends on random draws made in training (or on the device, for LazyLinear's initialisation). */
function random(c: Case): boolean {
  if (c.ctor === 'LazyLinear') return true;
  if (c.mode !== 'train') return false;
  if (['Dropout', 'Dropout1d', 'Dropout2d', 'AlphaDropout', 'RReLU'].includes(c.ctor)) return true;
  if (c.ctor.startsWith('Transformer')) return c.kwargs['dropout'] !== 0;
  return typeof c.kwargs['dropout'] === 'number' && c.kwargs['dropout'] > 0;
}

/** '' when `t` has the fixture's dtype and shape (random results: values not compared). */
function sameKind(t: torch.Tensor | null, v: { dtype: string; shape: number[] } | null): string {
  if (t === null || v === null) return (t === null) === (v === null) ? '' : 'null mismatch';
  return t.dtype === v.dtype && t.shape.join() === v.shape.join() ? '' : `${t.dtype} [${t.shape}] vs ${v.dtype} [${v.shape}]`;
}

/** float32 on the GPU: the same math in other orders (and SwiftShader's exp/log/tanh) differs by a few ulps more than the CPU. */
const TOL: [number, number] = [2e-5, 5e-5];

describe('every nn layer on WebGPU (float32), against PyTorch', () => {
  for (const c of CASES) {
    const float64 = c.inputs.some((i) => i.dtype === 'float64') || c.kwargs['dtype'] === 'float64';
    it.skipIf(float64)(c.name, async () => {
      const r = replay(c, (m) => m.to('webgpu'), (t) => t.to('webgpu'));
      const problems: string[] = [];
      for (const [what, actual, expected] of checks(c, r)) {
        const onCpu = actual === null ? null : await actual.toAsync('cpu');
        const p = random(c) ? sameKind(onCpu, expected) : compare(onCpu, expected, TOL);
        if (p) problems.push(`${what}: ${p}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});

describe('model.to(\'webgpu\')', () => {
  const build = (): torch.nn.Sequential =>
    new torch.nn.Sequential(
      new torch.nn.Conv2d(1, 4, 3, { padding: 1 }), new torch.nn.BatchNorm2d(4), new torch.nn.ReLU(), new torch.nn.MaxPool2d(2),
      new torch.nn.Flatten(), new torch.nn.Linear(4 * 4 * 4, 3),
    );
  /** Losses of 5 SGD steps (lr 0.1) on fixed CPU-made batches, the model on `device`. */
  async function train(model: torch.nn.Sequential, device: 'cpu' | 'webgpu'): Promise<number[]> {
    const g = new torch.Generator('cpu').manualSeed(3);
    const losses: torch.Tensor[] = [];
    for (let step = 0; step < 5; step++) {
      const x = torch.randn([6, 1, 8, 8], { generator: g }).to(device);
      const y = torch.randint(0, 3, [6], { generator: g });
      const onehot = torch.zeros([6, 3]).scatter_(1, y.unsqueeze(1), 1).to(device);
      const loss = torch.nn.F.logSoftmax(model.call(x), 1).mul(onehot).sum(1).mean().neg();
      model.zeroGrad();
      loss.backward();
      torch.noGrad(() => {
        for (const p of model.parameters()) p.sub_(p.grad!.mul(0.1));
      });
      losses.push(loss.detach());
    }
    return Promise.all(losses.map(async (l) => Number(await l.item())));
  }
  it('moves parameters in place, trains as on the CPU, and comes back with toAsync', async () => {
    torch.manualSeed(0);
    const cpuModel = build();
    const gpuModel = build();
    gpuModel.loadStateDict(cpuModel.stateDict());
    const params = [...gpuModel.parameters()];
    gpuModel.to('webgpu');
    expect([...gpuModel.parameters()]).toEqual(params);
    expect(params.every((p) => p.device === 'webgpu' && p.requiresGrad)).toBe(true);
    const bn = gpuModel.at(1) as torch.nn.BatchNorm2d;
    expect(bn.num_batches_tracked!.device).toBe('webgpu');
    const cpu = await train(cpuModel, 'cpu');
    const gpu = await train(gpuModel, 'webgpu');
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(gpu[i]! - cpu[i]!)).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(cpu[i]!));
    await gpuModel.toAsync('cpu');
    expect(params.every((p) => p.device === 'cpu')).toBe(true);
    expect(bn.num_batches_tracked!.dtype).toBe('int64');
    expect(bn.num_batches_tracked!.itemSync()).toBe(5);
    const a = cpuModel.stateDict();
    const b = gpuModel.stateDict();
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const k of Object.keys(a)) expect(b[k]!.sub(a[k]!).abs().max().itemSync(), k).toBeLessThan(1e-4);
  }, 120_000);
});
