// nn.init against PyTorch (tools/fixtures/nn_models.py): every initialiser after a seed.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import * as nn from '../src/index.js';
import type { TensorValue } from './fixtureTools.js';
import { compare, loadFixture, options } from './fixtureTools.js';

interface InitCase {
  name: string;
  fn: string;
  shape: number[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  seed: number;
  values: TensorValue;
}
const fx = loadFixture<{ init: InitCase[]; gains: Record<string, number> }>('nn_models.json');
const camel = (fn: string): string => fn.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Draws that PyTorch makes in float32 only (uniform_, normal_, …) are compared bit for bit; QR and erfinv to float32 tolerance. */
const EXACT = new Set(['uniform_', 'normal_', 'constant_', 'ones_', 'zeros_', 'eye_', 'dirac_', 'xavier_uniform_', 'xavier_normal_', 'kaiming_uniform_', 'kaiming_normal_', 'sparse_']);

describe('nn.init against PyTorch', () => {
  for (const c of fx.init) {
    it(c.name, () => {
      torch.manualSeed(c.seed);
      const t = torch.empty(c.shape);
      const fn = (nn.init as unknown as Record<string, (t: Tensor, ...a: unknown[]) => Tensor>)[camel(c.fn)]!;
      const kw = options(c.kwargs);
      const r = Object.keys(kw).length > 0 ? fn(t, ...c.args, kw) : fn(t, ...c.args);
      expect(r).toBe(t);
      expect(compare(t, c.values, EXACT.has(c.fn) ? [0, 0] : undefined)).toBe('');
    });
  }
  it('calculateGain', () => {
    for (const [name, g] of Object.entries(fx.gains)) {
      const [n, p] = name.split(' ') as [string, string | undefined];
      expect(p === undefined ? nn.init.calculateGain(n) : nn.init.calculateGain(n, Number(p))).toBe(g);
    }
    expect(() => nn.init.calculateGain('nope')).toThrow('Unsupported nonlinearity nope');
  });
  it('refuses what PyTorch refuses', () => {
    expect(() => nn.init.eye_(torch.empty(2, 2, 2))).toThrow('Only tensors with 2 dimensions are supported');
    expect(() => nn.init.xavierUniform_(torch.empty(3))).toThrow('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
    expect(() => nn.init.kaimingUniform_(torch.empty(3, 3), { mode: 'fan_avg' as never })).toThrow("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']");
    expect(() => nn.init.dirac_(torch.empty(3, 2, 2), 2)).toThrow('dim 0 must be divisible by groups');
  });
  it('a parameter being initialised records nothing', () => {
    const p = new nn.Parameter(torch.empty(3, 4));
    nn.init.kaimingUniform_(p, { a: Math.sqrt(5) });
    expect(p.isLeaf).toBe(true);
    expect(p.gradFn).toBeNull();
  });
});
