// The reduction argument of every loss: PyTorch's torch.nn._Reduction (get_enum and
// legacy_get_string for the deprecated size_average / reduce flags) and the reduction itself.

import type { Tensor } from '@torchlet/tensor';
import { ValueError } from '@torchlet/tensor';
import { warn } from './warnings.js';

/** How a loss reduces its per-element values: `'mean'` (default), `'sum'` or `'none'`. */
export type Reduction = 'mean' | 'sum' | 'none';

/** The deprecated `size_average` / `reduce` flags and `reduction`, as every loss takes them. */
export interface LegacyReductionArgs {
  sizeAverage: boolean | null;
  reduce: boolean | null;
  reduction: string;
}

/**
 * `_Reduction.legacy_get_string`: the reduction the deprecated flags stand for (null counts as
 * true), with PyTorch's deprecation warning.
 * @example legacyGetString(false, null) // 'sum' (and warns)
 */
export function legacyGetString(sizeAverage: boolean | null, reduce: boolean | null, emitWarning = true): Reduction {
  const average = sizeAverage ?? true;
  const reduced = reduce ?? true;
  const ret: Reduction = average && reduced ? 'mean' : reduced ? 'sum' : 'none';
  if (emitWarning) warn(`size_average and reduce args will be deprecated, please use reduction='${ret}' instead.`);
  return ret;
}

/**
 * The reduction a loss call asked for: the legacy flags win when either is given (as in
 * PyTorch), else `reduction` unchanged (validated later, by `reductionEnum`).
 * @example resolveReduction({ sizeAverage: null, reduce: false, reduction: 'mean' }) // 'none'
 */
export function resolveReduction(a: LegacyReductionArgs): string {
  return a.sizeAverage !== null || a.reduce !== null ? legacyGetString(a.sizeAverage, a.reduce) : a.reduction;
}

/**
 * `_Reduction.get_enum`: checks a reduction name (`'elementwise_mean'` is the deprecated
 * spelling of `'mean'`). Throws PyTorch's ValueError for any other name.
 * @example reductionEnum('sum') // 'sum'
 */
export function reductionEnum(reduction: string): Reduction {
  if (reduction === 'none' || reduction === 'mean' || reduction === 'sum') return reduction;
  if (reduction === 'elementwise_mean') {
    warn("reduction='elementwise_mean' is deprecated, please use reduction='mean' instead.");
    return 'mean';
  }
  throw new ValueError(`${reduction} is not a valid value for reduction`);
}

/**
 * The check of the losses written in Python in PyTorch (`gaussian_nll_loss`, `poisson_nll_loss`,
 * `multilabel_soft_margin_loss`): same names, their own message.
 * @example checkReductionName('max') // throws ValueError('max is not valid')
 */
export function checkReductionName(reduction: string): Reduction {
  if (reduction === 'none' || reduction === 'mean' || reduction === 'sum') return reduction;
  throw new ValueError(`${reduction} is not valid`);
}

/**
 * `apply_loss_reduction`: the per-element losses, their mean or their sum.
 * @example applyReduction(torch.tensor([1, 2, 6]).float(), 'mean') // tensor(3.)
 */
export function applyReduction(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'mean') return loss.mean();
  if (reduction === 'sum') return loss.sum();
  return loss;
}
