// torch.nn: Module, Parameter, containers, layers, init, utils and F (nn.functional).
export * from '@torchlet/nn-module';
