// LBFGS reads values on the host at every iteration (as PyTorch's does with .item()). On a
// device without synchronous reads step() refuses with a clear error and stepAsync() awaits
// each read; both run the same algorithm, so results agree bit for bit with the CPU's.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import { LBFGS, SGD } from '../src/index.js';
import { flatValues, loadFixture } from './fixtureTools.js';
import type { ProblemName, ProblemSpec } from './problems.js';
import { buildProblem, lossOf } from './problems.js';

// a CPU backend that, like WebGPU, can only read asynchronously
if (!torch.availableDevices().includes('nosync')) torch.registerBackend({ ...cpu(), device: 'nosync', readSync: undefined });

const fx = loadFixture<{ problems: Record<string, Record<ProblemName, ProblemSpec>> }>('optim.json');

function setup(device: 'cpu' | 'nosync') {
  const { params, data } = buildProblem(fx.problems['float32']!.quadratic);
  const onDevice = params.map((p) => p.detach().to(device).requiresGrad_());
  const d = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.to(device)]));
  const opt = new LBFGS(onDevice, { lr: 1, maxIter: 4, historySize: 3, lineSearchFn: 'strong_wolfe' });
  const closure = () => {
    opt.zeroGrad();
    const loss = lossOf('quadratic', onDevice, d);
    loss.backward();
    return loss;
  };
  return { params: onDevice, opt, closure };
}

const values = async (ts: Tensor[]) => (await Promise.all(ts.map((t) => t.data()))).flatMap((a) => Array.from(a as ArrayLike<number>, Number));

describe('LBFGS', () => {
  it('needs a closure and one parameter group', () => {
    const opt = new LBFGS([torch.ones(2, { requiresGrad: true })]);
    expect(() => opt.step()).toThrow('step() missing 1 required positional argument: "closure"');
    expect(() => new LBFGS([{ params: [torch.ones(1, { requiresGrad: true })] }, { params: [torch.ones(1, { requiresGrad: true })] }])).toThrow(
      "LBFGS doesn't support per-parameter options (parameter groups)",
    );
    expect(new LBFGS([torch.ones(1, { requiresGrad: true })], { maxIter: 8 }).paramGroups[0]!.maxEval).toBe(10);
  });

  it('stepAsync gives exactly what step gives on the CPU', async () => {
    const a = setup('cpu');
    const b = setup('cpu');
    for (let i = 0; i < 3; i++) {
      const la = a.opt.step(a.closure) as Tensor;
      const lb = (await b.opt.stepAsync(b.closure)) as Tensor;
      expect(lb.itemSync()).toBe(la.itemSync());
    }
    expect(flatValues(b.params)).toEqual(flatValues(a.params));
    expect(b.opt.state.get(b.params[0]!)!['func_evals']).toBe(a.opt.state.get(a.params[0]!)!['func_evals']);
  });

  it('on a device without synchronous reads: step() refuses, stepAsync() matches the CPU bit for bit', async () => {
    const ref = setup('cpu');
    const dev = setup('nosync');
    expect(() => dev.opt.step(dev.closure)).toThrow(
      "LBFGS.step() reads values on the host at every iteration, and device 'nosync' cannot be read synchronously: use await optimizer.stepAsync(closure)",
    );
    for (let i = 0; i < 3; i++) {
      const expected = (ref.opt.step(ref.closure) as Tensor).itemSync();
      expect(await ((await dev.opt.stepAsync(dev.closure)) as Tensor).item()).toBe(expected);
    }
    expect(await values(dev.params)).toEqual(flatValues(ref.params));
  });

  it('runs the step hooks around stepAsync too, and other optimizers\' stepAsync is step', async () => {
    const a = setup('cpu');
    const seen: string[] = [];
    a.opt.registerStepPreHook(() => void seen.push('pre'));
    a.opt.registerStepPostHook(() => void seen.push('post'));
    await a.opt.stepAsync(a.closure);
    expect(seen).toEqual(['pre', 'post']);
    const w = torch.ones(1, { requiresGrad: true });
    const sgd = new SGD([w], 0.5);
    w.sum().backward();
    expect(await sgd.stepAsync()).toBeNull();
    expect(w.itemSync()).toBe(0.5);
    expect(sgd._stepCount).toBe(1);
  });
});
