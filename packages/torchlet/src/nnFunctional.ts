// torch.nn.functional, as torch.nn.F: @torchlet/nn-module's F (the layers' functions) and the
// losses' functions (lossFunctional.ts), in one object as torch.nn.utils joins its parts.
import { F as layerFunctions } from '@torchlet/nn-module';
import * as lossFunctions from './lossFunctional.js';

/**
 * `torch.nn.functional`: `F.relu`, `F.conv2d`, `F.dropout`, … and every loss (`F.crossEntropy`, `F.nllLoss`, …).
 * @example torch.nn.F.crossEntropy(model.call(x), labels, { labelSmoothing: 0.1 })
 */
export const F = { ...layerFunctions, ...lossFunctions };
