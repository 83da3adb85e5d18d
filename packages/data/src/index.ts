// @torchlet/data: nothing is exported until its issue lands.
export {};
