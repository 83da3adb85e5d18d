// torch.nn: Module, Parameter, containers, layers, init, utils, the loss Modules and F (nn.functional).
export * from '@torchlet/nn-module';
export {
  BCELoss, BCEWithLogitsLoss, CTCLoss, CosineEmbeddingLoss, CrossEntropyLoss, GaussianNLLLoss, HingeEmbeddingLoss, HuberLoss, KLDivLoss, L1Loss, MSELoss,
  MarginRankingLoss, MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss, NLLLoss, NLLLoss2d, PoissonNLLLoss, SmoothL1Loss, SoftMarginLoss,
  TripletMarginLoss, TripletMarginWithDistanceLoss,
} from '@torchlet/losses';
export * as F from './nnFunctional.js';
