// Gradient clipping against PyTorch (tools/fixtures/clip_grad.py): every norm type incl. ±inf
// and 0, with and without clipping, a parameter without grad, NaN, errorIfNonfinite; clipping
// by value; getTotalNorm; and the CPU-free path (no host read unless errorIfNonfinite).
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { clipGradNorm_, clipGradValue_, getTotalNorm } from '../src/index.js';
import type { Encoded, TensorValue } from './fixtureTools.js';
import { TOL, compareValues, decode, flatValues, loadFixture, toTensor } from './fixtureTools.js';

interface NormCase {
  name: string;
  grads: (TensorValue | null)[];
  max_norm: number;
  norm_type: Encoded;
  total_norm: TensorValue;
  clipped: (TensorValue | null)[];
}
interface ValueCase {
  name: string;
  grads: TensorValue[];
  clip_value: number;
  clipped: TensorValue[];
}
interface ErrorCase {
  name: string;
  grads: TensorValue[];
  max_norm: number;
  norm_type: Encoded;
  message: string | null;
}
const fx = loadFixture<{ norm: NormCase[]; value: ValueCase[]; errors: ErrorCase[] }>('clip_grad.json');

function params(grads: (TensorValue | null)[]): Tensor[] {
  return grads.map((g) => {
    if (g === null) return torch.zeros([1], { requiresGrad: true });
    const grad = toTensor(g);
    const p = torch.zerosLike(grad).requiresGrad_();
    p.grad = grad;
    return p;
  });
}

function same(actual: Tensor | null, expected: TensorValue | null): string {
  if (actual === null || expected === null) return actual === expected ? '' : 'grad presence differs';
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype} vs ${expected.dtype}`;
  return compareValues(flatValues([actual]), expected.values, TOL[expected.dtype]!);
}

describe('clipGradNorm_ matches PyTorch', () => {
  it.each(fx.norm.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const ps = params(c.grads);
    const total = clipGradNorm_(ps, c.max_norm, decode(c.norm_type));
    expect(same(total, c.total_norm)).toBe('');
    expect(total.shape).toEqual([]);
    ps.forEach((p, i) => expect(same(p.grad, c.clipped[i]!)).toBe(''));
  });

  it.each(fx.norm.map((c) => [c.name, c] as const))('getTotalNorm: %s', (_, c) => {
    const grads = c.grads.filter((g): g is TensorValue => g !== null).map(toTensor);
    expect(same(getTotalNorm(grads, { normType: decode(c.norm_type) }), c.total_norm)).toBe('');
  });

  it.each(fx.errors.map((c) => [c.name, c] as const))('errorIfNonfinite: %s', (_, c) => {
    const ps = params(c.grads);
    const call = () => clipGradNorm_(ps, c.max_norm, { normType: decode(c.norm_type), errorIfNonfinite: true });
    // PyTorch's message, naming torchlet's option
    if (c.message === null) expect(call).not.toThrow();
    else expect(call).toThrow(c.message.replace('`error_if_nonfinite=False`', '`errorIfNonfinite: false`'));
  });

  it('takes one tensor, the "inf" string, positional options, and returns tensor(0.) without grads', () => {
    const p = torch.tensor([3, -4], { dtype: 'float32', requiresGrad: true });
    p.grad = torch.tensor([3, -4], { dtype: 'float32' });
    expect(clipGradNorm_(p, 1, 'inf').itemSync()).toBe(4);
    expect(flatValues([p.grad])).toEqual([Math.fround(3 / (4 + 1e-6)), Math.fround(-4 / (4 + 1e-6))].map((v) => Math.fround(v)));
    const q = torch.zeros(2, { requiresGrad: true });
    const none = clipGradNorm_([q], 1, 2, false, null);
    expect(none.itemSync()).toBe(0);
    expect(none.dtype).toBe('float32');
    expect(() => clipGradNorm_([q], 1, { normTyp: 2 } as never)).toThrow("clipGradNorm_() got an unexpected keyword argument 'normTyp'");
  });
});

describe('clipGradValue_ matches PyTorch', () => {
  it.each(fx.value.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const ps = params(c.grads);
    expect(clipGradValue_(ps, c.clip_value)).toBeUndefined();
    ps.forEach((p, i) => expect(same(p.grad, c.clipped[i]!)).toBe(''));
  });

  it('takes the clip value by name', () => {
    const p = torch.zeros(3, { requiresGrad: true });
    p.grad = torch.tensor([-2, 0.5, 2], { dtype: 'float32' });
    clipGradValue_(p, { clipValue: 1 });
    expect(flatValues([p.grad])).toEqual([-1, 0.5, 1]);
  });
});
