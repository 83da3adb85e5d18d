// The Module forms of the triplet losses and of CTCLoss.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Lengths } from '../ctc/ctcLoss.js';
import { ctcLoss } from '../ctc/ctcLoss.js';
import type { Args } from '@torchlet/nn-module';
import { PairwiseDistance } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import type { DistanceFunction, TripletMarginLossOptions, TripletMarginWithDistanceLossOptions } from '../triplet.js';
import { tripletMarginLoss, tripletMarginWithDistanceLoss } from '../triplet.js';
import { _Loss } from './base.js';

const TRIPLET_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { margin: number; p: number; eps: number; swap: boolean } }>(
  'TripletMarginLoss(float margin=1.0, float p=2.0, float eps=1e-06, bool swap=False, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const TRIPLET_MARGIN_WITH_DISTANCE_LOSS = signature<{ '': { distanceFunction: unknown; margin: number; swap: boolean; reduction: string } }>(
  'TripletMarginWithDistanceLoss(*, Any? distance_function=None, float margin=1.0, bool swap=False, str reduction="mean")',
);
const CTC_LOSS = signature<{ '': { blank: number; reduction: string; zeroInfinity: boolean } }>('CTCLoss(int blank=0, str reduction="mean", bool zero_infinity=False)');

/**
 * `nn.TripletMarginLoss(margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None, reduce=None,
 * reduction='mean')`.
 * @example new nn.TripletMarginLoss().call(torch.zeros(1, 2), torch.zeros(1, 2), torch.ones(1, 2)) // tensor(0.)
 */
export class TripletMarginLoss extends _Loss {
  margin: number;
  p: number;
  eps: number;
  swap: boolean;
  constructor(
    ...args: Args<
      [margin: number, p: number, eps: number, swap: boolean, sizeAverage: boolean | null, reduce: boolean | null, reduction: Reduction],
      TripletMarginLossOptions
    >
  ) {
    const a = TRIPLET_MARGIN_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.margin = a.margin;
    this.p = a.p;
    this.eps = a.eps;
    this.swap = a.swap;
  }
  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return tripletMarginLoss(anchor, positive, negative, { margin: this.margin, p: this.p, eps: this.eps, swap: this.swap, reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.TripletMarginWithDistanceLoss(*, distance_function=None, margin=1.0, swap=False,
 * reduction='mean')`: the triplet loss with any distance (a function or a module; the
 * Euclidean pairwise distance by default).
 * @example new nn.TripletMarginWithDistanceLoss({ margin: 2 }).call(torch.zeros(1, 2), torch.zeros(1, 2), torch.ones(1, 2)) // tensor(0.5858)
 */
export class TripletMarginWithDistanceLoss extends _Loss {
  /** The distance: the function or module given, else a `PairwiseDistance()` child (PyTorch's name, as its repr shows). */
  declare distance_function: DistanceFunction;
  margin: number;
  swap: boolean;
  constructor(opts?: TripletMarginWithDistanceLossOptions) {
    const a = TRIPLET_MARGIN_WITH_DISTANCE_LOSS.parse(opts === undefined ? [] : [opts]);
    super({ reduction: a.reduction as Reduction });
    this.distance_function = (a.distanceFunction as DistanceFunction | null) ?? (new PairwiseDistance() as unknown as DistanceFunction);
    this.margin = a.margin;
    this.swap = a.swap;
  }
  override forward(anchor: Tensor, positive: Tensor, negative: Tensor): Tensor {
    return tripletMarginWithDistanceLoss(anchor, positive, negative, {
      distanceFunction: this.distance_function,
      margin: this.margin,
      swap: this.swap,
      reduction: this.reduction as Reduction,
    });
  }
}

/** Options of `nn.CTCLoss`. */
export interface CTCLossOptions {
  blank?: number;
  reduction?: Reduction;
  zeroInfinity?: boolean;
}

/**
 * `nn.CTCLoss(blank=0, reduction='mean', zero_infinity=False)`: the connectionist temporal
 * classification loss of (T, N, C) log-probabilities.
 * @example new nn.CTCLoss().call(torch.zeros(2, 1, 2).logSoftmax(2), torch.tensor([[1]]), [2], [1]) // tensor(0.2877)
 */
export class CTCLoss extends _Loss {
  blank: number;
  zeroInfinity: boolean;
  constructor(...args: Args<[blank: number, reduction: Reduction, zeroInfinity: boolean], CTCLossOptions>) {
    const a = CTC_LOSS.parse(args);
    super({ reduction: a.reduction as Reduction });
    this.blank = a.blank;
    this.zeroInfinity = a.zeroInfinity;
  }
  override forward(logProbs: Tensor, targets: Tensor, inputLengths: Lengths, targetLengths: Lengths): Tensor {
    return ctcLoss(logProbs, targets, inputLengths, targetLengths, { blank: this.blank, reduction: this.reduction as Reduction, zeroInfinity: this.zeroInfinity });
  }
}
