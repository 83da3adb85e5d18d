// The seed loop (optimizer.zeroGrad(); loss.backward(); optimizer.step()) on the CIFAR-10
// tutorial CNN with torch.optim.SGD(momentum), from PyTorch's initial weights and batches:
// the losses decrease and match PyTorch's step for step (tools/fixtures/cifar_cnn.py).
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import { mismatches } from './fixtureTools.js';
import { NAMES, batches, fx, train } from './optimCifarCnn.js';

const close = (a: number, e: number) => Math.abs(a - e) <= 1e-5 + 1.3e-6 * Math.abs(e);

describe('CIFAR-10 tutorial CNN trained with torch.optim.SGD on the CPU', () => {
  it('draws the same batches as PyTorch', () => {
    batches().forEach(({ images, labels }, i) => {
      const check = fx.data_check[i]!;
      expect(Array.from(labels.dataSync() as ArrayLike<number | bigint>, Number)).toEqual(check.labels);
      expect(Array.from(images.reshape(-1).at([0, 4]).dataSync() as Float32Array)).toEqual(check.first.map(Math.fround));
      expect(images.double().sum().itemSync()).toBeCloseTo(check.sum, 9);
    });
  });

  it('matches PyTorch\'s losses step for step and its final parameters, and the loss decreases', async () => {
    const { losses, params } = await train('cpu', false);
    const bad = losses.map((l, i) => (close(l, fx.losses[i]!) ? '' : `step ${i}: ${l} vs ${fx.losses[i]}`)).filter(Boolean);
    expect(bad).toEqual([]);
    for (const [name, expected] of Object.entries(fx.final)) expect(mismatches(params[NAMES.indexOf(name)]!, expected)).toBe('');
    const epoch = (k: number) => losses.slice(k * fx.batches, (k + 1) * fx.batches).reduce((a, b) => a + b, 0);
    expect(epoch(fx.steps / fx.batches - 1)).toBeLessThan(epoch(0) * 0.97);
  }, 120_000);
});

it('the umbrella has torch.optim, torch.optim.lrScheduler and the clipping in torch.nn.utils', () => {
  const w = torch.ones(2, { requiresGrad: true });
  w.grad = torch.tensor([3, 4], { dtype: 'float32' });
  const opt = new torch.optim.SGD([w], 0.1);
  const sched = new torch.optim.lrScheduler.StepLR(opt, 1, 0.5);
  expect(torch.nn.utils.clipGradNorm_([w], 1).itemSync()).toBeCloseTo(5, 6);
  opt.step();
  sched.step();
  expect(sched.getLastLr()).toEqual([0.05]);
  expect(typeof torch.nn.utils.parametersToVector).toBe('function');
  expect(typeof torch.nn.utils.clipGradValue_).toBe('function');
  expect(typeof torch.nn.utils.getTotalNorm).toBe('function');
});

it('optimizes a module\'s parameters (model.parameters(), an iterator, consumed once)', () => {
  class Net extends torch.nn.Module {
    w = new torch.nn.Parameter(torch.tensor([1, 2], { dtype: 'float32' }));
    b = new torch.nn.Parameter(torch.tensor([0.5], { dtype: 'float32' }));
  }
  const net = new Net();
  const opt = new torch.optim.Adam(net.parameters(), { lr: 0.1 });
  expect(opt.paramGroups[0]!.params).toEqual([net.w, net.b]);
  net.w.mul(net.w).sum().add(net.b.sum()).backward();
  opt.step();
  net.zeroGrad();
  expect(net.w.grad).toBeNull();
  // Adam's first step moves each entry by lr (times 1 - eps-sized terms)
  Array.from(net.w.dataSync() as Float32Array).forEach((v, i) => expect(v).toBeCloseTo([0.9, 1.9][i]!, 6));
});
