// @torchlet/cpu-backend: nothing is exported until its issue lands.
export {};
