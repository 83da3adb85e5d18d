// What elementwise ops accept besides tensors: plain numbers, booleans, bigints.

import { RuntimeError } from './errors.js';
import type { Device } from './device.js';
import { Tensor } from './tensor.js';

/** A plain JS value that broadcasts like a Python scalar. */
export type Scalar = number | boolean | bigint;
/** A tensor or a scalar, as PyTorch's binary ops take them. */
export type TensorOrScalar = Tensor | Scalar;

/** `torch.is_tensor(x)`: whether `x` is a Tensor (a type guard). @example torch.isTensor(torch.ones(1)) // true */
export function isTensor(x: unknown): x is Tensor {
  return x instanceof Tensor;
}

/** A scalar as the number a backend receives. @example scalarValue(true) // 1 */
export function scalarValue(v: Scalar): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
}

/** The one device every tensor operand is on, or PyTorch's mixed-device error. */
export function checkSameDevice(operands: readonly unknown[]): Device | undefined {
  let device: Device | undefined;
  for (const op of operands) {
    if (!(op instanceof Tensor)) continue;
    // 0-d CPU tensors mix with any device, as in PyTorch
    if (device === undefined) device = op.device;
    else if (op.device !== device) {
      throw new RuntimeError(
        `Expected all tensors to be on the same device, but found at least two devices, ${device} and ${op.device}!`,
      );
    }
  }
  return device;
}
