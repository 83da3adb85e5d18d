// nn.Upsample, nn.PixelShuffle, nn.PixelUnshuffle (the tensor package's interpolate and pixel shuffle).

import type { InterpolateMode, Tensor } from '@torchlet/tensor';
import { interpolate, pixelShuffle, pixelUnshuffle, signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';

interface UpsampleArgs {
  size: number | number[] | null;
  scaleFactor: number | number[] | null;
  mode: InterpolateMode;
  alignCorners: boolean | null;
  recomputeScaleFactor: boolean | null;
}
/** Options of `nn.Upsample`. */
export type UpsampleOptions = Partial<UpsampleArgs>;
const UPSAMPLE = signature<{ '': UpsampleArgs }>(
  'Upsample(int|int[]? size=None, float|float[]? scale_factor=None, str mode="nearest", bool? align_corners=None, bool? recompute_scale_factor=None)',
);

/**
 * `nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None, recompute_scale_factor=None)`.
 * @example new nn.Upsample({ scaleFactor: 2 }).call(torch.zeros(1, 1, 2, 2)).shape // [1, 1, 4, 4]
 */
export class Upsample extends Module {
  declare size: number | number[] | null;
  declare scaleFactor: number | number[] | null;
  declare mode: InterpolateMode;
  declare alignCorners: boolean | null;
  declare recomputeScaleFactor: boolean | null;
  constructor(...args: Args<[size: number | readonly number[] | null, scaleFactor: number | readonly number[] | null, mode: InterpolateMode, alignCorners: boolean | null, recomputeScaleFactor: boolean | null], UpsampleOptions>) {
    super();
    const a = UPSAMPLE.parse(args);
    this.size = a.size;
    // PyTorch keeps a falsy scale factor as None
    this.scaleFactor = a.scaleFactor === 0 ? null : a.scaleFactor;
    this.mode = a.mode;
    this.alignCorners = a.alignCorners;
    this.recomputeScaleFactor = a.recomputeScaleFactor;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return interpolate(input, {
      size: this.size, scaleFactor: this.scaleFactor, mode: this.mode, alignCorners: this.alignCorners, recomputeScaleFactor: this.recomputeScaleFactor,
    });
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    const sf = this.scaleFactor;
    const info = sf !== null ? `scale_factor=${Array.isArray(sf) ? `(${sf.map((v) => pyNumber(v, true)).join(', ')})` : pyNumber(sf, true)}` : `size=${pyRepr(this.size)}`;
    return `${info}, mode=${this.mode}`;
  }
}

/** `nn.PixelShuffle(upscale_factor)`: [*, C·r², H, W] → [*, C, H·r, W·r]. @example new nn.PixelShuffle(2).call(torch.zeros(1, 8, 3, 3)).shape // [1, 2, 6, 6] */
export class PixelShuffle extends Module {
  declare upscaleFactor: number;
  constructor(...args: Args<[upscaleFactor: number], { upscaleFactor?: number }>) {
    super();
    this.upscaleFactor = PIXEL_SHUFFLE.parse(args).upscaleFactor;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return pixelShuffle(input, this.upscaleFactor);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `upscale_factor=${this.upscaleFactor}`;
  }
}
const PIXEL_SHUFFLE = signature<{ '': { upscaleFactor: number } }>('PixelShuffle(int upscale_factor)');

/** `nn.PixelUnshuffle(downscale_factor)`: the inverse of PixelShuffle. @example new nn.PixelUnshuffle(2).call(torch.zeros(1, 2, 6, 6)).shape // [1, 8, 3, 3] */
export class PixelUnshuffle extends Module {
  declare downscaleFactor: number;
  constructor(...args: Args<[downscaleFactor: number], { downscaleFactor?: number }>) {
    super();
    this.downscaleFactor = PIXEL_UNSHUFFLE.parse(args).downscaleFactor;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return pixelUnshuffle(input, this.downscaleFactor);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `downscale_factor=${this.downscaleFactor}`;
  }
}
const PIXEL_UNSHUFFLE = signature<{ '': { downscaleFactor: number } }>('PixelUnshuffle(int downscale_factor)');
