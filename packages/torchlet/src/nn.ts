// torch.nn: Module, Parameter, containers, layers, init, utils and F (torch.nn.functional, which
// gathers the layers' and the losses' functions). torch.nn.utils joins nn-module's utils and
// @torchlet/optim's gradient clipping.
import { utils as moduleUtils } from '@torchlet/nn-module';
import { clipGradUtils } from './nnUtilsClipGrad.js';

export * from '@torchlet/nn-module';
export * as F from './nnFunctional.js';

/**
 * torch.nn.utils: `parametersToVector`, `vectorToParameters`, `clipGradNorm_`, `clipGradValue_`, `getTotalNorm`.
 * @example torch.nn.utils.clipGradNorm_(model.parameters(), 1.0)
 */
export const utils = { ...moduleUtils, ...clipGradUtils };
