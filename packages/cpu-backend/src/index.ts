// @torchlet/cpu-backend: the CPU implementation of the backend contract.
export { cpu } from './backend.js';
export type { CpuBuffer, CpuView } from './buffer.js';
