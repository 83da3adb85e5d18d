// Second derivatives: gradgradcheck in float64 for one case of every loss (the first on random
// inputs whose gradcheck passes in PyTorch; the worked examples sit on L1's kink), and CTC's
// refusal, as in PyTorch, to differentiate its gradient.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import { grad, gradgradcheck } from '@torchlet/autograd';
import type { LossCase } from './fixtureCases.js';
import { argsOf, callLoss, fixture } from './fixtureCases.js';

registerBackend(cpu());

/** The case's loss as a function of its differentiable inputs, everything in float64. */
function lossOf(c: LossCase): { fn: (...xs: Tensor[]) => Tensor; leaves: Tensor[] } {
  const fixed = argsOf(c, (t) => (t.isFloatingPoint() ? t.to('float64') : t));
  const leaves = c.grad.map((i) => (fixed[i] as Tensor).detach().requiresGrad_(true));
  const fn = (...xs: Tensor[]): Tensor => {
    const args = [...fixed];
    c.grad.forEach((i, k) => (args[i] = c.fn === 'ctcLoss' ? xs[k]!.logSoftmax(-1) : xs[k]!));
    return callLoss(c, args);
  };
  return { fn, leaves };
}

const firsts = new Map<string, LossCase>();
for (const c of fixture.cases) {
  const passes = c.fn === 'ctcLoss' ? c.gradcheck_log_softmax === true : c.gradcheck === true;
  if (passes && !c.name.startsWith('example') && !firsts.has(c.fn)) firsts.set(c.fn, c);
}

describe('second derivatives', () => {
  it('covers every loss', () => expect(firsts.size).toBe(21));
  for (const [fn, c] of firsts) {
    if (fn === 'ctcLoss') {
      it(`${fn}: its gradient is not differentiable again (${c.name})`, () => {
        const { fn: f, leaves } = lossOf(c);
        const [g] = grad(f(...leaves), leaves, { createGraph: true });
        expect(g!.requiresGrad).toBe(true);
        expect(() => g!.sum().backward()).toThrow('derivative for aten::_ctc_loss_backward is not implemented');
      });
    } else {
      it(`${fn}: gradgradcheck (${c.name})`, () => {
        const { fn: f, leaves } = lossOf(c);
        expect(gradgradcheck(f, leaves)).toBe(true);
      });
    }
  }
});
