// Checks the losses share, with PyTorch's wording: shapes as torch.Size prints them, the
// target-size warning, class-index targets and their bounds.

import type { Tensor } from '@torchlet/tensor';
import type { Device } from '@torchlet/tensor';
import { IndexError, RuntimeError, SCALAR_TYPE_NAME, arange, getBackend } from '@torchlet/tensor';
import { warn } from './warnings.js';

/**
 * A shape as Python prints a `torch.Size`.
 * @example sizeString([2, 3]) // 'torch.Size([2, 3])'
 */
export function sizeString(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/**
 * A shape as ATen's messages print it.
 * @example shapeString([2, 3]) // '[2, 3]'
 */
export function shapeString(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Whether two shapes are equal. @example sameShape([2, 3], [2, 3]) // true */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The warning of the pointwise regression losses when the target's size differs from the
 * input's (they broadcast anyway).
 * @example warnIfSizesDiffer(torch.zeros(3, 1), torch.zeros(3)) // warns
 */
export function warnIfSizesDiffer(input: Tensor, target: Tensor): void {
  if (sameShape(input.shape, target.shape)) return;
  warn(
    `Using a target size (${sizeString(target.shape)}) that is different to the input size (${sizeString(input.shape)}). ` +
      'This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.',
  );
}

/** Whether the tensor's device can be read synchronously (the CPU can; WebGPU cannot). @example readsSync(torch.zeros(1)) // true */
export function readsSync(t: Tensor): boolean {
  return t.storage.backend.readSync !== undefined;
}

/** The integer dtype class indices have on a device: int64, or int32 where the device stores no int64. @example classIndexDtype('cpu') // 'int64' */
export function classIndexDtype(device: Device): 'int64' | 'int32' {
  return getBackend(device).dtypes.has('int64') ? 'int64' : 'int32';
}

/**
 * PyTorch's check that a class-index target holds integers: int64 (or uint8, which PyTorch
 * also takes), or int32 on a device that stores no int64.
 * @example requireClassIndices(torch.tensor([1.5])) // throws 'expected scalar type Long but found Float'
 */
export function requireClassIndices(target: Tensor): void {
  const d = target.dtype;
  if (d === 'int64' || d === 'uint8' || d === classIndexDtype(target.device)) return;
  throw new RuntimeError(`expected scalar type Long but found ${SCALAR_TYPE_NAME[d]}`);
}

/**
 * Checks that every class index other than `ignoreIndex` lies in [0, classes), with PyTorch's
 * IndexError `Target 7 is out of bounds.`. Read synchronously where the device can; elsewhere
 * `outOfBounds` marks the bad entries so the loss turns NaN there (as PyTorch's CUDA kernels
 * assert on the device rather than up front).
 * @example checkClassBounds(torch.tensor([0, 7]), 5, -100) // throws IndexError
 */
export function checkClassBounds(target: Tensor, classes: number, ignoreIndex: number | null, message = (v: number) => new IndexError(`Target ${v} is out of bounds.`)): void {
  if (!readsSync(target) || target.numel() === 0) return;
  const values = target.dataSync();
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]!);
    if (v === ignoreIndex) continue;
    if (v < 0 || v >= classes) throw message(v);
  }
}

/**
 * Where a class index (other than `ignoreIndex`) is out of [0, classes): what a loss poisons
 * with NaN on devices whose values `checkClassBounds` could not read.
 * @example outOfBounds(torch.tensor([0, 7]), 5, -100) // tensor([False,  True])
 */
export function outOfBounds(target: Tensor, classes: number, ignoreIndex: number | null): Tensor {
  const bad = target.lt(0).logicalOr(target.ge(classes));
  return ignoreIndex === null ? bad : bad.logicalAnd(target.ne(ignoreIndex));
}

/**
 * One-hot of class indices along `dim`: `mask[…, c, …] = (target[…] == c)`, as bool, with
 * `classes` entries at `dim` (a comparison, so it runs wherever the target's dtype does).
 * @example classMask(torch.tensor([2, 0]), 3, 1) // tensor([[False, False,  True], [ True, False, False]])
 */
export function classMask(target: Tensor, classes: number, dim: number): Tensor {
  const shape = new Array<number>(target.ndim + 1).fill(1);
  shape[dim] = classes;
  // uint8 targets compare against wider indices (classes may pass 255)
  const dtype = target.dtype === 'uint8' ? classIndexDtype(target.device) : target.dtype;
  const ids = arange(classes, { dtype, device: target.device }).reshape(shape);
  return target.unsqueeze(dim).eq(ids);
}
