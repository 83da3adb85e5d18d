// `torch.autograd`: the namespace the umbrella package exposes.

import { backward, grad } from './backward.js';
import { detectAnomaly, isAnomalyEnabled, setDetectAnomaly } from './anomalyMode.js';
import { Function, FunctionCtx } from './function.js';
import { gradcheck, GradcheckError, gradgradcheck } from './gradcheck.js';

/**
 * `torch.autograd`: `grad`, `backward`, `Function`, `gradcheck`, `gradgradcheck`, anomaly mode.
 * @example const [dx] = torch.autograd.grad(y, [x])
 */
export const autograd = {
  grad,
  backward,
  Function,
  FunctionCtx,
  gradcheck,
  gradgradcheck,
  GradcheckError,
  detectAnomaly,
  setDetectAnomaly,
  isAnomalyEnabled,
} as const;
