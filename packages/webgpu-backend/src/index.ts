// @torchlet/webgpu-backend: the WebGPU implementation of the backend contract.
/// <reference types="@webgpu/types" />
export { webgpu } from './backend.js';
export type { WebGpuBackend } from './backend.js';
export type { WebGpuOptions } from './gpu.js';
export type { GpuBuffer } from './runtime.js';
export type { PoolStats } from './pool.js';
export { DEVICE_LOST_EVENT } from './faults.js';
