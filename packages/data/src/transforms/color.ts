// torchvision's tensor kernels for colour (functional_tensor.adjust_* and the HSV round trip).

import type { Tensor } from '@torchlet/tensor';
import { TorchTypeError, ValueError, onesLike, stack, where, zerosLike } from '@torchlet/tensor';
import { dimensions } from './transform.js';

/** The largest value of an image dtype (1 for floats), as torchvision's _max_value. */
function maxValue(t: Tensor): number {
  const max: Record<string, number> = { uint8: 255, int8: 127, int32: 2 ** 31 - 1, int64: 2 ** 63 - 1 };
  return max[t.dtype] ?? 1;
}

function assertChannels(img: Tensor, permitted: readonly number[]): void {
  const c = dimensions(img)[0];
  if (!permitted.includes(c)) throw new TorchTypeError(`Input image tensor permitted channel values are [${permitted.join(', ')}], but found ${c}`);
}

/** `(ratio * a + (1 - ratio) * b).clamp(0, max).to(a.dtype)`. */
function blend(a: Tensor, b: Tensor, ratio: number): Tensor {
  return a.mul(ratio).add(b.mul(1 - ratio)).clamp(0, maxValue(a)).to(a.dtype);
}

/** ITU-R 601-2 luma, one channel, in the image's dtype (torchvision's rgb_to_grayscale). */
function grayscale(img: Tensor): Tensor {
  if (img.shape[img.ndim - 3] !== 3) return img.clone();
  const [r, g, b] = img.unbind(-3) as [Tensor, Tensor, Tensor];
  return r.mul(0.2989).add(g.mul(0.587)).add(b.mul(0.114)).to(img.dtype).unsqueeze(-3);
}

/** `adjust_brightness`: blends with black. @example adjustBrightness(img, 1.2) */
export function adjustBrightness(img: Tensor, factor: number): Tensor {
  if (factor < 0) throw new ValueError(`brightness_factor (${factor}) is not non-negative.`);
  assertChannels(img, [1, 3]);
  return blend(img, zerosLike(img), factor);
}

/** `adjust_contrast`: blends with the mean grey level. @example adjustContrast(img, 0.8) */
export function adjustContrast(img: Tensor, factor: number): Tensor {
  if (factor < 0) throw new ValueError(`contrast_factor (${factor}) is not non-negative.`);
  assertChannels(img, [3, 1]);
  const dtype = img.dtype === 'float32' || img.dtype === 'float64' ? img.dtype : 'float32';
  const gray = dimensions(img)[0] === 3 ? grayscale(img) : img;
  return blend(img, gray.to(dtype).mean([-3, -2, -1], { keepdim: true }), factor);
}

/** `adjust_saturation`: blends with the greyscale image (a no-op on one channel). @example adjustSaturation(img, 1.5) */
export function adjustSaturation(img: Tensor, factor: number): Tensor {
  if (factor < 0) throw new ValueError(`saturation_factor (${factor}) is not non-negative.`);
  assertChannels(img, [1, 3]);
  if (dimensions(img)[0] === 1) return img;
  return blend(img, grayscale(img), factor);
}

function rgbToHsv(img: Tensor): Tensor {
  const [r, g, b] = img.unbind(-3) as [Tensor, Tensor, Tensor];
  const maxc = img.amax(-3);
  const minc = img.amin(-3);
  const eqc = maxc.eq(minc);
  const cr = maxc.sub(minc);
  const ones = onesLike(maxc);
  const s = cr.div(where(eqc, ones, maxc));
  const crDivisor = where(eqc, ones, cr);
  const rc = maxc.sub(r).div(crDivisor);
  const gc = maxc.sub(g).div(crDivisor);
  const bc = maxc.sub(b).div(crDivisor);
  const hr = maxc.eq(r).mul(bc.sub(gc));
  const hg = maxc.eq(g).logicalAnd(maxc.ne(r)).mul(rc.add(2).sub(bc));
  const hb = maxc.ne(g).logicalAnd(maxc.ne(r)).mul(gc.add(4).sub(rc));
  const h = hr.add(hg).add(hb).div(6).add(1).fmod(1);
  return stack([h, s, maxc], -3);
}

function hsvToRgb(img: Tensor): Tensor {
  const [h, s, v] = img.unbind(-3) as [Tensor, Tensor, Tensor];
  const h6 = h.mul(6);
  const i6 = h6.floor();
  const f = h6.sub(i6);
  const i = i6.to('int32').remainder(6);
  const p = v.mul(s.neg().add(1)).clamp(0, 1);
  const q = v.mul(s.mul(f).neg().add(1)).clamp(0, 1);
  const t = v.mul(s.mul(f.neg().add(1)).neg().add(1)).clamp(0, 1);
  // exactly one of the six sectors holds: torchvision's einsum with a one-hot mask selects its values
  const pick = (choices: Tensor[]): Tensor => choices.reduce((acc, c, k) => where(i.eq(k), c, acc), choices[0]!);
  return stack([pick([v, q, p, p, t, v]), pick([t, v, v, q, p, p]), pick([p, p, t, v, v, q])], -3);
}

/** `adjust_hue`: shifts the hue (a no-op on one channel). @example adjustHue(img, 0.1) */
export function adjustHue(img: Tensor, factor: number): Tensor {
  if (!(factor >= -0.5 && factor <= 0.5)) throw new ValueError(`hue_factor (${factor}) is not in [-0.5, 0.5].`);
  assertChannels(img, [1, 3]);
  if (dimensions(img)[0] === 1) return img;
  const u8 = img.dtype === 'uint8';
  const x = u8 ? img.to('float32').div(255) : img;
  const [h, s, v] = rgbToHsv(x).unbind(-3) as [Tensor, Tensor, Tensor];
  const out = hsvToRgb(stack([h.add(factor).remainder(1), s, v], -3));
  return u8 ? out.mul(255).to('uint8') : out;
}
