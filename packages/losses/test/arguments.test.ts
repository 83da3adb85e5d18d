// How the losses take their arguments: PyTorch's signatures (names, order, defaults, keyword-only
// markers, from inspect.signature of PyTorch 1.13) declared once through the binder, positional
// and by-name forms that agree, and the binder's TypeErrors.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { TorchTypeError, registerBackend, signatureRegistry, tensor } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import '@torchlet/autograd';
import * as losses from '../src/index.js';
import { resetWarnings } from '../src/warnings.js';

registerBackend(cpu());

interface SignatureCase {
  name: string;
  params: { name: string; has_default: boolean; default: unknown; kw_only: boolean }[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixtures/loss_signatures.json', import.meta.url), 'utf8')) as { torch: string; cases: SignatureCase[] };
const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity };

describe(`signatures match PyTorch ${fixture.torch}`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const declared = signatureRegistry.filter((s) => s.overloads[0]!.name === c.name);
      expect(declared, 'declared once').toHaveLength(1);
      const params = declared[0]!.overloads[0]!.params.map((p) => ({ name: p.pyName, has_default: p.hasDefault, default: p.hasDefault ? p.defaultValue : null, kw_only: p.kwOnly }));
      const expected = c.params.map((p) => ({ ...p, default: typeof p.default === 'string' && p.default in SPECIALS ? SPECIALS[p.default] : p.default }));
      expect(params).toEqual(expected);
    });
  }
});

describe('call forms', () => {
  const x = tensor([[0.5, -1.0, 2.0], [0.1, 0.2, -0.3]]);
  const t = tensor([2, 0]);
  const w = tensor([1, 2, 0.5]);

  it('positional arguments in PyTorch order equal the options object', () => {
    const a = losses.crossEntropy(x, t, w, null, 1, null, 'sum', 0.1);
    const b = losses.crossEntropy(x, t, { weight: w, ignoreIndex: 1, reduction: 'sum', labelSmoothing: 0.1 });
    const c = losses.crossEntropy(x, t, w, { labelSmoothing: 0.1, reduction: 'sum', ignoreIndex: 1 });
    expect(a.itemSync()).toBe(b.itemSync());
    expect(c.itemSync()).toBe(b.itemSync());
    expect(new losses.CrossEntropyLoss(w, null, 1, null, 'sum', 0.1).call(x, t).itemSync()).toBe(b.itemSync());
    expect(new losses.CrossEntropyLoss({ weight: w, ignoreIndex: 1, reduction: 'sum', labelSmoothing: 0.1 }).call(x, t).itemSync()).toBe(b.itemSync());
  });

  it('refuses unknown names, repeated arguments and wrong types as PyTorch does', () => {
    expect(() => losses.crossEntropy(x, t, { ignore: 1 } as never)).toThrow(TorchTypeError);
    expect(() => losses.crossEntropy(x, t, { ignore: 1 } as never)).toThrow("crossEntropy() got an unexpected keyword argument 'ignore' (it takes: input, target, weight, sizeAverage, ignoreIndex, reduce, reduction, labelSmoothing)");
    expect(() => losses.crossEntropy(x, t, w, { weight: w })).toThrow("crossEntropy() got multiple values for argument 'weight'");
    expect(() => losses.l1Loss(x, x, { reduction: 1 as never })).toThrow("l1Loss(): argument 'reduction' must be str, not int");
    expect(() => new losses.GaussianNLLLoss(true as never)).toThrow(TorchTypeError);
    expect(() => new losses.MultiMarginLoss({ p: 1.5 as never })).toThrow("MultiMarginLoss(): argument 'p' must be int, not float");
  });

  it('takes the legacy flags once, with the warning, and overrides reduction by them', () => {
    resetWarnings();
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const y = tensor([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
    expect(losses.l1Loss(x, y, { sizeAverage: false, reduction: 'none' }).itemSync()).toBeCloseTo(4.1, 6);
    expect(losses.l1Loss(x, y, false).itemSync()).toBeCloseTo(4.1, 6);
    expect(spy.mock.calls).toEqual([["UserWarning: size_average and reduce args will be deprecated, please use reduction='sum' instead."]]);
    spy.mockRestore();
  });

  it('the distance function of the triplet loss may be a function or a module-like object', () => {
    const a = tensor([[0, 0]], { dtype: 'float32' });
    const p = tensor([[0, 1]], { dtype: 'float32' });
    const n = tensor([[3, 4]], { dtype: 'float32' });
    const l1 = (u: typeof a, v: typeof a) => u.sub(v).abs().sum(1);
    expect(losses.tripletMarginWithDistanceLoss(a, p, n, { distanceFunction: l1 }).itemSync()).toBe(0);
    expect(losses.tripletMarginWithDistanceLoss(a, p, n, { distanceFunction: { call: l1 }, margin: 7 }).itemSync()).toBe(1);
    expect(() => losses.tripletMarginWithDistanceLoss(a, p, n, { distanceFunction: 3 as never })).toThrow("'int' object is not callable");
  });
});
