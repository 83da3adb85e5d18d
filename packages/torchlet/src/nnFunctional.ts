// torch.nn.F (torch.nn.functional): the layers' functions from @torchlet/nn-module; the losses'
// functions join them from @torchlet/losses once it exports them.
export * from '@torchlet/nn-module/functional';
