// Where a GPUDevice comes from: `navigator.gpu` in the browser, the `webgpu`
// package (Dawn) in Node. The package is loaded only when there is no
// `navigator.gpu`, so a browser bundle never needs it.

import { RuntimeError } from '@torchlet/tensor/backend';

/** How to get a device: an existing adapter or device, or the adapter's power preference. */
export interface WebGpuOptions {
  /** Use this adapter instead of requesting one. */
  adapter?: GPUAdapter;
  /** Use this device (its adapter's limits apply); `adapter` and `powerPreference` are ignored. */
  device?: GPUDevice;
  /** Passed to `requestAdapter`. */
  powerPreference?: GPUPowerPreference;
  /**
   * Device bytes in use above which the backend asks the JavaScript engine for a
   * garbage collection, so that tensors the program dropped without `dispose()`
   * give their buffers back (their finalizers run at the next `await`). Later
   * collections happen above twice the level memory fell back to. Default 256 MiB;
   * `Infinity` never asks. Needs `globalThis.gc` or Node (where it is obtained
   * through `v8`); a browser collects on its own schedule only.
   */
  gcThresholdBytes?: number;
  /**
   * Measure the float32 matmul tile shapes on the first product of each size class
   * and use the fastest from then on (default: on, except on CPU fallback adapters
   * such as SwiftShader, where the measurement would take seconds).
   */
  autotune?: boolean;
  /** Use subgroup operations in reductions and softmax where the device has them (default true). */
  subgroups?: boolean;
}

interface DawnModule {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

// Dawn's GPU object must outlive every dispatch: if it is garbage-collected the
// next dispatch aborts the process (TOOLCHAIN.md), so it is held here for good.
let dawnGpu: GPU | undefined;

async function nodeGpu(): Promise<GPU> {
  if (dawnGpu) return dawnGpu;
  // a computed specifier keeps bundlers from pulling the native module into browser builds
  const specifier = ['web', 'gpu'].join('');
  let mod: DawnModule;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as DawnModule;
  } catch (e) {
    throw new RuntimeError(`webgpu: no navigator.gpu and the 'webgpu' package (Dawn for Node) could not be loaded: ${(e as Error).message}`);
  }
  // Dawn's classes (GPUBufferUsage, …) are globals in a browser; Node needs them installed
  for (const [name, value] of Object.entries(mod.globals)) {
    if (!(name in globalThis)) (globalThis as Record<string, unknown>)[name] = value;
  }
  dawnGpu = mod.create([]);
  return dawnGpu;
}

/**
 * The device to run on, with the largest buffer limits the adapter allows.
 *
 * @example const device = await acquireDevice({ powerPreference: 'high-performance' });
 */
export async function acquireDevice(options: WebGpuOptions): Promise<GPUDevice> {
  if (options.device) return options.device;
  let adapter = options.adapter ?? null;
  if (!adapter) {
    const gpu = typeof navigator !== 'undefined' && navigator.gpu ? navigator.gpu : await nodeGpu();
    adapter = await gpu.requestAdapter(options.powerPreference ? { powerPreference: options.powerPreference } : {});
  }
  if (!adapter) throw new RuntimeError('webgpu: no WebGPU adapter is available on this machine');
  // A feature is there only when requested. Dawn offers no shader-f16 on NVIDIA's Vulkan
  // driver unless the adapter toggle vulkan_enable_f16_on_nvidia is set (crbug.com/42251215);
  // subgroups it offers where the driver has the subgroup operations and size control.
  const wanted: GPUFeatureName[] = ['shader-f16', 'subgroups'];
  const requiredFeatures = wanted.filter((f) => adapter.features.has(f));
  const l = adapter.limits;
  return adapter.requestDevice({
    requiredFeatures,
    requiredLimits: {
      maxStorageBufferBindingSize: l.maxStorageBufferBindingSize,
      maxBufferSize: l.maxBufferSize,
      maxStorageBuffersPerShaderStage: Math.min(l.maxStorageBuffersPerShaderStage, 8),
      maxComputeWorkgroupStorageSize: l.maxComputeWorkgroupStorageSize,
      maxComputeInvocationsPerWorkgroup: l.maxComputeInvocationsPerWorkgroup,
    },
  });
}
