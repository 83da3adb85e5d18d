// Gradients and grad_fn names of the indexing, shape and order ops and of the conv family compared with PyTorch
// (tools/fixtures/autograd_tensor_ops.py; each case body is written there under the same name).
import './setup.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { FixtureCase, FixtureError } from './fixtureTools.js';
import { buildInput, compare } from './fixtureTools.js';
import { grad } from '../src/index.js';
import { leaf } from './inputs.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/autogradTensorOps.json', import.meta.url), 'utf8')) as {
  cases: FixtureCase[];
  names: Record<string, string>;
  errors: FixtureError[];
};

const idx = (...v: (number | number[])[]): Tensor => torch.tensor(v as number[]);
const MASK = torch.tensor([[true, false, true, false, true], [false, false, true, true, false], [true, true, false, false, false], [false, true, false, true, true]]);
const total = (parts: Tensor[]): Tensor => parts.reduce((a, b) => a.add(b));

const bodies: Record<string, (...xs: Tensor[]) => Tensor> = {
  'advanced indexing': (x, y) => {
    const a = x!.at(idx(0, 2, 0)).mul(x!.at(':', idx(4, 4, 1)).sum(0).at(':', null));
    const b = y!.at(MASK).mul(x!.at(MASK));
    const c = x!.at(idx(1, 3).at(':', null), idx(0, 0, 2)).mul(y!.at(2, null, idx(3, 1, 1)));
    return total([a.pow(2).sum(), b.sin().sum(), c.sum()]);
  },
  'setitem and index_put': (x, v, w) => {
    let z = x!.mul(1);
    z.setAt([idx(2, 0)], v!.mul(2));
    z.setAt([MASK], 0.5);
    z = z.indexPut([idx(1, 1, 3), idx(0, 0, 4)], w!, { accumulate: true });
    return z.pow(2).sum();
  },
  'gather and scatter': (x, s, t) => {
    const g = x!.gather(1, idx([0, 0], [3, 1], [2, 2]));
    const a = x!.scatter(1, idx([1, 3], [0, 2], [3, 0]), s!);
    const b = x!.scatterAdd(0, idx([2, 2, 0, 1], [2, 0, 0, 1]), t!);
    const c = x!.scatter(0, idx([1, 0, 2, 0]), 0.25);
    return total([g.pow(2).sum(), a.mul(b).sum(), c.exp().sum()]);
  },
  scatter_reduce: (x, s) => {
    const i = idx([2, 2, 0, 1], [2, 0, 0, 1]);
    const parts = (['sum', 'mean', 'prod', 'amax', 'amin'] as const).flatMap((r) => [true, false].map((inc) => x!.scatterReduce(0, i, s!, r, { includeSelf: inc })));
    return total(parts.map((p, k) => p.mul(k + 1).sin().sum()));
  },
  'index along a dim and take': (x, s, v) => {
    const a = x!.indexSelect(0, idx(3, 0, 3));
    const b = x!.indexAdd(0, idx(1, 1, 2), s!, { alpha: -1.5 });
    const c = x!.indexCopy(1, idx(2, 0, 1), torch.cat([s!, s!.at([null, 1])]));
    const d = x!.indexFill(1, idx(0, 2), v!);
    const e = x!.take(idx([0, -1], [5, 5]));
    return total([a.mul(s!).sum(), b.pow(2).sum(), c.sin().sum(), d.mul(x!).sum(), e.exp().sum()]);
  },
  'masked ops': (x, v, s) => {
    const a = v!.maskedFill(MASK, 2);
    const b = x!.maskedSelect(MASK);
    const c = x!.maskedScatter(MASK, s!);
    const d = x!.maskedFill(MASK.logicalNot(), v!.at(0));
    return total([a.pow(2).sum(), b.exp().sum(), c.mul(x!).sum(), d.sin().sum()]);
  },
  'sort topk kthvalue cummax cummin': (x) => {
    const parts = [x!.sort(1).values.mul(torch.arange(5).float()), x!.sort(0, true).values.cos(), x!.topk(2, 1).values,
      x!.kthvalue(2, 0).values, x!.cummax(1).values, x!.cummin(0).values.exp(), x!.msort().sin()];
    return total(parts.map((p) => p.mul(p).sum()));
  },
  'logcumsumexp flip roll repeat': (x) => {
    const a = x!.logcumsumexp(1).add(x!.logcumsumexp(0).flip(0));
    const b = x!.flip(0, 1).mul(x!.roll(1)).mul(x!.roll([1, -2], [0, 1]));
    const c = x!.repeat(2, 1, 2).mul(x!.tile(2).sum());
    const d = x!.repeatInterleave(torch.tensor([2, 0, 1]), 0).add(x!.repeatInterleave(2).sum());
    return total([a.pow(2).sum(), b.sum(), c.sin().sum(), d.pow(2).sum()]);
  },
  'triangles and diagonals': (x, v) => {
    const a = x!.tril().mul(x!.triu(-1).t());
    const b = v!.diag(1).mul(x!).add(x!.diag(-1).sum().mul(x!.at([null, 3], [null, 3]).diag().sum()));
    const c = torch.diagEmbed(x!.at([null, 2]), 1, 0, 2).sin();
    return total([a.pow(2).sum(), b.sum(), c.sum(), x!.trace().mul(x!.trace())]);
  },
  composites: (x, w, v) => {
    const a = torch.einsum('ij,jk->ik', x!, w!).add(torch.einsum('ii->i', x!.at(':', [null, 3])).sum()).add(torch.einsum('i,i->', v!, v!));
    const [g0, g1] = torch.meshgrid(v!, w!.at(0), { indexing: 'xy' });
    const [b0, b1] = torch.broadcastTensors(x!, v!.at(':', null));
    return total([a.pow(2).sum(), g0!.mul(g1!).sum(), b0!.mul(b1!).sin().sum()]);
  },
  convolutions: (x, w, b, wt, y, w1) => {
    const a = torch.conv2d(x!, w!, b, { stride: [2, 1], padding: 1 });
    const c = torch.convTranspose2d(x!, wt!, null, { stride: 2, padding: 1, groups: 2 });
    const d = torch.conv1d(y!, w1!, null, { padding: 'same' });
    return total([a.pow(2).sum(), c.sin().sum(), d.mul(d.cos()).sum()]);
  },
  pooling: (x, y) => {
    const [m, i] = torch.maxPool2d(x!, 3, { stride: 2, padding: 1, returnIndices: true });
    const parts = [m, torch.avgPool2d(x!, 2, { ceilMode: true, countIncludePad: false, padding: 1 }), torch.adaptiveAvgPool2d(x!, [4, 3]),
      torch.adaptiveMaxPool2d(x!, 2), torch.maxUnpool2d(m, i, 3, { stride: 2, padding: 1, outputSize: [6, 5] }),
      torch.maxPool1d(y!, 3, 2), torch.avgPool1d(y!, 2), torch.adaptiveAvgPool1d(y!, 4), torch.adaptiveMaxPool1d(y!, 5)];
    return total(parts.map((p, k) => p.mul(p).sum().mul(k + 1)));
  },
  'padding and resampling': (x, y) => {
    const parts = [torch.pad(x!, [1, 2, 0, 1], 'constant', 0.5), torch.pad(x!, [2, 1, 1, 2], 'reflect'), torch.pad(y!, [2, 3], 'replicate'),
      torch.pad(x!, [1, 1, 2, 0], 'circular'), torch.interpolate(x!, { scaleFactor: 2, mode: 'bilinear' }),
      torch.interpolate(x!, { size: [3, 7], mode: 'bicubic', alignCorners: true }), torch.interpolate(y!, { scaleFactor: 1.5 }),
      torch.interpolate(x!, { size: [3, 3], mode: 'area' }), torch.interpolate(y!, { size: 6, mode: 'linear' })];
    return total(parts.map((p) => p.mul(p.sin()).sum()));
  },
  'unfold fold pixel shuffle': (x, cols) => {
    const a = torch.unfold(x!, 2, { padding: 1, stride: 1 });
    const b = torch.fold(cols!, [4, 4], 2);
    const c = torch.pixelShuffle(x!.reshape(1, 8, 2, 2), 2);
    const d = torch.pixelUnshuffle(x!, 2);
    return total([a.pow(2).sum(), b.sin().sum(), c.mul(x!).sum(), d.exp().sum()]);
  },
  'double backward through conv, max pool and interpolate': (x, w) => {
    const y = torch.interpolate(torch.maxPool2d(torch.conv2d(x!, w!, null, { padding: 1 }).tanh(), 2), { scaleFactor: 2, mode: 'bilinear' });
    const [gx, gw] = grad(y.pow(2).sum(), [x!, w!], { createGraph: true });
    return gx!.pow(2).sum().add(gw!.mul(w!).sum());
  },
};

describe('gradients of the indexing, shape and order ops as PyTorch computes them', () => {
  it('has a body for every fixture case', () => {
    expect(fixture.cases.map((c) => c.name).filter((n) => !(n in bodies))).toEqual([]);
  });
  for (const c of fixture.cases) {
    it(c.name, () => {
      const leaves = c.inputs.map((s, k) => buildInput(s, k));
      const out = bodies[c.name]!(...leaves);
      expect(compare(out, c.out)).toBe('');
      expect(out.gradFn?.name() ?? null).toBe(c.grad_fn);
      out.backward();
      leaves.forEach((p, i) => expect(compare(p.grad, c.grads[i]!), `grad of input ${i}`).toBe(''));
    });
  }
});

const x = leaf([3, 4]);
const v = leaf([4]);
const i = idx(0, 2, 0);
const m = x.detach().gt(0);
const img = leaf([1, 2, 4, 4]);
const wk = leaf([3, 2, 2, 2]);
/** The gradient of f at img for a grad_output that requires grad, made with createGraph: its gradFn is the backward's node. */
const double = (f: (a: Tensor) => Tensor): Tensor => {
  const y = f(img);
  return grad(y, [img], { gradOutputs: [torch.onesLike(y).requiresGrad_()], createGraph: true })[0]!;
};
const inplace = (f: (a: Tensor) => unknown): Tensor => {
  const a = x.clone();
  f(a);
  return a;
};

const exprs: Record<string, () => Tensor> = {
  'x[i]': () => x.at(i), 'x[m]': () => x.at(m), 'x[:, i]': () => x.at(':', i),
  masked_fill: () => x.maskedFill(m, 1), 'masked_fill tensor': () => x.maskedFill(m, v.at(0)),
  masked_select: () => x.maskedSelect(m), masked_scatter: () => x.maskedScatter(m, v.repeat(3)),
  index_put: () => x.indexPut([i], v), sort: () => x.sort(1).values, msort: () => x.msort(),
  topk: () => x.topk(2).values, kthvalue: () => x.kthvalue(2).values, cummax: () => x.cummax(1).values,
  cummin: () => x.cummin(1).values, logcumsumexp: () => x.logcumsumexp(1), flip: () => x.flip(0),
  roll: () => x.roll(1), repeat: () => x.repeat(2, 1), tile: () => x.tile(2),
  repeat_interleave: () => x.repeatInterleave(2), tril: () => x.tril(), triu: () => x.triu(1),
  diag: () => v.diag(), 'diag of a matrix': () => x.diag(), diag_embed: () => x.diagEmbed(), trace: () => x.trace(),
  gather: () => x.gather(1, idx([0], [1], [2])), scatter: () => x.scatter(0, idx([0, 1]), v.at(null, [null, 2])),
  'scatter value': () => x.scatter(0, idx([0, 1]), 1.5), scatter_add: () => x.scatterAdd(0, idx([0, 1]), v.at(null, [null, 2])),
  scatter_reduce: () => x.scatterReduce(0, idx([0, 1]), v.at(null, [null, 2]), 'amax'),
  index_select: () => x.indexSelect(0, i), index_add: () => x.indexAdd(1, i, x.at(':', [null, 3])),
  index_copy: () => x.indexCopy(0, idx(0, 2), x.at([null, 2])), index_fill: () => x.indexFill(0, i, 1),
  'index_fill tensor': () => x.indexFill(0, i, v.at(0)), take: () => x.take(i),
  meshgrid: () => torch.meshgrid([v, v], { indexing: 'ij' })[0]!, broadcast_tensors: () => torch.broadcastTensors(x, v)[1]!,
  einsum: () => torch.einsum('ij,kj->ik', x, x), 'einsum diagonal': () => torch.einsum('ii->i', x.at(':', [null, 3])),
  'einsum one operand summed': () => torch.einsum('ij->i', x),
  unique: () => torch.unique(x), 'unique dim': () => torch.unique(x, { dim: 0 }),
  'scatter reduce': () => x.scatter(0, idx([0, 1]), 2, { reduce: 'multiply' }),
  conv2d: () => torch.conv2d(img, wk), 'conv1d unbatched': () => torch.conv1d(img.at(0, ':', 0), wk.at(':', ':', 0)),
  conv1d: () => torch.conv1d(img.at(':', ':', 0), wk.at(':', ':', 0)), conv_transpose2d: () => torch.convTranspose2d(img, wk.transpose(0, 1)),
  max_pool2d: () => torch.maxPool2d(img, 2), max_pool1d: () => torch.maxPool1d(img.at(0), 2), avg_pool2d: () => torch.avgPool2d(img, 2),
  avg_pool1d: () => torch.avgPool1d(img.at(0), 2), adaptive_avg_pool2d: () => torch.adaptiveAvgPool2d(img, 2),
  adaptive_max_pool2d: () => torch.adaptiveMaxPool2d(img, 2), adaptive_avg_pool1d: () => torch.adaptiveAvgPool1d(img.at(0), 2),
  max_unpool2d: () => {
    const [m, mi] = torch.maxPool2d(img, 2, { returnIndices: true });
    return torch.maxUnpool2d(m, mi, 2);
  },
  'pad constant': () => torch.pad(img, [1, 1]), 'pad reflect': () => torch.pad(img, [1, 1, 1, 1], 'reflect'),
  'pad reflect 1-d': () => torch.pad(img.at(0), [1, 1], 'reflect'), 'pad replicate': () => torch.pad(img, [1, 1, 1, 1], 'replicate'),
  'pad circular': () => torch.pad(img, [1, 1, 1, 1], 'circular'),
  'interpolate nearest': () => torch.interpolate(img, { scaleFactor: 2 }), 'interpolate bilinear': () => torch.interpolate(img, { size: [5, 5], mode: 'bilinear' }),
  'interpolate linear': () => torch.interpolate(img.at(0), { scaleFactor: 2, mode: 'linear' }),
  'interpolate nearest-exact': () => torch.interpolate(img, { scaleFactor: 2, mode: 'nearest-exact' }),
  'interpolate bicubic': () => torch.interpolate(img, { scaleFactor: 2, mode: 'bicubic' }), 'interpolate area': () => torch.interpolate(img, { size: 2, mode: 'area' }),
  unfold: () => torch.unfold(img, 2), fold: () => torch.fold(img.reshape(1, 8, 4), [3, 3], 2),
  pixel_shuffle: () => torch.pixelShuffle(img.reshape(1, 8, 2, 2), 2), pixel_unshuffle: () => torch.pixelUnshuffle(img, 2),
  'conv2d double backward': () => double((a) => torch.conv2d(a, wk)),
  'max_pool2d double backward': () => double((a) => torch.maxPool2d(a, 2)),
  'avg_pool2d double backward': () => double((a) => torch.avgPool2d(a, 2)),
  'adaptive_avg_pool2d double backward': () => double((a) => torch.adaptiveAvgPool2d(a, 3)),
  'pad reflect double backward': () => double((a) => torch.pad(a, [1, 1, 1, 1], 'reflect')),
  'pad replicate double backward': () => double((a) => torch.pad(a, [1, 1, 1, 1], 'replicate')),
  'interpolate bilinear double backward': () => double((a) => torch.interpolate(a, { scaleFactor: 2, mode: 'bilinear' })),
  'setitem tensor index': () => inplace((a) => a.setAt([i], v)), 'setitem mask': () => inplace((a) => a.setAt([m], 0.5)),
  masked_fill_: () => inplace((a) => a.maskedFill_(m, 1)), index_put_: () => inplace((a) => a.indexPut_([i], v, { accumulate: true })),
  scatter_: () => inplace((a) => a.scatter_(0, idx([0, 1]), 1.5)), index_fill_: () => inplace((a) => a.indexFill_(0, i, 1)),
  index_add_: () => inplace((a) => a.indexAdd_(0, i, x)), scatter_add_: () => inplace((a) => a.scatterAdd_(0, idx([0, 1]), x)),
};

describe('grad_fn names of the indexing, shape and order ops', () => {
  it('covers every fixture expression', () => {
    expect(Object.keys(fixture.names).filter((k) => !(k in exprs))).toEqual([]);
  });
  for (const [k, name] of Object.entries(fixture.names)) {
    it(`${k} -> ${name}`, () => {
      expect(exprs[k]!().gradFn?.name()).toBe(name);
    });
  }
});

/** What each error fixture does, in torchlet. */
const misuses: Record<string, () => unknown> = {
  'backward through unique': () => torch.unique(leaf([2, 3])).sum().backward(),
  'backward through unique with dim': () => torch.unique(leaf([2, 3]), { dim: 0 }).sum().backward(),
  'backward through scatter with reduce': () => leaf([2, 3]).scatter(0, idx([0, 1]), 2, { reduce: 'multiply' }).sum().backward(),
};

describe("backward through ops without a derivative raises PyTorch's error", () => {
  for (const e of fixture.errors) {
    it(e.name, () => {
      expect(misuses[e.name], 'a misuse for this fixture').toBeDefined();
      let caught: unknown;
      try {
        misuses[e.name]!();
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(Error);
      expect(`${(caught as Error).name}: ${(caught as Error).message.split('\n')[0]}`).toBe(`${e.type}: ${e.message}`);
    });
  }
});
