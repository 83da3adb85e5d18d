// @torchlet/losses: nothing is exported until its issue lands.
export {};
