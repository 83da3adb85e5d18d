// @torchlet/losses: every torch.nn loss, as a function (torch.nn.functional's, camelCased) and as a Module.

export type { Reduction } from './reduction.js';
export type { LegacyReductionOptions } from './regression.js';
export { l1Loss, mseLoss, huberLoss, smoothL1Loss } from './regression.js';
export type { HuberLossOptions, SmoothL1LossOptions } from './regression.js';
export { nllLoss } from './nll.js';
export type { NllLossOptions } from './nll.js';
export { crossEntropy } from './crossEntropy.js';
export type { CrossEntropyOptions } from './crossEntropy.js';
export { binaryCrossEntropy } from './bce.js';
export type { BinaryCrossEntropyOptions } from './bce.js';
export { binaryCrossEntropyWithLogits } from './bceWithLogits.js';
export type { BinaryCrossEntropyWithLogitsOptions } from './bceWithLogits.js';
export { klDiv } from './klDiv.js';
export type { KlDivOptions } from './klDiv.js';
export { poissonNllLoss } from './poissonNll.js';
export type { PoissonNllLossOptions } from './poissonNll.js';
export { gaussianNllLoss } from './gaussianNll.js';
export type { GaussianNllLossOptions } from './gaussianNll.js';
export { cosineEmbeddingLoss, hingeEmbeddingLoss, marginRankingLoss, softMarginLoss } from './margin.js';
export type { MarginLossOptions } from './margin.js';
export { multiMarginLoss } from './multiMargin.js';
export type { MultiMarginLossOptions } from './multiMargin.js';
export { multilabelMarginLoss, multilabelSoftMarginLoss } from './multilabel.js';
export type { MultilabelSoftMarginLossOptions } from './multilabel.js';
export { tripletMarginLoss, tripletMarginWithDistanceLoss } from './triplet.js';
export type { DistanceFunction, TripletMarginLossOptions, TripletMarginWithDistanceLossOptions } from './triplet.js';
export { ctcLoss } from './ctc/ctcLoss.js';
export type { CtcLossOptions, Lengths } from './ctc/ctcLoss.js';
// the Module forms (torch.nn's classes)
export { _Loss, _WeightedLoss } from './modules/base.js';
export type { WeightedLossOptions } from './modules/base.js';
export { HuberLoss, L1Loss, MSELoss, SmoothL1Loss } from './modules/regression.js';
export type { HuberLossModuleOptions, SmoothL1LossModuleOptions } from './modules/regression.js';
export { BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, NLLLoss, NLLLoss2d } from './modules/classification.js';
export type { BCEWithLogitsLossOptions, CrossEntropyLossOptions, NLLLossOptions } from './modules/classification.js';
export { GaussianNLLLoss, KLDivLoss, PoissonNLLLoss } from './modules/probabilistic.js';
export type { GaussianNLLLossOptions, KLDivLossOptions, PoissonNLLLossOptions } from './modules/probabilistic.js';
export {
  CosineEmbeddingLoss, HingeEmbeddingLoss, MarginRankingLoss, MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss, SoftMarginLoss,
} from './modules/margin.js';
export type { MultiMarginLossModuleOptions } from './modules/margin.js';
export { CTCLoss, TripletMarginLoss, TripletMarginWithDistanceLoss } from './modules/sequence.js';
export type { CTCLossOptions } from './modules/sequence.js';
