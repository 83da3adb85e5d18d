// torch.nn: Module, Parameter, containers, layers, init, utils, and F (torch.nn.functional, which
// gathers the layers' and the losses' functions).
export * from '@torchlet/nn-module';
export * as F from './nnFunctional.js';
