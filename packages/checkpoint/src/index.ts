// @torchlet/checkpoint: nothing is exported until its issue lands.
export {};
