// The Module forms of the likelihood losses: PoissonNLLLoss, GaussianNLLLoss and KLDivLoss.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import { gaussianNllLoss } from '../gaussianNll.js';
import { klDiv } from '../klDiv.js';
import { poissonNllLoss } from '../poissonNll.js';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import type { LegacyReductionOptions } from '../regression.js';
import { _Loss } from './base.js';

const POISSON_NLL_LOSS = signature<{ '': LegacyReductionArgs & { logInput: boolean; full: boolean; eps: number } }>(
  'PoissonNLLLoss(bool log_input=True, bool full=False, bool? size_average=None, float eps=1e-08, bool? reduce=None, str reduction="mean")',
);
const GAUSSIAN_NLL_LOSS = signature<{ '': { full: boolean; eps: number; reduction: string } }>(
  'GaussianNLLLoss(*, bool full=False, float eps=1e-06, str reduction="mean")',
);
const KL_DIV_LOSS = signature<{ '': LegacyReductionArgs & { logTarget: boolean } }>(
  'KLDivLoss(bool? size_average=None, bool? reduce=None, str reduction="mean", bool log_target=False)',
);

/** Options of `nn.PoissonNLLLoss`. */
export interface PoissonNLLLossOptions extends LegacyReductionOptions {
  logInput?: boolean;
  full?: boolean;
  eps?: number;
}

/**
 * `nn.PoissonNLLLoss(log_input=True, full=False, size_average=None, eps=1e-8, reduce=None,
 * reduction='mean')`: the Poisson negative log-likelihood.
 * @example new nn.PoissonNLLLoss().call(torch.tensor([0]).float(), torch.tensor([1]).float()) // tensor(1.)
 */
export class PoissonNLLLoss extends _Loss {
  logInput: boolean;
  full: boolean;
  eps: number;
  constructor(
    ...args: Args<[logInput: boolean, full: boolean, sizeAverage: boolean | null, eps: number, reduce: boolean | null, reduction: Reduction], PoissonNLLLossOptions>
  ) {
    const a = POISSON_NLL_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.logInput = a.logInput;
    this.full = a.full;
    this.eps = a.eps;
  }
  override forward(logInput: Tensor, target: Tensor): Tensor {
    return poissonNllLoss(logInput, target, { logInput: this.logInput, full: this.full, eps: this.eps, reduction: this.reduction as Reduction });
  }
}

/** Options of `nn.GaussianNLLLoss` (keyword-only in PyTorch). */
export interface GaussianNLLLossOptions {
  full?: boolean;
  eps?: number;
  reduction?: Reduction;
}

/**
 * `nn.GaussianNLLLoss(*, full=False, eps=1e-6, reduction='mean')`: the Gaussian negative
 * log-likelihood of a target given a mean and a variance.
 * @example new nn.GaussianNLLLoss().call(torch.zeros(2), torch.ones(2), torch.ones(2)) // tensor(0.5000)
 */
export class GaussianNLLLoss extends _Loss {
  full: boolean;
  eps: number;
  constructor(opts?: GaussianNLLLossOptions) {
    const a = GAUSSIAN_NLL_LOSS.parse(opts === undefined ? [] : [opts]);
    super(null, null, a.reduction as Reduction);
    this.full = a.full;
    this.eps = a.eps;
  }
  override forward(input: Tensor, target: Tensor, variance: Tensor): Tensor {
    return gaussianNllLoss(input, target, variance, { full: this.full, eps: this.eps, reduction: this.reduction as Reduction });
  }
}

/** Options of `nn.KLDivLoss`. */
export interface KLDivLossOptions {
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction | 'batchmean';
  logTarget?: boolean;
}

/**
 * `nn.KLDivLoss(size_average=None, reduce=None, reduction='mean', log_target=False)`: the KL
 * divergence of log-probabilities from a target distribution ('batchmean' is the true KL mean).
 * @example new nn.KLDivLoss({ reduction: 'batchmean' }).call(torch.tensor([[-1, -2]]).float(), torch.tensor([[0.5, 0.5]])) // tensor(0.8069)
 */
export class KLDivLoss extends _Loss {
  logTarget: boolean;
  constructor(
    ...args: Args<[sizeAverage: boolean | null, reduce: boolean | null, reduction: Reduction | 'batchmean', logTarget: boolean], KLDivLossOptions>
  ) {
    const a = KL_DIV_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.logTarget = a.logTarget;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return klDiv(input, target, { reduction: this.reduction as Reduction, logTarget: this.logTarget });
  }
}
