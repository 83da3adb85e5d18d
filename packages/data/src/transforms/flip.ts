// RandomHorizontalFlip and RandomVerticalFlip.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import { coin } from './draws.js';
import { Transform, dimensions } from './transform.js';

const HFLIP = signature<{ '': { p: number } }>('RandomHorizontalFlip(float p=0.5)');
const VFLIP = signature<{ '': { p: number } }>('RandomVerticalFlip(float p=0.5)');

type FlipArgs = [p?: number] | [opts: { p?: number }];

/** A flip of one image dimension when `torch.rand(1) < p`. */
abstract class RandomFlip extends Transform {
  readonly p: number;
  protected readonly args: readonly unknown[];

  protected constructor(p: number, private readonly dim: number) {
    super();
    this.p = p;
    this.args = [p];
  }

  call(img: Tensor): Tensor {
    dimensions(img);
    return coin(this.p) ? img.flip(this.dim) : img;
  }

  protected override describe(): string {
    return `p=${this.p}`;
  }
}

/**
 * `torchvision.transforms.RandomHorizontalFlip(p=0.5)`: mirrors left-right when `torch.rand(1) < p`.
 * @example new RandomHorizontalFlip().call(img)
 */
export class RandomHorizontalFlip extends RandomFlip {
  constructor(...args: FlipArgs) {
    super(HFLIP.parse(args).p, -1);
  }
}

/**
 * `torchvision.transforms.RandomVerticalFlip(p=0.5)`: mirrors top-bottom when `torch.rand(1) < p`.
 * @example new RandomVerticalFlip(0.3).call(img)
 */
export class RandomVerticalFlip extends RandomFlip {
  constructor(...args: FlipArgs) {
    super(VFLIP.parse(args).p, -2);
  }
}
