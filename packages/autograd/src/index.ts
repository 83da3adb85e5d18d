// @torchlet/autograd: nothing is exported until its issue lands.
export {};
