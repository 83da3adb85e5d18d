// grad_fn names as PyTorch gives them (tools/fixtures/autograd.py, "names"): same expressions, same keys.
import './setup.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { leaf } from './inputs.js';

const expected = (JSON.parse(readFileSync(new URL('./fixtures/autograd.json', import.meta.url), 'utf8')) as { names: Record<string, string> }).names;

const x = leaf([3, 4], { lo: 0.1, hi: 0.9 });
const y = leaf([3, 4], { lo: 0.1, hi: 0.9 });
const v = leaf([4]);
const inplace = (f: (a: Tensor) => unknown): Tensor => {
  const a = x.clone();
  f(a);
  return a;
};

const exprs: Record<string, () => Tensor> = {
  'x + y': () => x.add(y), 'x + 2': () => x.add(2), 'x - y': () => x.sub(y), '2 - x': () => torch.sub(2, x),
  'x * 2': () => x.mul(2), 'x / y': () => x.div(y), 'div floor': () => x.div(y, { roundingMode: 'floor' }),
  'x ** 2': () => x.pow(2), 'x ** y': () => x.pow(y), '2 ** x': () => torch.pow(2, x), square: () => x.square(),
  relu: () => x.relu(), abs: () => x.abs(), sign: () => x.sign(), sgn: () => x.sgn(), exp2: () => x.exp2(),
  rsqrt: () => x.rsqrt(), erfinv: () => x.erfinv(), frac: () => x.frac(), reciprocal: () => x.reciprocal(),
  log1p: () => x.log1p(), maximum: () => torch.maximum(x, y), fmin: () => torch.fmin(x, y),
  'clamp scalars': () => x.clamp(-1, 1), 'clamp tensor': () => x.clamp(y, null), where: () => torch.where(x.gt(0), x, y),
  'lerp scalar': () => torch.lerp(x, y, 0.5), 'lerp tensor': () => torch.lerp(x, y, y), nan_to_num: () => x.nanToNum(),
  gelu: () => x.gelu(), silu: () => x.silu(), softplus: () => x.softplus(), round: () => x.round(),
  'round decimals': () => x.round({ decimals: 1 }), atan2: () => torch.atan2(x, y), hypot: () => torch.hypot(x, y),
  copysign: () => torch.copysign(x, y), xlogy: () => torch.xlogy(x, y), remainder: () => x.remainder(y),
  'remainder scalar': () => x.remainder(2), fmod: () => x.fmod(y), 'fmod scalar': () => x.fmod(2),
  sum: () => x.sum(), 'sum dim': () => x.sum(1), mean: () => x.mean(), 'mean dim': () => x.mean(1),
  prod: () => x.prod(), 'prod dim': () => x.prod(1), amax: () => x.amax(1), amin: () => x.amin(1),
  'max()': () => x.max(), 'max(dim)': () => x.max(1).values, 'min()': () => x.min(), 'min(dim)': () => x.min(1).values,
  std: () => x.std(), 'var dim': () => x.var(1), logsumexp: () => x.logsumexp(1), norm: () => x.norm(),
  cumsum: () => x.cumsum(1), cumprod: () => x.cumprod(1), softmax: () => x.softmax(1), log_softmax: () => x.logSoftmax(1),
  view: () => x.view(12), reshape: () => x.reshape(12), 'reshape copy': () => x.t().reshape(12), flatten: () => x.flatten(),
  unflatten: () => x.unflatten(1, [2, 2]), permute: () => x.permute(1, 0), transpose: () => x.transpose(0, 1),
  t: () => x.t(), mT: () => x.mT, expand: () => v.expand(3, 4), squeeze: () => x.unsqueeze(0).squeeze(),
  'squeeze dim': () => x.unsqueeze(0).squeeze(0), unsqueeze: () => x.unsqueeze(0), narrow: () => x.narrow(1, 1, 2),
  select: () => x.select(1, 1), diagonal: () => x.diagonal(), movedim: () => x.movedim(0, 1),
  'x[0, 1:3]': () => x.at(0, [1, 3]), 'x[0]': () => x.at(0), 'x[None]': () => x.at(null), 'x[..., 1]': () => x.at('...', 1),
  chunk: () => x.chunk(2, 1)[0]!, split: () => x.split(2, 1)[0]!, 'split sizes': () => x.split([1, 3], 1)[0]!,
  unbind: () => x.unbind(0)[0]!, cat: () => torch.cat([x, y]), stack: () => torch.stack([x, y]),
  'matmul 2-D': () => x.matmul(y.t()), mv: () => x.mv(v), dot: () => v.dot(v), outer: () => torch.outer(v, v),
  bmm: () => x.at(null).bmm(y.t().at(null)), 'matmul broadcast': () => x.at(null, null).expand(2, 2, 3, 4).matmul(y.t().at(null)),
  contiguous: () => x.t().contiguous(), clone: () => x.clone(), float64: () => x.float(),
  as_strided: () => x.asStrided([2, 2], [1, 2], 1),
  add_: () => inplace((a) => a.add_(y)), exp_: () => inplace((a) => a.exp_()), fill_: () => inplace((a) => a.fill_(1)),
  'fill_ tensor': () => inplace((a) => a.fill_(v.at(0))), zero_: () => inplace((a) => a.zero_()), copy_: () => inplace((a) => a.copy_(y)),
  setitem: () => inplace((a) => a.setAt([0], v)), clamp_: () => inplace((a) => a.clamp_(0, 1)), eq_: () => inplace((a) => a.eq_(0)),
};

describe('grad_fn names', () => {
  it('covers every fixture expression', () => {
    expect(Object.keys(expected).filter((k) => !(k in exprs))).toEqual([]);
  });
  for (const [k, name] of Object.entries(expected)) {
    it(`${k} -> ${name}`, () => {
      expect(exprs[k]!().gradFn?.name()).toBe(name);
    });
  }
});
