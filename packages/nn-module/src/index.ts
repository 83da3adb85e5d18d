// @torchlet/nn-module: nothing is exported until its issue lands.
export {};
