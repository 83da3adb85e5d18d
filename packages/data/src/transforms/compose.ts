// Compose and Lambda: chaining transforms, and a function as a transform.

import { TorchTypeError, signature } from '@torchlet/tensor';
import type { TransformLike } from '../datasets/transformLike.js';
import { applyTransform, isTransformLike } from '../datasets/transformLike.js';
import { Transform } from './transform.js';

const COMPOSE = signature<{ '': { transforms: unknown } }>('Compose(Any transforms)');
const LAMBDA = signature<{ '': { lambd: unknown } }>('Lambda(Callable lambd)');

/**
 * `torchvision.transforms.Compose(transforms)`: applies `transforms` in order.
 * @example new Compose([new ToTensor(), new Normalize([0.286], [0.353])]).call(image)
 */
export class Compose<I = unknown, O = unknown> extends Transform<I, O> {
  readonly transforms: readonly TransformLike<unknown, unknown>[];
  protected readonly args: readonly unknown[];

  constructor(transforms: readonly TransformLike<never, unknown>[]) {
    super();
    const list = COMPOSE.parse([transforms]).transforms;
    if (!Array.isArray(list)) throw new TorchTypeError('Compose() expects a list of transforms');
    list.forEach((t, i) => {
      if (!isTransformLike(t)) throw new TorchTypeError(`Compose(): transforms[${i}] is not a transform (a function or an object with call())`);
    });
    this.transforms = list as TransformLike<unknown, unknown>[];
    this.args = [this.transforms];
  }

  call(x: I): O {
    let v: unknown = x;
    for (const t of this.transforms) v = applyTransform(t, v);
    return v as O;
  }

  override toString(): string {
    return `Compose(\n${this.transforms.map((t) => `    ${String(t)}`).join('\n')}\n)`;
  }
}

/**
 * `torchvision.transforms.Lambda(lambd)`: a function as a transform. With DataLoader workers the
 * function must be rebuildable there: export it from a module through `workerFunction`.
 * @example new Lambda((x: Tensor) => x.mul(2)).call(t)
 */
export class Lambda<I = unknown, O = unknown> extends Transform<I, O> {
  readonly lambd: (x: I) => O;
  protected readonly args: readonly unknown[];

  constructor(lambd: (x: I) => O) {
    super();
    if (typeof lambd !== 'function') throw new TorchTypeError(`Argument lambd should be callable, got '${typeof lambd}'`);
    this.lambd = LAMBDA.parse([lambd]).lambd as (x: I) => O;
    this.args = [this.lambd];
  }

  call(x: I): O {
    return this.lambd(x);
  }
}
