// Steps stay on the parameters' device: on a device that cannot read synchronously (as
// WebGPU), every optimizer steps without reading a value back (it would throw), gives bit for
// bit the CPU's results, and frees its temporaries at once (GPU memory is not collected).
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import { clipGradNorm_, lrScheduler } from '../src/index.js';
import { flatValues } from './fixtureTools.js';
import { makeOptimizer } from './optimizers.js';

if (!torch.availableDevices().includes('nosync')) torch.registerBackend({ ...cpu(), device: 'nosync', readSync: undefined });

const OPTIONS: [string, Record<string, unknown>][] = [
  ['SGD', { lr: 0.1, momentum: 0.9, nesterov: true, weight_decay: 0.01 }],
  ['Adam', { lr: 0.1, amsgrad: true, weight_decay: 0.01 }],
  ['AdamW', { lr: 0.1, maximize: true }],
  ['Adamax', { lr: 0.1 }],
  ['NAdam', { lr: 0.1, weight_decay: 0.1, decoupled_weight_decay: true }],
  ['RAdam', { lr: 0.1 }],
  ['Adagrad', { lr: 0.1, lr_decay: 0.1 }],
  ['Adadelta', {}],
  ['RMSprop', { lr: 0.1, centered: true, momentum: 0.5 }],
  ['Rprop', { lr: 0.1 }],
  ['ASGD', { lr: 0.1, t0: 2 }],
];

/** Parameters with fixed gradients on `device`, stepped `n` times. */
function run(device: string, name: string, kwargs: Record<string, unknown>, n: number) {
  const w = torch.tensor([[0.5, -1, 2], [1.5, 0.25, -0.75]], { dtype: 'float32' }).to(device).requiresGrad_();
  const b = torch.tensor([0.1, -0.2], { dtype: 'float32' }).to(device).requiresGrad_();
  w.grad = torch.tensor([[0.3, -0.1, 0.2], [-0.4, 0.05, 0.6]], { dtype: 'float32' }).to(device);
  b.grad = torch.tensor([-0.5, 0.25], { dtype: 'float32' }).to(device);
  const opt = makeOptimizer(name, kwargs, [w, b]);
  const live: number[] = [];
  for (let i = 0; i < n; i++) {
    opt.step();
    live.push(torch.memory()[device]!.tensors);
  }
  return { w, b, live };
}

const values = async (t: torch.Tensor) => Array.from((await t.data()) as Float32Array);

describe('optimizer steps on a device without synchronous reads', () => {
  it.each(OPTIONS)('%s %o: no host read, the CPU\'s results, no leftover tensors', async (name, kwargs) => {
    const ref = run('cpu', name, kwargs, 5);
    const dev = run('nosync', name, kwargs, 5);
    expect(await values(dev.w)).toEqual(flatValues([ref.w]));
    expect(await values(dev.b)).toEqual(flatValues([ref.b]));
    // after the first step (which creates the state) no step leaves a tensor behind
    expect(new Set(dev.live.slice(1)).size).toBe(1);
  });

  it('schedulers and clipGradNorm_ need no host read either', async () => {
    const w = torch.ones(3).to('nosync').requiresGrad_();
    w.grad = torch.tensor([3, 4, 12], { dtype: 'float32' }).to('nosync');
    const opt = makeOptimizer('SGD', { lr: 0.1 }, [w]);
    const sched = new lrScheduler.CosineAnnealingLR(opt, 10);
    const norm = clipGradNorm_([w], 1);
    opt.step();
    sched.step();
    expect(await norm.item()).toBe(13);
    expect(() => clipGradNorm_([w], 1, { errorIfNonfinite: true })).toThrow(
      "errorIfNonfinite reads the total norm on the host, and device 'nosync' cannot be read synchronously",
    );
  });
});
