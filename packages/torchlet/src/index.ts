// torchlet: `import * as torch from 'torchlet'` — everything, with the CPU backend registered
// and autograd installed.
import { registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';

registerBackend(cpu());

export * from '@torchlet/tensor';
export { cpu };
export { autograd, enableGrad, inferenceMode, isGradEnabled, isInferenceModeEnabled, noGrad, setGradEnabled } from '@torchlet/autograd';
export * as nn from './nn.js';
export { cosineSimilarity, pairwiseDistance, pdist } from './distance.js';
export { datasets, transforms, utils } from './data.js';
// torch.save / torch.load (format by extension: .safetensors, else PyTorch's .pt), and the rest of
// @torchlet/checkpoint (safetensors, training checkpoints) under torch.checkpoint.
export { CheckpointError, load, save } from '@torchlet/checkpoint';
export * as checkpoint from '@torchlet/checkpoint';
export * as optim from './optim.js';
