// torchlet: `import * as torch from 'torchlet'` — everything, with the CPU backend registered
// and autograd installed.
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';

registerBackend(cpu());

export * from '@torchlet/tensor';
export { cpu };
export { autograd, enableGrad, inferenceMode, isGradEnabled, isInferenceModeEnabled, noGrad, setGradEnabled } from '@torchlet/autograd';
export * as nn from './nn.js';
