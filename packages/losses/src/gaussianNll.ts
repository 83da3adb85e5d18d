// torch.nn.functional.gaussian_nll_loss: the negative log-likelihood of a Gaussian target with
// predicted mean and variance (one per element, or one per sample broadcast along the last dim).

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature, where } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import { readsSync, sameShape } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { Reduction } from './reduction.js';
import { applyReduction, checkReductionName } from './reduction.js';

/** Options of `gaussianNllLoss`. */
export interface GaussianNllLossOptions {
  full?: boolean;
  eps?: number;
  reduction?: Reduction;
}

const GAUSSIAN_NLL_LOSS = signature<{ '': { input: Tensor; target: Tensor; var: Tensor; full: boolean; eps: number; reduction: string } }>(
  'gaussian_nll_loss(Tensor input, Tensor target, Tensor var, bool full=False, float eps=1e-06, str reduction="mean")',
);

/**
 * `F.gaussian_nll_loss(input, target, var, full=False, eps=1e-6, reduction='mean')`:
 * `½ (log(var) + (input - target)² / var)` (+ ½ log(2π) with `full`). `var` is clamped at `eps`
 * without stopping its gradient, as PyTorch clamps it under no_grad.
 * @example gaussianNllLoss(torch.zeros(2), torch.ones(2), torch.ones(2)) // tensor(0.5000)
 */
export function gaussianNllLoss(
  input: Tensor,
  target: Tensor,
  variance: Tensor,
  ...rest: Args<[full: boolean, eps: number, reduction: Reduction], GaussianNllLossOptions>
): Tensor {
  const a = GAUSSIAN_NLL_LOSS.parse([input, target, variance, ...rest]);
  const { input: x, target: t } = a;
  let v = a.var;
  if (!sameShape(v.shape, x.shape)) {
    if (sameShape(x.shape.slice(0, -1), v.shape)) v = v.unsqueeze(-1);
    else if (!(sameShape(x.shape.slice(0, -1), v.shape.slice(0, -1)) && v.shape[v.ndim - 1] === 1)) throw new ValueError('var is of incorrect size');
  }
  const reduction = checkReductionName(a.reduction);
  const negative = v.lt(0);
  if (readsSync(v) && negative.any().itemSync()) throw new ValueError('var has negative entry/entries');
  // the clamp is invisible to autograd: the gradient reaches var as if it were not clamped
  v = v.clone();
  const clamped = v;
  noGrad(() => clamped.clamp_(a.eps));
  let loss = v.log().add(x.sub(t).square().div(v)).mul(0.5);
  if (a.full) loss = loss.add(0.5 * Math.log(2 * Math.PI));
  if (!readsSync(v)) loss = where(negative, NaN, loss);
  return applyReduction(loss, reduction);
}
