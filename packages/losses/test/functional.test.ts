// Every loss function against PyTorch (tools/fixtures/losses.py): values, input gradients,
// warnings and errors, and gradcheck in float64 with PyTorch's own outcome.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import { grad, gradcheck } from '@torchlet/autograd';
import { resetWarnings } from '../src/warnings.js';
import type { LossCase } from './fixtureCases.js';
import { DIVERGENT, argsOf, build, callLoss, fixture, mismatch } from './fixtureCases.js';

beforeAll(() => registerBackend(cpu()));
afterEach(() => vi.restoreAllMocks());


/** Runs the case, collecting the warnings it printed. */
function run(c: LossCase, args: unknown[]): { out?: Tensor; error?: Error; warnings: string[] } {
  resetWarnings();
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return { out: callLoss(c, args), warnings: spy.mock.calls.map((call) => String(call[0]).replace(/^UserWarning: /, '')) };
  } catch (error) {
    return { error: error as Error, warnings: spy.mock.calls.map((call) => String(call[0]).replace(/^UserWarning: /, '')) };
  } finally {
    spy.mockRestore();
  }
}

/** Whether torchlet's gradcheck passes on the case in float64 (log_softmax in front of the inputs when asked). */
function gradcheckPasses(c: LossCase, throughLogSoftmax: boolean): boolean {
  const fixed = argsOf(c, (t) => (t.isFloatingPoint() ? t.to('float64') : t));
  const leaves = c.grad.map((i) => (fixed[i] as Tensor).detach().requiresGrad_(true));
  const fn = (...xs: Tensor[]): Tensor => {
    const args = [...fixed];
    c.grad.forEach((i, k) => (args[i] = throughLogSoftmax ? xs[k]!.logSoftmax(-1) : xs[k]!));
    return callLoss(c, args);
  };
  try {
    return gradcheck(fn, leaves);
  } catch (e) {
    if ((e as Error).name === 'GradcheckError') return false;
    throw e;
  }
}

function register(c: LossCase): void {
  it(c.name, () => {
    const expected = DIVERGENT[c.name] ? { error: DIVERGENT[c.name]! } : c.expected;
    const args = argsOf(c, (t, i) => (i !== null && c.grad.includes(i) ? t.requiresGrad_(true) : t));
    const got = run(c, args);
    expect(got.warnings).toEqual(DIVERGENT[c.name] ? got.warnings : c.warnings);
    if ('error' in expected) {
      expect(got.error, 'expected an error').toBeDefined();
      expect(`${got.error!.name}: ${got.error!.message}`).toBe(`${expected.error.type}: ${expected.error.message}`);
      return;
    }
    if (got.error) throw got.error;
    const out = got.out!;
    expect(mismatch(out, expected.value)).toBe('');
    if (c.grad.length > 0) {
      const grads = grad(out, c.grad.map((i) => args[i] as Tensor), { gradOutputs: build(c.grad_output!), allowUnused: true });
      expected.grads.forEach((g, k) => {
        if (g === null) expect(grads[k]).toBeNull();
        else expect(mismatch(grads[k]!, g), `gradient of input ${c.grad[k]}`).toBe('');
      });
    }
  });
  if (c.gradcheck !== null) {
    it(`${c.name}: gradcheck ${c.gradcheck ? 'passes' : 'fails'} as in PyTorch`, () => {
      expect(gradcheckPasses(c, false)).toBe(c.gradcheck);
    });
  }
  if (c.gradcheck_log_softmax !== undefined && c.gradcheck_log_softmax !== null) {
    it(`${c.name}: gradcheck through log_softmax ${c.gradcheck_log_softmax ? 'passes' : 'fails'} as in PyTorch`, () => {
      expect(gradcheckPasses(c, true)).toBe(c.gradcheck_log_softmax);
    });
  }
}

const byFn = new Map<string, LossCase[]>();
for (const c of fixture.cases) byFn.set(c.fn, [...(byFn.get(c.fn) ?? []), c]);
describe(`losses vs PyTorch ${fixture.torch}`, () => {
  for (const [fn, cases] of byFn) describe(fn, () => cases.forEach(register));
});
