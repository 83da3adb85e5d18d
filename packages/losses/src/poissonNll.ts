// torch.nn.functional.poisson_nll_loss: the negative log-likelihood of a Poisson target, for a
// log-rate or a rate, optionally with Stirling's approximation of log(target!).

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { applyReduction, checkReductionName, resolveReduction } from './reduction.js';

/** Options of `poissonNllLoss`. */
export interface PoissonNllLossOptions {
  logInput?: boolean;
  full?: boolean;
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  eps?: number;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction;
}

const POISSON_NLL_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; logInput: boolean; full: boolean; eps: number } }>(
  'poisson_nll_loss(Tensor input, Tensor target, bool log_input=True, bool full=False, bool? size_average=None, float eps=1e-08, bool? reduce=None, str reduction="mean")',
);

/**
 * `F.poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-8,
 * reduce=None, reduction='mean')`: `exp(input) - target * input` for a log-rate input, else
 * `input - target * log(input + eps)`; `full` adds Stirling's term where target > 1.
 * @example poissonNllLoss(torch.tensor([0, 1]).float(), torch.tensor([1, 2]).float(), { reduction: 'none' }) // tensor([1.0000, 0.7183])
 */
export function poissonNllLoss(
  input: Tensor,
  target: Tensor,
  ...rest: Args<
    [logInput: boolean, full: boolean, sizeAverage: boolean | null, eps: number, reduce: boolean | null, reduction: Reduction],
    PoissonNllLossOptions
  >
): Tensor {
  const a = POISSON_NLL_LOSS.parse([input, target, ...rest]);
  const reduction = checkReductionName(resolveReduction(a));
  const { input: x, target: t } = a;
  let loss = a.logInput ? x.exp().sub(t.mul(x)) : x.sub(t.mul(x.add(a.eps).log()));
  if (a.full) {
    const stirling = t.mul(t.log()).sub(t).add(t.mul(2 * Math.PI).log().mul(0.5));
    loss = loss.add(stirling.maskedFill(t.le(1), 0));
  }
  return applyReduction(loss, reduction);
}
