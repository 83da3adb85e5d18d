// torch.nn: Module, Parameter, containers, layers, init, utils, the loss Modules and F (nn.functional).
// torch.nn.utils joins nn-module's utils and @torchlet/optim's gradient clipping.
import { utils as moduleUtils } from '@torchlet/nn-module';
import { clipGradUtils } from './nnUtilsClipGrad.js';

export * from '@torchlet/nn-module';

/**
 * torch.nn.utils: `parametersToVector`, `vectorToParameters`, `clipGradNorm_`, `clipGradValue_`, `getTotalNorm`.
 * @example torch.nn.utils.clipGradNorm_(model.parameters(), 1.0)
 */
export const utils = { ...moduleUtils, ...clipGradUtils };
export {
  BCELoss, BCEWithLogitsLoss, CTCLoss, CosineEmbeddingLoss, CrossEntropyLoss, GaussianNLLLoss, HingeEmbeddingLoss, HuberLoss, KLDivLoss, L1Loss, MSELoss,
  MarginRankingLoss, MultiLabelMarginLoss, MultiLabelSoftMarginLoss, MultiMarginLoss, NLLLoss, NLLLoss2d, PoissonNLLLoss, SmoothL1Loss, SoftMarginLoss,
  TripletMarginLoss, TripletMarginWithDistanceLoss,
} from '@torchlet/losses';
export { F } from './nnFunctional.js';
