// RandomCrop: a crop at a random place, after optional padding.

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature } from '@torchlet/tensor';
import { drawInt } from './draws.js';
import type { PaddingMode } from './geometry.js';
import { crop, padImage, parsePadding } from './geometry.js';
import { Transform, dimensions } from './transform.js';

const ARGS = signature<{ '': { size: number | number[]; padding: number | number[] | null; padIfNeeded: boolean; fill: number; paddingMode: string } }>(
  'RandomCrop(int|int[] size, int|int[]? padding=None, bool pad_if_needed=False, float fill=0, str padding_mode="constant")',
);

/** Options of {@link RandomCrop}. */
export interface RandomCropOptions {
  padding?: number | readonly number[] | null;
  padIfNeeded?: boolean;
  fill?: number;
  paddingMode?: PaddingMode;
}

/** torchvision's _setup_size: (h, w) from an int or a 1- or 2-element list. */
export function setupSize(size: number | readonly number[], what: string): [number, number] {
  if (typeof size === 'number') return [size, size];
  if (size.length === 1) return [size[0]!, size[0]!];
  if (size.length !== 2) throw new ValueError(what);
  return [size[0]!, size[1]!];
}

/**
 * `torchvision.transforms.RandomCrop(size, padding=None, pad_if_needed=False, fill=0, padding_mode='constant')`:
 * pads by `padding` (one int, [left/right, top/bottom] or [left, top, right, bottom]) with
 * `paddingMode` `'constant'` (`fill`), `'edge'`, `'reflect'` or `'symmetric'`, then crops `size`
 * at a place drawn with `torch.randint`, as torchvision draws it.
 * @example new RandomCrop(28, { padding: 4 }).call(img)
 */
export class RandomCrop extends Transform {
  readonly size: [number, number];
  readonly padding: number | readonly number[] | null;
  readonly padIfNeeded: boolean;
  readonly fill: number;
  readonly paddingMode: PaddingMode;
  protected readonly args: readonly unknown[];

  constructor(size: number | readonly number[], opts?: RandomCropOptions);
  constructor(size: number | readonly number[], ...args: unknown[]);
  constructor(...args: unknown[]) {
    super();
    const a = ARGS.parse(args);
    this.size = setupSize(a.size, 'Please provide only two dimensions (h, w) for size.');
    if (a.padding !== null) parsePadding(a.padding);
    if (!['constant', 'edge', 'reflect', 'symmetric'].includes(a.paddingMode)) throw new ValueError('Padding mode should be either constant, edge, reflect or symmetric');
    this.padding = a.padding;
    this.padIfNeeded = a.padIfNeeded;
    this.fill = a.fill;
    this.paddingMode = a.paddingMode as PaddingMode;
    this.args = [this.size, { padding: this.padding, padIfNeeded: this.padIfNeeded, fill: this.fill, paddingMode: this.paddingMode }];
  }

  call(img: Tensor): Tensor {
    dimensions(img);
    let x = img;
    if (this.padding !== null) x = padImage(x, this.padding, this.fill, this.paddingMode);
    const [th, tw] = this.size;
    const [, height, width] = dimensions(x);
    if (this.padIfNeeded && width < tw) x = padImage(x, [tw - width, 0], this.fill, this.paddingMode);
    if (this.padIfNeeded && height < th) x = padImage(x, [0, th - height], this.fill, this.paddingMode);
    const [, h, w] = dimensions(x);
    if (h + 1 < th || w + 1 < tw) throw new ValueError(`Required crop size (${th}, ${tw}) is larger than input image size (${h}, ${w})`);
    if (w === tw && h === th) return crop(x, 0, 0, h, w);
    const i = drawInt(0, h - th + 1);
    const j = drawInt(0, w - tw + 1);
    return crop(x, i, j, th, tw);
  }

  protected override describe(): string {
    return `size=(${this.size.join(', ')}), padding=${this.padding === null ? 'None' : JSON.stringify(this.padding)}`;
  }
}
