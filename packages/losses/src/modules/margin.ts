// The Module forms of the margin losses.

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import type { MarginLossOptions } from '../margin.js';
import { cosineEmbeddingLoss, hingeEmbeddingLoss, marginRankingLoss, softMarginLoss } from '../margin.js';
import { multiMarginLoss } from '../multiMargin.js';
import { multilabelMarginLoss, multilabelSoftMarginLoss } from '../multilabel.js';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from '../regression.js';
import type { WeightedLossOptions } from './base.js';
import { _Loss, _WeightedLoss } from './base.js';

type MarginArgs = LegacyReductionArgs & { margin: number };
type MarginParams = [margin: number, ...LegacyReductionParams];

const HINGE_EMBEDDING_LOSS = signature<{ '': MarginArgs }>(
  'HingeEmbeddingLoss(float margin=1.0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const MARGIN_RANKING_LOSS = signature<{ '': MarginArgs }>(
  'MarginRankingLoss(float margin=0.0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const COSINE_EMBEDDING_LOSS = signature<{ '': MarginArgs }>(
  'CosineEmbeddingLoss(float margin=0.0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const SOFT_MARGIN_LOSS = signature<{ '': LegacyReductionArgs }>('SoftMarginLoss(bool? size_average=None, bool? reduce=None, str reduction="mean")');
const MULTI_LABEL_MARGIN_LOSS = signature<{ '': LegacyReductionArgs }>(
  'MultiLabelMarginLoss(bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const MULTI_LABEL_SOFT_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { weight: Tensor | null } }>(
  'MultiLabelSoftMarginLoss(Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const MULTI_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { p: number; margin: number; weight: Tensor | null } }>(
  'MultiMarginLoss(int p=1, float margin=1.0, Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);

/**
 * `nn.HingeEmbeddingLoss(margin=1.0, size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.HingeEmbeddingLoss().call(torch.tensor([0.5]), torch.tensor([-1]).float()) // tensor(0.5000)
 */
export class HingeEmbeddingLoss extends _Loss {
  margin: number;
  constructor(...args: Args<MarginParams, MarginLossOptions>) {
    const a = HINGE_EMBEDDING_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.margin = a.margin;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return hingeEmbeddingLoss(input, target, { margin: this.margin, reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.MarginRankingLoss(margin=0.0, size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.MarginRankingLoss().call(torch.tensor([1]).float(), torch.tensor([2]).float(), torch.tensor([1]).float()) // tensor(1.)
 */
export class MarginRankingLoss extends _Loss {
  margin: number;
  constructor(...args: Args<MarginParams, MarginLossOptions>) {
    const a = MARGIN_RANKING_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.margin = a.margin;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return marginRankingLoss(input1, input2, target, { margin: this.margin, reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.CosineEmbeddingLoss(margin=0.0, size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.CosineEmbeddingLoss().call(torch.tensor([[1, 0]]).float(), torch.tensor([[0, 1]]).float(), torch.tensor([1]).float()) // tensor(1.)
 */
export class CosineEmbeddingLoss extends _Loss {
  margin: number;
  constructor(...args: Args<MarginParams, MarginLossOptions>) {
    const a = COSINE_EMBEDDING_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.margin = a.margin;
  }
  override forward(input1: Tensor, input2: Tensor, target: Tensor): Tensor {
    return cosineEmbeddingLoss(input1, input2, target, { margin: this.margin, reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.SoftMarginLoss(size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.SoftMarginLoss().call(torch.tensor([0]).float(), torch.tensor([1]).float()) // tensor(0.6931)
 */
export class SoftMarginLoss extends _Loss {
  constructor(...args: Args<LegacyReductionParams, LegacyReductionOptions>) {
    const a = SOFT_MARGIN_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return softMarginLoss(input, target, { reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.MultiLabelMarginLoss(size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.MultiLabelMarginLoss().call(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([[3, 0, -1, 1]])) // tensor(0.8500)
 */
export class MultiLabelMarginLoss extends _Loss {
  constructor(...args: Args<LegacyReductionParams, LegacyReductionOptions>) {
    const a = MULTI_LABEL_MARGIN_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return multilabelMarginLoss(input, target, { reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.MultiLabelSoftMarginLoss(weight=None, size_average=None, reduce=None, reduction='mean')`.
 * @example new nn.MultiLabelSoftMarginLoss().call(torch.tensor([[0, 0]]).float(), torch.tensor([[1, 0]]).float()) // tensor(0.6931)
 */
export class MultiLabelSoftMarginLoss extends _WeightedLoss {
  constructor(...args: Args<[weight: Tensor | null, ...LegacyReductionParams], WeightedLossOptions>) {
    const a = MULTI_LABEL_SOFT_MARGIN_LOSS.parse(args);
    super(a.weight, a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return multilabelSoftMarginLoss(input, target, { weight: this.weight, reduction: this.reduction as Reduction });
  }
}

/** Options of `nn.MultiMarginLoss`. */
export interface MultiMarginLossModuleOptions extends WeightedLossOptions {
  p?: 1 | 2;
  margin?: number;
}

/**
 * `nn.MultiMarginLoss(p=1, margin=1.0, weight=None, size_average=None, reduce=None,
 * reduction='mean')`: the multi-class hinge loss (p is 1 or 2).
 * @example new nn.MultiMarginLoss().call(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3])) // tensor(0.3250)
 */
export class MultiMarginLoss extends _WeightedLoss {
  p: number;
  margin: number;
  constructor(...args: Args<[p: 1 | 2, margin: number, weight: Tensor | null, ...LegacyReductionParams], MultiMarginLossModuleOptions>) {
    const a = MULTI_MARGIN_LOSS.parse(args);
    super(a.weight, a.sizeAverage, a.reduce, a.reduction as Reduction);
    if (a.p !== 1 && a.p !== 2) throw new ValueError('only p == 1 and p == 2 supported');
    // PyTorch asserts this (an AssertionError without a message)
    if (a.weight !== null && a.weight.ndim !== 1) throw new ValueError('weight must be one-dimensional');
    this.p = a.p;
    this.margin = a.margin;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return multiMarginLoss(input, target, { p: this.p as 1 | 2, margin: this.margin, weight: this.weight, reduction: this.reduction as Reduction });
  }
}
