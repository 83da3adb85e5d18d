// @torchlet/webgpu-backend: nothing is exported until its issue lands.
export {};
