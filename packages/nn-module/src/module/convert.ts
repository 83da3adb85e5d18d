// Module._apply: converting every parameter, gradient and buffer (to(), float(), cpu(), …).
// Parameters and their gradients change in place (`set_`, PyTorch's `param.data = …`), so that
// references held by an optimizer stay valid; buffers are replaced, as in PyTorch.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { indexDtype } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import type { Module } from './module.js';

/** What `_apply` does to each tensor. */
export type TensorFn = (t: Tensor) => Tensor;

/** `module._apply(fn)`: children first, then the module's own parameters (in place) and buffers. */
export function applyToTensors(module: Module, fn: TensorFn): void {
  for (const child of module.children()) applyToTensors(child, fn);
  for (const p of module._parameters.values()) {
    if (p === null) continue;
    const applied = noGrad(() => fn(p));
    if (applied !== p) p.set_(applied);
    const g = p.grad;
    if (g !== null) {
      const ga = noGrad(() => fn(g));
      if (ga !== g) g.set_(ga);
    }
  }
  for (const [name, b] of module._buffers) {
    if (b !== null) (module as unknown as Record<string, unknown>)[name] = fn(b);
  }
}

/**
 * Buffers made int32 because their device has no int64 (WebGPU today: PyTorch's int64
 * counters such as `num_batches_tracked`); they become int64 again on a device that has it.
 */
const narrowedInt64 = new WeakSet<Tensor>();

/**
 * The conversion of `Module.to(device, dtype)`: floating tensors take `dtype`, every tensor moves
 * to `device` (int64 as int32 where the device has no int64).
 * @example applyToTensors(model, toConverter('webgpu', null))
 */
export function toConverter(device: Device | null, dtype: DType | null, move: (t: Tensor, device: Device) => Tensor = (t, d) => t.to(d)): TensorFn {
  return (t) => {
    const dev = device ?? t.device;
    let target = dtype !== null && t.isFloatingPoint() ? dtype : t.dtype;
    if (dev !== t.device) {
      const wide = indexDtype(dev) === 'int64';
      if (target === 'int64' && !wide) target = 'int32';
      else if (target === 'int32' && wide && narrowedInt64.has(t)) target = 'int64';
    }
    // narrowing happens where int64 is stored, widening where it will be
    const narrowing = target === 'int32' && t.dtype === 'int64';
    const r = narrowing ? move(t.to(target), dev) : move(t, dev).to(target);
    if (target === 'int32' && (narrowing || narrowedInt64.has(t))) narrowedInt64.add(r);
    return r;
  };
}
