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
      expect(Array.from(labels.dataSync(), Number)).toEqual(check.labels);
      expect(Array.from(images.reshape(-1).at([0, 4]).dataSync())).toEqual(check.first.map(Math.fround));
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

it('the optimizer is torch.optim.SGD of the umbrella, with lrScheduler beside it', () => {
  expect(torch.optim.SGD.name).toBe('SGD');
  expect(typeof torch.optim.lrScheduler.StepLR).toBe('function');
});
