// @torchlet/autograd: the graph engine, the derivative table, grad modes, custom Functions,
// hooks, torch.autograd.grad, gradcheck and anomaly mode. Importing it makes ops differentiable.
import './install.js';

export { backward, grad } from './backward.js';
export type { BackwardRunOptions, GradOptions } from './backward.js';
export { enableGrad, inferenceMode, isGradEnabled, isInferenceModeEnabled, noGrad, setGradEnabled } from './gradMode.js';
export { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from './anomalyMode.js';
export { Function, FunctionCtx } from './function.js';
export type { ForwardArgs, FunctionArg } from './function.js';
export { gradcheck, GradcheckError, gradgradcheck } from './gradcheck.js';
export type { GradcheckFn, GradcheckInput, GradcheckOptions } from './gradcheck.js';
export { derivatives, registerDerivative } from './derivatives/index.js';
export type { Derivative, DerivativeTable, VjpContext } from './derivatives/types.js';
export { sumToShape } from './shapes.js';
export { autograd } from './namespace.js';
