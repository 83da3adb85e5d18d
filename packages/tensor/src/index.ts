// @torchlet/tensor: nothing is exported until its issue lands.
export {};
