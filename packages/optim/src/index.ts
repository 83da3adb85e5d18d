// @torchlet/optim: nothing is exported until its issue lands.
export {};
