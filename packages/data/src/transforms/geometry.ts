// torchvision's tensor kernels for padding and cropping (functional_tensor.pad / crop).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, pad as torchPad, tensor } from '@torchlet/tensor';

/** torchvision's padding modes. */
export type PaddingMode = 'constant' | 'edge' | 'reflect' | 'symmetric';

/**
 * [left, right, top, bottom] of torchvision's padding: one int for all sides, [lr, tb], or
 * [left, top, right, bottom].
 * @example parsePadding([1, 2]) // [1, 1, 2, 2]
 */
export function parsePadding(padding: number | readonly number[]): [number, number, number, number] {
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  if (padding.length === 1) return [padding[0]!, padding[0]!, padding[0]!, padding[0]!];
  if (padding.length === 2) return [padding[0]!, padding[0]!, padding[1]!, padding[1]!];
  if (padding.length === 4) return [padding[0]!, padding[2]!, padding[1]!, padding[3]!];
  throw new ValueError(`Padding must be an int or a 1, 2, or 4 element tuple, not a ${padding.length} element tuple`);
}

/** Symmetric padding: the edge pixel repeated, as torchvision's _pad_symmetric (3-D and 4-D only). */
function padSymmetric(img: Tensor, [l, r, t, b]: [number, number, number, number]): Tensor {
  if (img.ndim !== 3 && img.ndim !== 4) throw new RuntimeError('Symmetric padding of N-D tensors are not supported yet');
  const h = img.shape[img.ndim - 2]!;
  const w = img.shape[img.ndim - 1]!;
  const idx = (before: number, n: number, after: number): number[] => [
    ...Array.from({ length: before }, (_, i) => before - 1 - i),
    ...Array.from({ length: n }, (_, i) => i),
    ...Array.from({ length: after }, (_, i) => n - 1 - i),
  ];
  const ys = tensor(idx(t, h, b)).view(-1, 1);
  const xs = tensor(idx(l, w, r)).view(1, -1);
  return img.ndim === 3 ? img.at(':', ys, xs) : img.at(':', ':', ys, xs);
}

/**
 * `torchvision.transforms.functional.pad` for tensors: pads the last two dimensions.
 * Modes other than constant compute in float32 for integer images, as torchvision does.
 * @example padImage(img, 2, 0, 'reflect')
 */
export function padImage(img: Tensor, padding: number | readonly number[], fill: number, mode: PaddingMode): Tensor {
  const p = parsePadding(padding);
  if (mode === 'symmetric') return padSymmetric(img, p);
  const squeeze = img.ndim < 4;
  let x = squeeze ? img.unsqueeze(0) : img;
  const cast = mode !== 'constant' && x.dtype !== 'float32' && x.dtype !== 'float64';
  if (cast) x = x.to('float32');
  x = mode === 'constant' ? torchPad(x, p, 'constant', fill) : torchPad(x, p, mode === 'edge' ? 'replicate' : 'reflect');
  if (squeeze) x = x.squeeze(0);
  return cast ? x.to(img.dtype) : x;
}

/**
 * `torchvision.transforms.functional.crop`: rows `top … top+height`, columns `left … left+width`
 * (zero-padded where the box leaves the image).
 * @example crop(img, 2, 3, 28, 28)
 */
export function crop(img: Tensor, top: number, left: number, height: number, width: number): Tensor {
  const h = img.shape[img.ndim - 2]!;
  const w = img.shape[img.ndim - 1]!;
  const right = left + width;
  const bottom = top + height;
  if (left < 0 || top < 0 || right > w || bottom > h) {
    const ltrb = [Math.max(-left + Math.min(0, right), 0), Math.max(-top + Math.min(0, bottom), 0), Math.max(right - Math.max(w, left), 0), Math.max(bottom - Math.max(h, top), 0)];
    return padImage(img.at('...', [Math.max(top, 0), Math.max(bottom, 0)], [Math.max(left, 0), Math.max(right, 0)]), ltrb, 0, 'constant');
  }
  return img.at('...', [top, bottom], [left, right]);
}
