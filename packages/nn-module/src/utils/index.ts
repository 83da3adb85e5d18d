// nn.utils: what torch.nn.utils holds for modules (clip_grad_norm_ lives in @torchlet/optim).
export { parametersToVector, vectorToParameters } from './vector.js';
