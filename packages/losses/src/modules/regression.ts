// The Module forms of the pointwise regression losses.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from '../regression.js';
import { huberLoss, l1Loss, mseLoss, smoothL1Loss } from '../regression.js';
import { _Loss } from './base.js';

const L1_LOSS = signature<{ '': LegacyReductionArgs }>('L1Loss(bool? size_average=None, bool? reduce=None, str reduction="mean")');
const MSE_LOSS = signature<{ '': LegacyReductionArgs }>('MSELoss(bool? size_average=None, bool? reduce=None, str reduction="mean")');
const HUBER_LOSS = signature<{ '': { reduction: string; delta: number } }>('HuberLoss(str reduction="mean", float delta=1.0)');
const SMOOTH_L1_LOSS = signature<{ '': LegacyReductionArgs & { beta: number } }>(
  'SmoothL1Loss(bool? size_average=None, bool? reduce=None, str reduction="mean", float beta=1.0)',
);

/**
 * `nn.L1Loss(size_average=None, reduce=None, reduction='mean')`: the mean absolute error.
 * @example new nn.L1Loss().call(torch.tensor([1, 2, 5]).float(), torch.tensor([1, 2, 3]).float()) // tensor(0.6667)
 */
export class L1Loss extends _Loss {
  constructor(...args: Args<LegacyReductionParams, LegacyReductionOptions>) {
    const a = L1_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return l1Loss(input, target, { reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.MSELoss(size_average=None, reduce=None, reduction='mean')`: the mean squared error.
 * @example new nn.MSELoss().call(torch.tensor([1, 2, 5]).float(), torch.tensor([1, 2, 3]).float()) // tensor(1.3333)
 */
export class MSELoss extends _Loss {
  constructor(...args: Args<LegacyReductionParams, LegacyReductionOptions>) {
    const a = MSE_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return mseLoss(input, target, { reduction: this.reduction as Reduction });
  }
}

/** Options of `nn.HuberLoss`. */
export interface HuberLossModuleOptions {
  reduction?: Reduction;
  delta?: number;
}

/**
 * `nn.HuberLoss(reduction='mean', delta=1.0)`: squared error below `delta`, linear above.
 * @example new nn.HuberLoss({ delta: 0.5 }).call(torch.tensor([2]).float(), torch.tensor([0]).float()) // tensor(0.8750)
 */
export class HuberLoss extends _Loss {
  delta: number;
  constructor(...args: Args<[reduction: Reduction, delta: number], HuberLossModuleOptions>) {
    const a = HUBER_LOSS.parse(args);
    super({ reduction: a.reduction as Reduction });
    this.delta = a.delta;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return huberLoss(input, target, { reduction: this.reduction as Reduction, delta: this.delta });
  }
}

/** Options of `nn.SmoothL1Loss`. */
export interface SmoothL1LossModuleOptions extends LegacyReductionOptions {
  beta?: number;
}

/**
 * `nn.SmoothL1Loss(size_average=None, reduce=None, reduction='mean', beta=1.0)`: squared error
 * (divided by `beta`) below `beta`, linear above.
 * @example new nn.SmoothL1Loss().call(torch.tensor([2]).float(), torch.tensor([0]).float()) // tensor(1.5000)
 */
export class SmoothL1Loss extends _Loss {
  beta: number;
  constructor(...args: Args<[...LegacyReductionParams, beta: number], SmoothL1LossModuleOptions>) {
    const a = SMOOTH_L1_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.beta = a.beta;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return smoothL1Loss(input, target, { reduction: this.reduction as Reduction, beta: this.beta });
  }
}
