// RandomHorizontalFlip and RandomVerticalFlip.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import { coin } from './draws.js';
import { Transform, dimensions } from './transform.js';

const HFLIP = signature<{ '': { p: number } }>('RandomHorizontalFlip(float p=0.5)');
const VFLIP = signature<{ '': { p: number } }>('RandomVerticalFlip(float p=0.5)');

/**
 * `torchvision.transforms.RandomHorizontalFlip(p=0.5)`: mirrors left-right when `torch.rand(1) < p`.
 * @example new RandomHorizontalFlip().call(img)
 */
export class RandomHorizontalFlip extends Transform {
  readonly p: number;
  protected readonly args: readonly unknown[];

  constructor(...args: [p?: number] | [opts: { p?: number }]) {
    super();
    this.p = HFLIP.parse(args).p;
    this.args = [this.p];
  }

  call(img: Tensor): Tensor {
    dimensions(img);
    return coin(this.p) ? img.flip(-1) : img;
  }

  protected override describe(): string {
    return `p=${this.p}`;
  }
}

/**
 * `torchvision.transforms.RandomVerticalFlip(p=0.5)`: mirrors top-bottom when `torch.rand(1) < p`.
 * @example new RandomVerticalFlip(0.3).call(img)
 */
export class RandomVerticalFlip extends Transform {
  readonly p: number;
  protected readonly args: readonly unknown[];

  constructor(...args: [p?: number] | [opts: { p?: number }]) {
    super();
    this.p = VFLIP.parse(args).p;
    this.args = [this.p];
  }

  call(img: Tensor): Tensor {
    dimensions(img);
    return coin(this.p) ? img.flip(-2) : img;
  }

  protected override describe(): string {
    return `p=${this.p}`;
  }
}
