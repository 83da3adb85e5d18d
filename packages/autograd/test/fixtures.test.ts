// Gradients, node names and error messages compared with PyTorch (tools/fixtures/autograd.py).
// Each case body is written here and in the generator under the same name.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { grad } from '../src/index.js';
import { buildInput, compare, loadFixture } from './fixtureTools.js';

const fixture = loadFixture();
/** Tensors a case reports besides its inputs' grads (read after backward). */
let extra: Record<string, () => Tensor | null> = {};

const bodies: Record<string, (...xs: Tensor[]) => Tensor> = {
  'mul add broadcast': (a, b) => a!.mul(b!).add(a!).sum(),
  'exp log1p sqrt chain': (x) => x!.exp().log1p().mul(x!.sqrt()).mean(),
  'two-layer mlp': (x, w1, b1, w2) => x!.matmul(w1!).add(b1!).relu().matmul(w2!).logsumexp(1).sum(),
  'log_softmax cross entropy': (logits) => {
    const target = torch.tensor([[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], { dtype: 'float32' });
    return logits!.logSoftmax(1).mul(target).sum().neg().div(3);
  },
  'in-place writes through views': (x) => {
    const y = x!.mul(2);
    y.at(0).mul_(3);
    y.at(':', 1).add_(1);
    y.t().at(2).sub_(x!.at(0, [null, 3]));
    return y.mul(y).sum();
  },
  'setitem with a tensor': (x, v) => {
    const z = x!.clone();
    z.setAt([[1, 3]], v!.mul(2));
    return z.pow(2).sum();
  },
  'transposed leaf': (x) => x!.t().matmul(x!).sin().sum(),
  reductions: (x) =>
    [x!.amax(1).sum(), x!.std(0).sum(), x!.norm(), x!.prod(1).sum(), x!.var(1, { keepdim: true }).sum(), x!.cumsum(1).sum(),
      x!.max(0).values.sum(), x!.mean(-1).sum(), x!.logsumexp(0).sum()].reduce((a, b) => a.add(b)),
  'cat stack split unbind': (a, b) => {
    const parts = torch.cat([a!, b!.mul(2)], 1).split(2, 1);
    return parts[0]!.mul(parts[2]!.sum()).sum().add(torch.stack([a!, b!]).unbind(0)[1]!.exp().sum());
  },
  'clamp where': (x) => torch.where(x!.gt(0), x!.clamp(null, 0.5), x!.mul(x!)).sum(),
  activations: (x) =>
    x!.gelu().add(x!.silu()).add(x!.softplus()).add(x!.sigmoid().mul(x!.tanh())).add(x!.gelu({ approximate: 'tanh' })).sum(),
  'mixed dtypes': (a, b) => a!.mul(b!).sum(),
  'diagonal narrow select': (x) => x!.diagonal().sum().add(x!.narrow(0, 1, 2).select(1, 0).prod()),
  'lerp pow div': (a, b, w) => torch.lerp(a!, b!, w!).pow(b!).div(a!).sum(),
  'non-scalar backward with a gradient': (x) => x!.mul(x!),
  'double backward': (x) => {
    const y = x!.pow(3).sum();
    const [g] = grad(y, [x!], { createGraph: true });
    return g!.mul(g!).sum();
  },
  retain_grad: (x) => {
    const y = x!.mul(2);
    y.retainGrad();
    extra['y.grad'] = () => y.grad;
    return y.pow(2).sum();
  },
  'tensor hook replaces the gradient': (x) => {
    const y = x!.mul(2);
    y.registerHook((g) => g.mul(3));
    return y.sin().sum();
  },
  'autograd.grad': (x, y) => {
    const [gx, gy] = grad([x!.mul(y!), x!.add(y!)], [x!, y!], { gradOutputs: [torch.ones(3), torch.full([3], 2)], retainGraph: true });
    extra['gx'] = () => gx!;
    extra['gy'] = () => gy!;
    return x!.mul(y!).sum();
  },
  'non-smooth points': (x) => {
    const half = torch.full([5], 0.5, { dtype: 'float32' });
    return [x!.abs(), x!.relu(), x!.clamp(0, 1), x!.sign(), torch.maximum(x!, half), torch.minimum(x!, half),
      torch.where(x!.gt(0), x!, x!.neg()), x!.clamp(0.5), x!.gelu(), x!.frac()].reduce((a, b) => a.add(b)).sum();
  },
  'ties in max and norms': (x) =>
    [x!.amax(1).sum(), x!.max(), x!.norm(Infinity), x!.max(1).values.sum(), x!.min(1).values.sum(), x!.amin(), x!.norm(-Infinity).mul(2)]
      .reduce((a, b) => a.add(b)),
  'zeros in products and norms': (x) =>
    [x!.prod(1).sum(), x!.cumprod(1).sum(), x!.norm(2, 1).sum(), x!.norm(1), x!.prod(), x!.norm(3, 1).sum()].reduce((a, b) => a.add(b)),
  'pow and xlogy at zero': (x, y) =>
    [x!.pow(2).sum(), torch.pow(x!, y!).sum(), torch.xlogy(x!, y!).sum(), x!.mul(0).add(1).pow(y!).sum()].reduce((a, b) => a.add(b)),
  'cifar-shaped mlp': (x, w1, b1, w2, b2) => {
    const h = x!.flatten(1).matmul(w1!.t()).add(b1!).relu();
    const logits = h.matmul(w2!.t()).add(b2!);
    const target = torch.zeros(2, 10);
    target.setAt([0, 3], 1);
    target.setAt([1, 7], 1);
    return logits.logSoftmax(1).mul(target).sum().neg().div(2);
  },
};

describe('gradients as PyTorch computes them', () => {
  it('has a body for every fixture case', () => {
    expect(fixture.cases.map((c) => c.name).filter((n) => !(n in bodies))).toEqual([]);
  });
  for (const c of fixture.cases) {
    it(c.name, () => {
      extra = {};
      const leaves = c.inputs.map((s, k) => buildInput(s, k));
      const body = bodies[c.name]!;
      const out = body(...leaves);
      expect(compare(out, c.out)).toBe('');
      expect(out.gradFn?.name() ?? null).toBe(c.grad_fn);
      if (c.name === 'cifar-shaped mlp') {
        // the seed example: .grad is null before backward, set after; zeroGrad then two backwards accumulate
        expect(leaves.map((p) => p.grad)).toEqual(leaves.map(() => null));
        out.backward();
        leaves.forEach((p, i) => expect(compare(p.grad, c.extra[`first.${i}`]!), `first grad ${i}`).toBe(''));
        for (const p of leaves) p.grad!.zero_();
        const out2 = body(...leaves);
        out2.backward(undefined, { retainGraph: true });
        out2.backward();
      } else if (c.name === 'non-scalar backward with a gradient') {
        out.backward(torch.tensor([[1, -1], [0.5, 2]], { dtype: 'float32' }));
      } else out.backward();
      leaves.forEach((p, i) => expect(compare(p.grad, c.grads[i]!), `grad of input ${i}`).toBe(''));
      for (const [k, v] of Object.entries(c.extra)) {
        if (k.startsWith('first.')) continue;
        expect(compare(extra[k]!(), v), k).toBe('');
      }
    });
  }
});

/** The misuse each error fixture names, done in torchlet. */
const misuses: Record<string, () => unknown> = {
  'implicit gradient of a non-scalar': () => torch.ones(3, { requiresGrad: true }).mul(2).backward(),
  'backward of a tensor that does not require grad': () => torch.ones(2).sum().backward(),
  'second backward through freed buffers': () => {
    const y = torch.ones(3, { requiresGrad: true }).exp().sum();
    y.backward();
    y.backward();
  },
  'saved tensor modified in place': () => {
    const y = torch.ones(3, { requiresGrad: true }).mul(2).exp();
    y.sum().mul(1);
    const z2 = y.mul(y).sum();
    y.add_(1);
    z2.backward();
  },
  'saved leaf input modified in place': () => {
    const x = torch.ones(3, { requiresGrad: true });
    const w = torch.ones(3);
    const y = x.mul(w).sum();
    w.add_(1);
    y.backward();
  },
  'in-place op on a leaf that requires grad': () => torch.ones(2, { requiresGrad: true }).add_(1),
  'in-place op on a view of such a leaf': () => torch.ones([2, 2], { requiresGrad: true }).at(0).add_(1),
  'integer tensor requiring grad': () => torch.zeros(2, { dtype: 'int64', requiresGrad: true }),
  'integer tensor requires_grad_': () => torch.zeros(2, { dtype: 'int64' }).requiresGrad_(),
  'in-place op on an output of split': () => torch.ones(4, { requiresGrad: true }).mul(1).split(2)[0]!.mul_(2),
  'requires_grad_(False) on a non-leaf': () => torch.ones(2, { requiresGrad: true }).mul(2).requiresGrad_(false),
  'gradient of the wrong shape': () => torch.ones(3, { requiresGrad: true }).mul(2).backward(torch.ones(2)),
  'autograd.grad with an unused input': () => {
    const x = torch.ones(2, { requiresGrad: true });
    const y = torch.ones(2, { requiresGrad: true });
    grad(x.mul(2).sum(), [x, y]);
  },
  'autograd.grad with an input that does not require grad': () => grad(torch.ones(2, { requiresGrad: true }).mul(2).sum(), [torch.ones(2)]),
  'hook on a tensor that does not require grad': () => torch.ones(2).registerHook((g) => g),
  'retain_grad on a tensor that does not require grad': () => torch.ones(2).retainGrad(),
  'assigning a grad of another shape': () => {
    torch.ones(3, { requiresGrad: true }).grad = torch.ones(2);
  },
};

describe("errors with PyTorch's wording", () => {
  for (const e of fixture.errors) {
    it(e.name, () => {
      const misuse = misuses[e.name];
      expect(misuse, 'a misuse for this fixture').toBeDefined();
      let caught: unknown;
      try {
        misuse!();
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(Error);
      expect(`${(caught as Error).name}: ${(caught as Error).message.split('\n')[0]}`).toBe(`${e.type}: ${e.message}`);
    });
  }
});
