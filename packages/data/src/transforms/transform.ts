// The base of torchvision's transforms: `call(x)`, a printed form, and how a
// DataLoader worker rebuilds one (the constructor arguments).

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, isTensor } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';

/**
 * A transform of images (tensors), torchvision's way: `t.call(img)` (as `t(img)` in Python).
 * Subclasses keep their constructor arguments in `args`: a worker rebuilds them from those.
 * @example new Compose([new ToTensor(), new Normalize([0.5], [0.5])]).call(image)
 */
export abstract class Transform<I = Tensor, O = Tensor> {
  /** The constructor arguments, as given (positional, then options): what `workerSpec` sends. */
  protected abstract readonly args: readonly unknown[];

  /** Applies the transform. */
  abstract call(x: I): O;

  /** How a DataLoader worker rebuilds this transform. @example new ToTensor().workerSpec() // { module: '@torchlet/data', name: 'ToTensor', args: [] } */
  workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: this.constructor.name, args: this.args };
  }

  /** `repr(t)`: `RandomCrop(size=(28, 28), padding=2)`. @example String(new ToTensor()) // 'ToTensor()' */
  toString(): string {
    return `${this.constructor.name}(${this.describe()})`;
  }

  /** The inside of the printed form. */
  protected describe(): string {
    return '';
  }
}

/** An image's (channels, height, width) as torchvision's get_dimensions: [H, W] has one channel. */
export function dimensions(img: unknown): [number, number, number] {
  if (!isTensor(img)) throw new TorchTypeError(`img should be Tensor Image. Got ${(img as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof img}`);
  if (img.ndim < 2) throw new TorchTypeError('Tensor is not a torch image.');
  const s = img.shape;
  return [img.ndim === 2 ? 1 : s[s.length - 3]!, s[s.length - 2]!, s[s.length - 1]!];
}
