// pixel_shuffle / pixel_unshuffle: channel blocks ↔ spatial blocks, a reshape,
// a permutation and a copy.

import { RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { contiguous } from '../copy.js';
import { permute, reshape } from '../views.js';

const PIXEL_SHUFFLE = defineOp('pixelShuffle');
const PIXEL_UNSHUFFLE = defineOp('pixelUnshuffle');

function check(name: string, x: Tensor, factor: number, what: string): void {
  if (x.ndim < 3) throw new RuntimeError(`${name} expects input to have at least 3 dimensions, but got input with ${x.ndim} dimension(s)`);
  if (factor <= 0) throw new RuntimeError(`${name} expects a positive ${what}, but got ${factor}`);
}

/**
 * `F.pixel_shuffle(input, upscaleFactor)`: [*, C·r², H, W] → [*, C, H·r, W·r].
 * @example torch.pixelShuffle(torch.arange(4).view(4, 1, 1), 2) // tensor([[[0, 1], [2, 3]]])
 */
export function pixelShuffle(input: Tensor, upscaleFactor: number): Tensor {
  return traced(PIXEL_SHUFFLE, [input], { upscaleFactor }, () => {
    check('pixel_shuffle', input, upscaleFactor, 'upscale_factor');
    const r = upscaleFactor;
    const lead = input.shape.slice(0, -3);
    const [c, h, w] = input.shape.slice(-3) as [number, number, number];
    if (c % (r * r) !== 0) {
      throw new RuntimeError(`pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of upscale_factor, but input.size(-3)=${c} is not divisible by ${r * r}`);
    }
    const k = lead.length;
    const split = reshape(input, [...lead, c / (r * r), r, r, h, w]);
    const moved = permute(split, [...lead.map((_, i) => i), k, k + 3, k + 1, k + 4, k + 2]);
    return reshape(contiguous(moved), [...lead, c / (r * r), h * r, w * r]);
  });
}

/**
 * `F.pixel_unshuffle(input, downscaleFactor)`: [*, C, H·r, W·r] → [*, C·r², H, W] (the inverse of `pixelShuffle`).
 * @example torch.pixelUnshuffle(torch.arange(4).view(1, 2, 2), 2).shape // [4, 1, 1]
 */
export function pixelUnshuffle(input: Tensor, downscaleFactor: number): Tensor {
  return traced(PIXEL_UNSHUFFLE, [input], { downscaleFactor }, () => {
    check('pixel_unshuffle', input, downscaleFactor, 'downscale_factor');
    const r = downscaleFactor;
    const lead = input.shape.slice(0, -3);
    const [c, h, w] = input.shape.slice(-3) as [number, number, number];
    if (h % r !== 0) throw new RuntimeError(`pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=${h} is not divisible by ${r}`);
    if (w % r !== 0) throw new RuntimeError(`pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=${w} is not divisible by ${r}`);
    const k = lead.length;
    const split = reshape(input, [...lead, c, h / r, r, w / r, r]);
    const moved = permute(split, [...lead.map((_, i) => i), k, k + 2, k + 4, k + 1, k + 3]);
    return reshape(contiguous(moved), [...lead, c * r * r, h / r, w / r]);
  });
}
