// The Module forms of the class losses: NLLLoss (and the deprecated NLLLoss2d), CrossEntropyLoss,
// BCELoss, BCEWithLogitsLoss (its `weight` and `pos_weight` are buffers, as in PyTorch).

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import { binaryCrossEntropy } from '../bce.js';
import { binaryCrossEntropyWithLogits } from '../bceWithLogits.js';
import { crossEntropy } from '../crossEntropy.js';
import type { Args } from '@torchlet/nn-module';
import { nllLoss } from '../nll.js';
import type { LegacyReductionArgs, Reduction } from '../reduction.js';
import type { LegacyReductionParams } from '../regression.js';
import { warn } from '../warnings.js';
import type { WeightedLossOptions } from './base.js';
import { _Loss, _WeightedLoss } from './base.js';

type WeightedArgs = LegacyReductionArgs & { weight: Tensor | null };

const NLL_LOSS = signature<{ '': WeightedArgs & { ignoreIndex: number } }>(
  'NLLLoss(Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean")',
);
const NLL_LOSS_2D = signature<{ '': WeightedArgs & { ignoreIndex: number } }>(
  'NLLLoss2d(Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean")',
);
const CROSS_ENTROPY_LOSS = signature<{ '': WeightedArgs & { ignoreIndex: number; labelSmoothing: number } }>(
  'CrossEntropyLoss(Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean", float label_smoothing=0.0)',
);
const BCE_LOSS = signature<{ '': WeightedArgs }>('BCELoss(Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")');
const BCE_WITH_LOGITS_LOSS = signature<{ '': WeightedArgs & { posWeight: Tensor | null } }>(
  'BCEWithLogitsLoss(Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean", Tensor? pos_weight=None)',
);

/** Options of `nn.NLLLoss`. */
export interface NLLLossOptions extends WeightedLossOptions {
  ignoreIndex?: number;
}
type NllParams = [weight: Tensor | null, sizeAverage: boolean | null, ignoreIndex: number, reduce: boolean | null, reduction: Reduction];

/**
 * `nn.NLLLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')`:
 * the negative log-likelihood of log-probabilities and class indices.
 * @example new nn.NLLLoss().call(torch.tensor([[-0.5, -1.0]]), torch.tensor([1])) // tensor(1.)
 */
export class NLLLoss extends _WeightedLoss {
  ignoreIndex: number;
  constructor(...args: Args<NllParams, NLLLossOptions>) {
    const a = NLL_LOSS.parse(args);
    super(a.weight, a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.ignoreIndex = a.ignoreIndex;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return nllLoss(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction as Reduction });
  }
}

/**
 * `nn.NLLLoss2d`: the deprecated name of `NLLLoss` (PyTorch warns).
 * @example new nn.NLLLoss2d() // warns, then behaves as nn.NLLLoss()
 */
export class NLLLoss2d extends NLLLoss {
  constructor(...args: Args<NllParams, NLLLossOptions>) {
    warn(
      'NLLLoss2d has been deprecated. Please use NLLLoss instead as a drop-in replacement and see https://pytorch.org/docs/master/nn.html#torch.nn.NLLLoss for more details.',
    );
    const a = NLL_LOSS_2D.parse(args);
    super(a.weight, a.sizeAverage, a.ignoreIndex, a.reduce, a.reduction as Reduction);
  }
}

/** Options of `nn.CrossEntropyLoss`. */
export interface CrossEntropyLossOptions extends NLLLossOptions {
  labelSmoothing?: number;
}

/**
 * `nn.CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None,
 * reduction='mean', label_smoothing=0.0)`: cross entropy of logits against class indices or
 * class probabilities.
 * @example new nn.CrossEntropyLoss().call(torch.tensor([[0.1, 0.2, 0.3]]), torch.tensor([1])) // tensor(1.1019)
 */
export class CrossEntropyLoss extends _WeightedLoss {
  ignoreIndex: number;
  labelSmoothing: number;
  constructor(...args: Args<[...NllParams, labelSmoothing: number], CrossEntropyLossOptions>) {
    const a = CROSS_ENTROPY_LOSS.parse(args);
    super(a.weight, a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.ignoreIndex = a.ignoreIndex;
    this.labelSmoothing = a.labelSmoothing;
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return crossEntropy(input, target, {
      weight: this.weight,
      ignoreIndex: this.ignoreIndex,
      reduction: this.reduction as Reduction,
      labelSmoothing: this.labelSmoothing,
    });
  }
}

/**
 * `nn.BCELoss(weight=None, size_average=None, reduce=None, reduction='mean')`: binary cross
 * entropy of probabilities.
 * @example new nn.BCELoss().call(torch.tensor([0.5]), torch.tensor([1]).float()) // tensor(0.6931)
 */
export class BCELoss extends _WeightedLoss {
  constructor(...args: Args<[weight: Tensor | null, ...LegacyReductionParams], WeightedLossOptions>) {
    const a = BCE_LOSS.parse(args);
    super(a.weight, a.sizeAverage, a.reduce, a.reduction as Reduction);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropy(input, target, { weight: this.weight, reduction: this.reduction as Reduction });
  }
}

/** Options of `nn.BCEWithLogitsLoss`. */
export interface BCEWithLogitsLossOptions extends WeightedLossOptions {
  posWeight?: Tensor | null;
}

/**
 * `nn.BCEWithLogitsLoss(weight=None, size_average=None, reduce=None, reduction='mean',
 * pos_weight=None)`: binary cross entropy of logits; `weight` and `pos_weight` are buffers.
 * @example new nn.BCEWithLogitsLoss().call(torch.tensor([0]).float(), torch.tensor([1]).float()) // tensor(0.6931)
 */
export class BCEWithLogitsLoss extends _Loss {
  declare readonly weight: Tensor | null;
  declare readonly pos_weight: Tensor | null;
  constructor(...args: Args<[weight: Tensor | null, ...LegacyReductionParams, posWeight: Tensor | null], BCEWithLogitsLossOptions>) {
    const a = BCE_WITH_LOGITS_LOSS.parse(args);
    super(a.sizeAverage, a.reduce, a.reduction as Reduction);
    this.registerBuffer('weight', a.weight);
    this.registerBuffer('pos_weight', a.posWeight);
  }
  override forward(input: Tensor, target: Tensor): Tensor {
    return binaryCrossEntropyWithLogits(input, target, { weight: this.weight, posWeight: this.pos_weight, reduction: this.reduction as Reduction });
  }
}
