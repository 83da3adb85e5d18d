// torchvision's geometric warp for tensors: the inverse affine matrix of
// (angle, translate, scale, shear) about a centre, the sampling grid it gives
// (_gen_affine_grid), and grid_sample (align_corners=False, zero padding) as
// PyTorch's CPU kernel computes it, in the image's float precision.

import type { DType, Tensor } from '@torchlet/tensor';
import { NotImplementedError } from '@torchlet/tensor';
import { tensorFromArray } from '../tensorFromArray.js';

/** torchvision's interpolation modes for tensors. */
export type Interpolation = 'nearest' | 'bilinear';

const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * torchvision's `_get_inverse_affine_matrix(center, angle, translate, scale, shear)`: the 2×3
 * matrix (row-major) mapping output pixels back to input pixels, centre-relative.
 * @example inverseAffineMatrix([0, 0], 30, [0, 0], 1, [0, 0])
 */
export function inverseAffineMatrix(center: readonly [number, number], angle: number, translate: readonly [number, number], scale: number, shear: readonly [number, number]): number[] {
  const rot = rad(angle);
  const sx = rad(shear[0]);
  const sy = rad(shear[1]);
  const [cx, cy] = center;
  const [tx, ty] = translate;
  const a = Math.cos(rot - sy) / Math.cos(sy);
  const b = (-Math.cos(rot - sy) * Math.tan(sx)) / Math.cos(sy) - Math.sin(rot);
  const c = Math.sin(rot - sy) / Math.cos(sy);
  const d = (-Math.sin(rot - sy) * Math.tan(sx)) / Math.cos(sy) + Math.cos(rot);
  const m = [d, -b, 0, -c, a, 0].map((x) => x / scale);
  m[2]! += m[0]! * (-cx - tx) + m[1]! * (-cy - ty);
  m[5]! += m[3]! * (-cx - tx) + m[4]! * (-cy - ty);
  m[2]! += cx;
  m[5]! += cy;
  return m;
}

/** Float32 rounding, or none for float64 images. */
function rounder(dtype: DType): (v: number) => number {
  return dtype === 'float64' ? (v) => v : Math.fround;
}

/** torchvision's `_compute_affine_output_size` (rotate with expand): the bounding box of the warped corners. */
export function affineOutputSize(matrix: readonly number[], w: number, h: number): [number, number] {
  const f = Math.fround;
  const t = matrix.map(f);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [px, py] of [[-0.5 * w, -0.5 * h], [-0.5 * w, 0.5 * h], [0.5 * w, 0.5 * h], [0.5 * w, -0.5 * h]] as const) {
    xs.push(f(f(f(px * t[0]!) + f(py * t[1]!)) + t[2]!));
    ys.push(f(f(f(px * t[3]!) + f(py * t[4]!)) + t[5]!));
  }
  const tol = f(1e-4);
  const edge = (v: number, half: number, up: boolean): number => {
    const shifted = f(v + f(half));
    const q = f(Math.trunc(f(shifted / tol)) * tol);
    return up ? Math.ceil(q) : Math.floor(q);
  };
  const ow = edge(Math.max(...xs), w * 0.5, true) - edge(Math.min(...xs), w * 0.5, false);
  const oh = edge(Math.max(...ys), h * 0.5, true) - edge(Math.min(...ys), h * 0.5, false);
  return [Math.trunc(ow), Math.trunc(oh)];
}

/** Round half to even (`nearbyint`). */
function roundEven(v: number): number {
  const r = Math.round(v);
  return r - v === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Warps images `[..., C, H, W]` (or `[H, W]`) by an inverse affine matrix onto an `ow × oh` canvas:
 * torchvision's `_apply_grid_transform` with its fill (a mask channel, then `fill` where
 * nothing was sampled). Integer images are sampled in float32 and rounded back.
 * @example warp(img, inverseAffineMatrix([0, 0], -30, [0, 0], 1, [0, 0]), 'nearest', [0], w, h)
 */
export function warp(img: Tensor, matrix: readonly number[], mode: Interpolation, fill: readonly number[] | null, ow: number, oh: number): Tensor {
  if (img.ndim === 2) return warp(img.unsqueeze(0), matrix, mode, fill, ow, oh).squeeze(0);
  if (img.device !== 'cpu') throw new NotImplementedError(`rotate/affine on device '${img.device}': move the image to the CPU first`);
  const float = img.dtype === 'float32' || img.dtype === 'float64';
  const dtype: DType = float ? img.dtype : 'float32';
  const r = rounder(dtype);
  const shape = img.shape;
  const h = shape[shape.length - 2]!;
  const w = shape[shape.length - 1]!;
  const c = shape[shape.length - 3]!;
  const planes = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  const src = img.to(dtype).contiguous().dataSync() as Float32Array | Float64Array;

  // the grid: output pixel centres (x, y, 1) times theta^T / (w/2, h/2), as the bmm of torchvision
  const t = matrix.map(r);
  const sx = r(0.5 * w);
  const sy = r(0.5 * h);
  const th = [r(t[0]! / sx), r(t[1]! / sx), r(t[2]! / sx), r(t[3]! / sy), r(t[4]! / sy), r(t[5]! / sy)];
  const n = ow * oh;
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  for (let j = 0; j < oh; j++) {
    const y = -oh * 0.5 + 0.5 + j;
    for (let i = 0; i < ow; i++) {
      const x = -ow * 0.5 + 0.5 + i;
      gx[j * ow + i] = r(r(r(x * th[0]!) + r(y * th[1]!)) + th[2]!);
      gy[j * ow + i] = r(r(r(x * th[3]!) + r(y * th[4]!)) + th[5]!);
    }
  }
  // grid_sample's source coordinates: ((g + 1) * size / 2) - 0.5
  const halfW = r(w / 2);
  const halfH = r(h / 2);
  const out = new (dtype === 'float64' ? Float64Array : Float32Array)(planes * n);
  const mask = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const ix = r(r(r(gx[p]! + 1) * halfW) - 0.5);
    const iy = r(r(r(gy[p]! + 1) * halfH) - 0.5);
    if (mode === 'nearest') {
      const xn = roundEven(ix);
      const yn = roundEven(iy);
      const inside = xn > -1 && xn < w && yn > -1 && yn < h;
      mask[p] = inside ? 1 : 0;
      for (let k = 0; k < planes; k++) out[k * n + p] = inside ? src[k * h * w + yn * w + xn]! : 0;
      continue;
    }
    const xw = Math.floor(ix);
    const yn = Math.floor(iy);
    const we = r(ix - xw);
    const ea = r(1 - we);
    const no = r(iy - yn);
    const so = r(1 - no);
    const wts = [r(so * ea), r(so * we), r(no * ea), r(no * we)];
    const xs = [xw, xw + 1, xw, xw + 1];
    const ys = [yn, yn, yn + 1, yn + 1];
    const ok = xs.map((x, q) => x > -1 && x < w && ys[q]! > -1 && ys[q]! < h);
    const sample = (base: number | null): number => {
      let acc = 0;
      for (let q = 0; q < 4; q++) {
        const v = ok[q] ? (base === null ? 1 : src[base + ys[q]! * w + xs[q]!]!) : 0;
        acc = q === 0 ? r(v * wts[q]!) : r(acc + r(v * wts[q]!));
      }
      return acc;
    };
    mask[p] = sample(null);
    for (let k = 0; k < planes; k++) out[k * n + p] = sample(k * h * w);
  }
  if (fill !== null) {
    for (let k = 0; k < planes; k++) {
      const v = r(fill.length === 1 ? fill[0]! : fill[k % c]!);
      for (let p = 0; p < n; p++) {
        const m = mask[p]!;
        if (mode === 'nearest') {
          if (m < 0.5) out[k * n + p] = v;
        } else out[k * n + p] = r(r(out[k * n + p]! * m) + r(r(1 - m) * v));
      }
    }
  }
  if (!float) for (let i = 0; i < out.length; i++) out[i] = roundEven(out[i]!);
  const warped = tensorFromArray(out, [...shape.slice(0, -2), oh, ow], dtype);
  return float ? warped : warped.to(img.dtype);
}
