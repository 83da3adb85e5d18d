// The engine and the Tensor API: leaves, nodes, accumulation, retainGraph/createGraph/inputs,
// grad modes, detach, version counters and in-place writes through views.
import './setup.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { backward, enableGrad, grad, gradcheck, gradgradcheck, inferenceMode, isGradEnabled, isInferenceModeEnabled, noGrad, setGradEnabled } from '../src/index.js';
import { leaf as leafOf } from './inputs.js';

const leaf = (values: number[]): Tensor => torch.tensor(values, { dtype: 'float32', requiresGrad: true });
const same = (a: Tensor | null, b: Tensor): void => {
  expect(a).not.toBeNull();
  expect(a!.shape).toEqual(b.shape);
  expect(a!.allclose(b)).toBe(true);
};

afterEach(() => setGradEnabled(true));

describe('leaves and nodes', () => {
  it('marks leaves and records nodes with PyTorch names and next functions', () => {
    const x = leaf([1, 2]);
    expect([x.requiresGrad, x.isLeaf, x.gradFn]).toEqual([true, true, null]);
    const y = x.mul(3);
    expect([y.requiresGrad, y.isLeaf, y.gradFn!.name()]).toEqual([true, false, 'MulBackward0']);
    const [first, second] = y.gradFn!.nextFunctions;
    expect(first![0]!.name()).toBe('torch::autograd::AccumulateGrad');
    expect(second).toEqual([null, 0]);
    expect(y.sum().gradFn!.nextFunctions[0]![0]).toBe(y.gradFn);
  });
  it('does not record ops on tensors that do not require grad, nor integer results', () => {
    const x = leaf([1, 2]);
    expect(torch.ones(2).mul(2).requiresGrad).toBe(false);
    expect(x.argmax().requiresGrad).toBe(false);
    expect(x.gt(1).requiresGrad).toBe(false);
    expect(x.long().requiresGrad).toBe(false);
    expect(x.max(0).indices.requiresGrad).toBe(false);
    expect(x.float()).toBe(x); // a no-op cast returns the tensor itself, a leaf still
  });
  it('prints requires_grad and grad_fn as PyTorch', () => {
    expect(String(torch.ones(2, { requiresGrad: true }))).toBe('tensor([1., 1.], requires_grad=True)');
    expect(String(torch.ones(2, { requiresGrad: true }).mul(2).at(0))).toBe('tensor(2., grad_fn=<SelectBackward0>)');
  });
  it('sets requiresGrad on leaves only, and only for floating point', () => {
    const x = torch.ones(2);
    x.requiresGrad = true;
    expect(x.requiresGrad).toBe(true);
    x.requiresGrad_(false);
    expect(x.requiresGrad).toBe(false);
    expect(() => torch.ones(2, { dtype: 'int32' }).requiresGrad_()).toThrow('only Tensors of floating point dtype can require gradients');
    const y = x.requiresGrad_().mul(2);
    y.requiresGrad_(true); // allowed: already requires grad
    expect(y.requiresGrad).toBe(true);
  });
});

describe('backward', () => {
  it('accumulates into .grad across calls, updating the same tensor in place', () => {
    const x = leaf([1, 2]);
    x.mul(x).sum().backward();
    const g = x.grad!;
    same(g, x.detach().mul(2));
    x.mul(x).sum().backward();
    expect(x.grad).toBe(g);
    same(x.grad, x.detach().mul(4));
    expect(x.grad!.requiresGrad).toBe(false);
  });
  it('runs a diamond in reverse topological order, summing both paths', () => {
    const x = leaf([0.5, -1]);
    const a = x.exp();
    const b = a.mul(2).add(a.sin());
    b.sum().backward();
    const e = x.detach().exp();
    same(x.grad, e.mul(2).add(e.cos().mul(e)));
  });
  it('keeps saved tensors with retainGraph and frees them without', () => {
    const x = leaf([1, 2]);
    const y = x.exp().sum();
    y.backward(undefined, { retainGraph: true });
    y.backward();
    same(x.grad, x.detach().exp().mul(2));
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
  });
  it('releases saved tensors and the pass\'s temporaries after backward, keeping .grad', () => {
    const live = () => torch.memory().cpu!.tensors;
    const x = leaf([1, 2, 3]);
    const run = (retainGraph: boolean): number => {
      const y = x.exp().mul(x).sum();
      const before = live();
      y.backward(undefined, { retainGraph });
      return live() - before;
    };
    run(false); // the first pass also creates x.grad
    const retained = run(true);
    const freed = run(false);
    // exp saved its result, mul both of its inputs: three aliases, released only without retainGraph
    expect(retained - freed).toBe(3);
    expect(x.grad!.isDisposed).toBe(false);
    expect(freed).toBeLessThanOrEqual(0);
  });
  it('accumulates only into `inputs` when given', () => {
    const x = leaf([1, 2]);
    const w = leaf([3, 4]);
    x.mul(w).sum().backward(undefined, { inputs: [w] });
    expect(x.grad).toBeNull();
    same(w.grad, x.detach());
    const h = x.mul(2);
    h.mul(w).sum().backward(undefined, { inputs: h });
    same(h.grad, w.detach());
  });
  it('builds a differentiable graph with createGraph', () => {
    const x = leaf([1, 2]);
    x.pow(3).sum().backward(undefined, { createGraph: true });
    expect(x.grad!.requiresGrad).toBe(true);
    const g2 = grad(x.grad!.sum(), [x])[0]!;
    same(g2, x.detach().mul(6));
  });
  it('takes several roots with their gradients (torch.autograd.backward)', () => {
    const x = leaf([1, 2]);
    backward([x.mul(2), x.mul(x).sum()], [torch.ones(2), null]);
    same(x.grad, x.detach().mul(2).add(2));
  });
  it('refuses an implicit gradient for non-scalars', () => {
    expect(() => leaf([1, 2]).mul(2).backward()).toThrow('grad can be implicitly created only for scalar outputs');
  });
});

describe('torch.autograd.grad', () => {
  it('returns gradients without touching .grad', () => {
    const x = leaf([1, 2]);
    const [g] = grad(x.mul(x).sum(), x);
    same(g!, x.detach().mul(2));
    expect(x.grad).toBeNull();
  });
  it('gives null for unused inputs with allowUnused, zeros with materializeGrads', () => {
    const x = leaf([1, 2]);
    const y = leaf([3, 4]);
    expect(grad(x.sum(), [x, y], { allowUnused: true, retainGraph: true })[1]).toBeNull();
    same(grad(x.sum(), [x, y], { materializeGrads: true })[1]!, torch.zeros(2));
  });
  it('gives gradients with respect to non-leaves', () => {
    const x = leaf([1, 2]);
    const h = x.mul(3);
    const [gh, gx] = grad(h.mul(h).sum(), [h, x]);
    same(gh!, h.detach().mul(2));
    same(gx!, h.detach().mul(6));
  });
});

describe('grad modes', () => {
  it('noGrad, enableGrad, setGradEnabled, isGradEnabled, inferenceMode', () => {
    const x = leaf([1]);
    expect(noGrad(() => x.mul(2)).requiresGrad).toBe(false);
    expect(noGrad(() => enableGrad(() => x.mul(2))).requiresGrad).toBe(true);
    expect(noGrad(() => isGradEnabled())).toBe(false);
    setGradEnabled(false);
    expect(x.mul(2).requiresGrad).toBe(false);
    setGradEnabled(true);
    expect(inferenceMode(() => [x.mul(2).requiresGrad, isInferenceModeEnabled()])).toEqual([false, true]);
    expect(isInferenceModeEnabled()).toBe(false);
  });
  it('allows in-place updates of leaves under noGrad (what optimizers do)', () => {
    const w = leaf([1, 2]);
    noGrad(() => w.sub_(torch.ones(2)));
    expect(w.isLeaf && w.requiresGrad).toBe(true);
    expect(w.version).toBe(1);
  });
  it('restores the mode when the callback throws, and refuses async callbacks', () => {
    expect(() => noGrad(() => { throw new Error('boom'); })).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(() => noGrad(async () => 1)).toThrow('noGrad() cannot take an async function');
  });
});

describe('detach', () => {
  it('detach() shares storage and the version counter but not the graph', () => {
    const x = leaf([1, 2]).mul(1);
    const d = x.detach();
    expect([d.requiresGrad, d.isLeaf, d.storage === x.storage]).toEqual([false, true, true]);
    d.add_(1);
    expect(x.version).toBe(d.version);
  });
  it('detach_() makes a non-leaf a leaf, and refuses views', () => {
    const y = leaf([1, 2]).mul(2);
    y.detach_();
    expect([y.requiresGrad, y.isLeaf, y.gradFn]).toEqual([false, true, null]);
    expect(() => leaf([1, 2]).mul(2).at(0).detach_()).toThrow("Can't detach views in-place");
  });
});

describe('.grad of non-leaves', () => {
  it('warns as PyTorch when reading .grad of a non-leaf that does not retain it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const y = leaf([1]).mul(2);
    expect(y.grad).toBeNull();
    expect(warn.mock.calls[0]![0]).toContain('The .grad attribute of a Tensor that is not a leaf Tensor is being accessed');
    warn.mockRestore();
  });
  it('retainGrad keeps it', () => {
    const x = leaf([1, 2]);
    const y = x.mul(2);
    y.retainGrad();
    expect(y.retainsGrad).toBe(true);
    y.mul(y).sum().backward();
    same(y.grad, y.detach().mul(2));
  });
});

describe('version counters and in-place writes', () => {
  it('bumps the version on every in-place op, shared by views', () => {
    const x = torch.zeros(4);
    const v = x.at([1, 3]);
    v.add_(1);
    x.mul_(2);
    expect([x.version, v.version]).toEqual([2, 2]);
  });
  it('refuses backward through a saved tensor modified afterwards', () => {
    const x = leaf([1, 2]);
    const y = x.exp();
    const z = y.mul(2).sum(); // exp saved its result y
    y.add_(1);
    expect(() => z.backward()).toThrow(/output 0 of ExpBackward0, is at version 1; expected version 0 instead/);
  });
  it('accepts in-place ops whose inputs are not saved', () => {
    const x = leaf([1, 2]);
    const y = x.add(1);
    const z = y.add(2).sum();
    y.mul_(5);
    z.backward();
    same(x.grad, torch.ones(2));
  });
  it('routes gradients through in-place writes on views (CopySlices)', () => {
    const x = leaf([1, 2, 3]);
    const y = x.mul(1);
    const v = y.at([0, 2]);
    v.mul_(x.at([1, 3]));
    expect([y.gradFn!.name(), v.gradFn!.name()]).toEqual(['CopySlices', 'AsStridedBackward0']);
    y.sum().backward();
    // y = [x0*x1, x1*x2, x2] -> d/dx = [x1, x0 + x2, x1 + 1]
    const xv = x.detach();
    same(x.grad, torch.stack([xv.at(1), xv.at(0).add(xv.at(2)), xv.at(1).add(1)]));
  });
  it('regenerates the node of an older view after its base was written in place', () => {
    const x = leaf([1, 1, 1]);
    const y = x.mul(1);
    const v = y.at(0);
    y.mul_(2);
    expect(v.gradFn!.name()).toBe('AsStridedBackward0');
    v.sum().backward();
    same(x.grad, torch.tensor([2, 0, 0], { dtype: 'float32' }));
  });
});

describe('in-place writes through views of tensors that do not require grad', () => {
  it('makes the base require grad (CopySlices) and its other views follow it', () => {
    const x = torch.tensor([1, 2], { dtype: 'float32', requiresGrad: true });
    const z = torch.zeros(3);
    const first = z.at([0, null, 2]);
    const last = z.at(2);
    first.copy_(x.mul(3));
    expect([z.requiresGrad, z.gradFn!.name(), last.requiresGrad]).toEqual([true, 'CopySlices', true]);
    z.sum().add(last.mul(10)).backward();
    expect(x.grad!.tolistSync()).toEqual([3, 33]);
  });
  it('leaves detached aliases outside: in-place on x.detach() does not touch x\'s graph', () => {
    const x = torch.ones(2, { requiresGrad: true });
    const d = x.detach();
    d.mul_(torch.ones(2, { requiresGrad: true }));
    expect(x.isLeaf && x.gradFn === null).toBe(true);
  });
});

describe('device moves', () => {
  it('toAsync is differentiable like to()', async () => {
    const x = torch.ones(2, { requiresGrad: true });
    const y = await x.mul(2).toAsync('cpu2');
    expect(y.gradFn!.name()).toBe('ToCopyBackward0');
    y.sum().backward();
    expect([x.grad!.device, x.grad!.tolistSync()]).toEqual(['cpu', [2, 2]]);
  });
});

describe('deep graphs', () => {
  it('runs backward and autograd.grad through a chain of 20000 ops', () => {
    const x = torch.ones(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 20000; i++) y = y.mul(1);
    y.sum().backward(undefined, { retainGraph: true });
    expect(x.grad!.tolistSync()).toEqual([1]);
    expect(grad(y.sum(), [x])[0]!.tolistSync()).toEqual([1]);
  });
});

describe('in-place writes through views, checked numerically', () => {
  const cases: [string, (x: Tensor, w: Tensor) => Tensor][] = [
    ['mul_ on a row', (x, w) => { const y = x.mul(1); y.at(0).mul_(w); return y; }],
    ['add_ on a strided column, then a view of the result', (x, w) => { const y = x.sin(); y.at(':', [0, null, 2]).add_(w.at([0, 2]).unsqueeze(0)); return y.t().at(1); }],
    ['two writes through overlapping views', (x, w) => { const y = x.mul(2); y.at(0).copy_(w); y.at(':', 1).mul_(y.at(':', 2)); return y; }],
    ['sin_ on a transposed view', (x) => { const y = x.mul(1); y.t().at(0).sin_(); return y; }],
  ];
  for (const [name, f] of cases) {
    it(`gradcheck and gradgradcheck: ${name}`, () => {
      const x = leafOf([2, 3]);
      const w = leafOf([3]);
      expect(gradcheck(f, [x, w])).toBe(true);
      expect(gradgradcheck(f, [x, w])).toBe(true);
    });
  }
});

describe('traced in-place ops', () => {
  it('bump the version counter once, also when their implementation does not', () => {
    const NO_BUMP = torch.defineOp('testInplaceWithoutBump', false);
    const x = torch.ones(2);
    torch.traced(NO_BUMP, [x], {}, () => x, { inplace: true });
    expect(x.version).toBe(1);
    x.add_(1); // bumps itself: still one per op
    expect(x.version).toBe(2);
  });
});

describe('what a pass frees', () => {
  it('autograd.grad w.r.t. an intermediate frees the graph above it only (as PyTorch)', () => {
    const x = torch.ones(2, { requiresGrad: true });
    const h = x.exp();
    const y = h.mul(h).sum();
    const [g] = grad(y, [h]);
    same(g!, h.detach().mul(2));
    h.sum().backward(); // ExpBackward0 was not run by grad(): its saved result is still there
    same(x.grad, h.detach());
    expect(() => y.backward()).toThrow('Trying to backward through the graph a second time');
  });
});
