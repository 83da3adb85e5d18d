// Module._apply: converting every parameter, gradient and buffer (to(), float(), cpu(), …).
// Parameters and their gradients change in place (`set_`, PyTorch's `param.data = …`), so that
// references held by an optimizer stay valid; buffers are replaced, as in PyTorch.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { getBackend } from '@torchlet/tensor';
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
 * The conversion of `Module.to(device, dtype)`: floating tensors take `dtype`, every tensor moves
 * to `device` (`move`: how, for `toAsync`'s tensors read back beforehand).
 * @example applyToTensors(model, toConverter('webgpu', null))
 */
export function toConverter(device: Device | null, dtype: DType | null, move: (t: Tensor, device: Device) => Tensor = (t, d) => t.to(d)): TensorFn {
  return (t) => {
    const target = dtype !== null && t.isFloatingPoint() ? dtype : t.dtype;
    if (device === null || device === t.device) return t.to(target);
    // cast where the new dtype is stored (float64 → float32 before moving to WebGPU, which has no float64)
    return getBackend(t.device).dtypes.has(target) ? move(t.to(target), device) : move(t, device).to(target);
  };
}
