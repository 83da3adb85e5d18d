// The base classes of the loss modules, as torch.nn.modules.loss has them: _Loss keeps the
// reduction (the legacy size_average / reduce flags resolved once, at construction), and
// _WeightedLoss registers the class weights as the buffer `weight` (a state_dict key).

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import { Module } from '@torchlet/nn-module';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import { resolveReduction } from '../reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from '../regression.js';

const LOSS = signature<{ '': LegacyReductionArgs }>('_Loss(bool? size_average=None, bool? reduce=None, str reduction="mean")');
const WEIGHTED_LOSS = signature<{ '': LegacyReductionArgs & { weight: Tensor | null } }>(
  '_WeightedLoss(Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);

/**
 * `torch.nn.modules.loss._Loss`: a Module with a `reduction` (`'mean'`, `'sum'` or `'none'`).
 * @example class MyLoss extends _Loss { forward(x: Tensor, y: Tensor) { return x.sub(y).abs().mean(); } }
 */
export class _Loss extends Module {
  /** How the loss reduces: `'mean'`, `'sum'` or `'none'` (read at every call). */
  reduction: string;

  constructor(...args: Args<LegacyReductionParams, LegacyReductionOptions>) {
    super();
    this.reduction = resolveReduction(LOSS.parse(args));
  }
}

/** Options of `_WeightedLoss`. */
export interface WeightedLossOptions extends LegacyReductionOptions {
  weight?: Tensor | null;
}

/**
 * `torch.nn.modules.loss._WeightedLoss`: a `_Loss` with class weights, registered as the buffer
 * `weight` (absent from the state_dict when null).
 * @example new nn.CrossEntropyLoss({ weight: torch.tensor([1, 2]).float() }).stateDict() // { weight: tensor([1., 2.]) }
 */
export class _WeightedLoss extends _Loss {
  /** The class weights (a buffer). */
  declare readonly weight: Tensor | null;

  constructor(...args: Args<[weight: Tensor | null, ...LegacyReductionParams], WeightedLossOptions>) {
    const a = WEIGHTED_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.registerBuffer('weight', a.weight);
  }
}
