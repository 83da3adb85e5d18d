// The Optimizer contract (PyTorch's torch/optim/optimizer.py): what `params` may be and PyTorch's
// errors for what it may not, constructor arguments through the binder, zeroGrad, step's
// closure and hooks, parameter groups added later, options that must not change results
// (foreach, fused, capturable), differentiable steps (gradcheck), SparseAdam's refusal.
import './setup.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { gradcheck, noGrad } from '@torchlet/autograd';
import type { Optimizer } from '../src/index.js';
import { Adam, AdamW, RMSprop, SGD, SparseAdam } from '../src/index.js';
import { flatValues, loadFixture } from './fixtureTools.js';
import { makeOptimizer, trainStep } from './optimizers.js';
import type { ProblemName, ProblemSpec } from './problems.js';
import { buildProblem, lossOf } from './problems.js';

const fx = loadFixture<{ problems: Record<string, Record<ProblemName, ProblemSpec>> }>('optim.json');
const leaf = (...shape: number[]) => torch.ones(shape, { requiresGrad: true });

afterEach(() => vi.restoreAllMocks());

describe('params', () => {
  it('consumes an iterator once (model.parameters()), as PyTorch makes a list of it', () => {
    const a = leaf(2);
    const b = leaf(3);
    function* parameters() {
      yield a;
      yield b;
    }
    const opt = new SGD(parameters(), 0.1);
    expect(opt.paramGroups[0]!.params).toEqual([a, b]);
  });

  it('takes parameter groups with their own options, the rest from the defaults', () => {
    const [a, b] = [leaf(2), leaf(2)];
    const opt = new SGD([{ params: [a] }, { params: b, lr: 0.01, momentum: 0.5 }], 0.1, { momentum: 0.9 });
    expect(opt.paramGroups.map((g) => [g.params.length, g.lr, g.momentum, g.nesterov])).toEqual([
      [1, 0.1, 0.9, false],
      [1, 0.01, 0.5, false],
    ]);
    expect(opt.defaults).toMatchObject({ lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, foreach: null });
  });

  it('refuses what PyTorch refuses, with its messages', () => {
    const a = leaf(2);
    expect(() => new SGD(a as never, 0.1)).toThrow('params argument given to the optimizer should be an iterable of Tensors or dicts, but got torch.FloatTensor');
    expect(() => new SGD([], 0.1)).toThrow('optimizer got an empty parameter list');
    expect(() => new SGD([a, 3] as never, 0.1)).toThrow('optimizer can only optimize Tensors, but one of the params is int');
    expect(() => new SGD([a.mul(2)], 0.1)).toThrow("can't optimize a non-leaf Tensor");
    expect(() => new SGD([{ params: [a] }, { params: [a] }], 0.1)).toThrow('some parameters appear in more than one parameter group');
    const opt = new SGD([a], 0.1);
    expect(() => opt.addParamGroup({ params: [a] })).toThrow('some parameters appear in more than one parameter group');
    expect(() => opt.addParamGroup(a as never)).toThrow("addParamGroup(): argument 'paramGroup' (position 1) must be dict, not Tensor");
  });

  it('warns about a parameter given twice in one group', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a = leaf(2);
    new SGD([a, a], 0.1);
    expect(warn).toHaveBeenCalledWith(
      'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; see github.com/pytorch/pytorch/issues/40967 for more information',
    );
  });

  it('adds a group later, which then trains with its own options', () => {
    const [a, b] = [leaf(2), leaf(2)];
    const opt = new SGD([a], 0.1);
    opt.addParamGroup({ params: [b], lr: 0.5 });
    a.sum().add(b.sum()).backward();
    opt.step();
    expect(flatValues([a])).toEqual([0.9, 0.9].map(Math.fround));
    expect(flatValues([b])).toEqual([0.5, 0.5]);
  });
});

describe('constructor arguments (PyTorch 1.13 signatures through the binder)', () => {
  it('takes options positionally in PyTorch\'s order or by name, with the same result', () => {
    const a = leaf(2);
    const positional = new SGD([a], 0.1, 0.9, 0, 1e-4, true);
    const named = new SGD([leaf(2)], { lr: 0.1, momentum: 0.9, weightDecay: 1e-4, nesterov: true });
    const mixed = new SGD([leaf(2)], 0.1, 0.9, { weightDecay: 1e-4, nesterov: true });
    const groups = (o: Optimizer) => o.paramGroups.map(({ params: _, ...h }) => h);
    expect(groups(positional)).toEqual(groups(named));
    expect(groups(mixed)).toEqual(groups(named));
    expect(new Adam([leaf(1)], 1e-3, [0.8, 0.9]).paramGroups[0]!.betas).toEqual([0.8, 0.9]);
  });

  it('reports bad arguments as PyTorch would', () => {
    const a = leaf(2);
    expect(() => new SGD([a], { lr: 0.1, mommentum: 0.9 } as never)).toThrow("SGD() got an unexpected keyword argument 'mommentum'");
    expect(() => new SGD([a])).toThrow('SGD() missing 1 required positional argument: "lr"');
    expect(() => new SGD([a], -0.1)).toThrow('Invalid learning rate: -0.1');
    expect(() => new SGD([a], 0.1, { nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => new Adam([a], 0.1, [0.9, 1])).toThrow('Invalid beta parameter at index 1: 1');
    expect(() => new Adam([a], { eps: -1 })).toThrow('Invalid epsilon value: -1');
    expect(() => new AdamW([a], { weightDecay: -1e-2 })).toThrow('Invalid weight_decay value: -0.01');
    expect(() => new Adam([a], { fused: true, differentiable: true })).toThrow('`fused` cannot be `differentiable`');
  });

  it('prints as PyTorch\'s repr(optimizer)', () => {
    expect(String(new SGD([leaf(1)], 0.1, { weightDecay: 1e-5 }))).toBe(
      'SGD (\nParameter Group 0\n    dampening: 0\n    differentiable: False\n    foreach: None\n    lr: 0.1\n    maximize: False\n    momentum: 0\n    nesterov: False\n    weight_decay: 1e-05\n)',
    );
  });
});

describe('zeroGrad, step, hooks and state', () => {
  it('zeroGrad sets grads to null by default, or zeroes them in place', () => {
    const a = leaf(2);
    const opt = new SGD([a], 0.1);
    a.sum().backward();
    opt.zeroGrad();
    expect(a.grad).toBeNull();
    a.sum().backward();
    const g = a.grad!;
    opt.zeroGrad({ setToNone: false });
    expect(a.grad).toBe(g);
    expect(flatValues([g])).toEqual([0, 0]);
    a.sum().backward();
    opt.zeroGrad(false);
    expect(flatValues([a.grad!])).toEqual([0, 0]);
  });

  it('step returns the closure\'s loss (computed with grad enabled, even inside noGrad), or null', () => {
    const a = leaf(2);
    const opt = new SGD([a], 0.1);
    const loss = noGrad(() =>
      opt.step(() => {
        opt.zeroGrad();
        const l = a.mul(a).sum();
        l.backward();
        return l;
      }),
    ) as Tensor;
    expect(loss.itemSync()).toBe(2);
    expect(flatValues([a])).toEqual([0.8, 0.8].map(Math.fround));
    expect(opt.step()).toBeNull();
    expect(a.requiresGrad && a.isLeaf).toBe(true);
  });

  it('runs pre-hooks (which may replace the arguments) and post-hooks around each step; handles remove them', () => {
    const a = leaf(1);
    const opt = new SGD([a], 0.1);
    const calls: string[] = [];
    const replaced = () => {
      calls.push('replacement closure');
      return 7;
    };
    const pre = opt.registerStepPreHook((o, args) => {
      calls.push(`pre ${o === opt} ${args.length}`);
      return [replaced];
    });
    const post = opt.registerStepPostHook((_o, args) => calls.push(`post ${args[0] === replaced}`));
    expect(opt.step(() => 1)).toBe(7);
    pre.remove();
    post.remove();
    opt.step();
    expect(calls).toEqual(['pre true 1', 'replacement closure', 'post true']);
  });

  it('keeps state per parameter under PyTorch\'s keys', () => {
    const a = leaf(2);
    const opt = new Adam([a], 0.1, { amsgrad: true });
    a.sum().backward();
    opt.step();
    expect(Object.keys(opt.state.get(a)!)).toEqual(['step', 'exp_avg', 'exp_avg_sq', 'max_exp_avg_sq']);
    expect(opt.state.get(a)!['step']).toBe(1);
  });

  it('skips parameters without a gradient', () => {
    const [a, b] = [leaf(1), leaf(1)];
    const opt = new Adam([a, b], 0.1);
    a.sum().backward();
    opt.step();
    expect(opt.state.has(b)).toBe(false);
    expect(b.itemSync()).toBe(1);
  });
});

describe('options that do not change results', () => {
  const run = (name: string, kwargs: Record<string, unknown>): number[] => {
    const { params, data } = buildProblem(fx.problems['float32']!.mlp);
    const opt = makeOptimizer(name, kwargs, params);
    for (let i = 0; i < 5; i++) trainStep(opt, () => lossOf('mlp', params, data));
    return flatValues(params);
  };
  it.each([
    ['SGD', { lr: 0.05, momentum: 0.9 }, { foreach: true }],
    ['Adam', { lr: 0.01, amsgrad: true }, { foreach: true }],
    ['Adam', { lr: 0.01 }, { fused: true }],
    ['Adam', { lr: 0.01 }, { capturable: true }],
    ['AdamW', { lr: 0.01 }, { foreach: true, capturable: true }],
    ['RMSprop', { lr: 0.01, centered: true }, { foreach: true }],
  ] as const)('%s %o with %o: bit for bit the same parameters', (name, kwargs, extra) => {
    expect(run(name, { ...kwargs, ...extra })).toEqual(run(name, kwargs));
  });
});

describe('differentiable steps (gradients through the update, checked by gradcheck in float64)', () => {
  const w = () => torch.tensor([0.5, -1, 2], { dtype: 'float64', requiresGrad: true });
  const f64 = (v: number[]) => torch.tensor(v, { dtype: 'float64', requiresGrad: true });
  /** One step from (param, grad, state tensors), as PyTorch's own differentiable tests do. */
  const stepped = (make: (p: Tensor) => Optimizer, stateKeys: string[]) =>
    (p0: Tensor, g: Tensor, ...state: Tensor[]): Tensor[] => {
      const p = p0.clone();
      p.grad = g;
      const opt = make(p);
      opt.state.set(p, Object.fromEntries(stateKeys.map((k, i) => [k, k === 'step' ? 3 : state[i]!.clone()])));
      opt.step();
      return [p, ...stateKeys.filter((k) => k !== 'step').map((k) => opt.state.get(p)![k] as Tensor)];
    };

  it('SGD with momentum', () => {
    const fn = stepped((p) => new SGD([p], 0.1, { momentum: 0.9, weightDecay: 0.1, differentiable: true }), ['momentum_buffer']);
    expect(gradcheck(fn, [w(), f64([0.3, -0.2, 0.1]), f64([0.1, 0.2, -0.3])])).toBe(true);
  });
  it('Adam', () => {
    const fn = stepped((p) => new Adam([p], 0.1, { differentiable: true }), ['step', 'exp_avg', 'exp_avg_sq']);
    expect(gradcheck(fn, [w(), f64([0.3, -0.2, 0.1]), f64([0, 0, 0]), f64([0.1, 0.2, -0.3]), f64([0.2, 0.3, 0.4])])).toBe(true);
  });
  it('RMSprop centered with momentum', () => {
    const fn = stepped((p) => new RMSprop([p], 0.1, { momentum: 0.5, centered: true, differentiable: true }), ['step', 'square_avg', 'momentum_buffer', 'grad_avg']);
    expect(gradcheck(fn, [w(), f64([0.3, -0.2, 0.1]), f64([0, 0, 0]), f64([0.5, 0.6, 0.7]), f64([0.1, 0.2, -0.3]), f64([0.1, -0.1, 0.2])])).toBe(true);
  });
  it('lets a non-leaf be optimized only when differentiable', () => {
    const p = w().mul(2);
    expect(() => new SGD([p], 0.1)).toThrow("can't optimize a non-leaf Tensor");
    expect(() => new SGD([p], 0.1, { differentiable: true })).not.toThrow();
  });
});

it('SparseAdam: not implemented (torchlet has no sparse tensors)', () => {
  expect(() => new SparseAdam([leaf(2)])).toThrow('not implemented: SparseAdam');
  expect(() => new SparseAdam([leaf(2)], { lr: 0.1, bogus: 1 } as never)).toThrow("SparseAdam() got an unexpected keyword argument 'bogus'");
});
