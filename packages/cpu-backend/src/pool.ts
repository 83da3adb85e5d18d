// The 2-D pooling fast paths for float32/float64: direct loops over each
// window's in-range elements, with PyTorch's CPU kernels' rules (first maximum
// wins, a NaN replaces the maximum, PyTorch's average divisors). Other dtypes
// take the reference decomposition.

import { reference } from '@torchlet/tensor/backend';
import type { AvgPool2dParams, Backend, Pool2dParams } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';

type Floats = Float32Array | Float64Array;

/** Whether this platform stores the low int32 word of an int64 first (every JS engine in use does). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function isFloatView(v: CpuView): boolean {
  return v.dtype === 'float32' || v.dtype === 'float64';
}

function maxPoolFloat(x: CpuView, out: CpuView, indices: CpuView, p: Pool2dParams): void {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [oh, ow] = [out.shape[2]!, out.shape[3]!];
  const [kh, kw] = p.kernelSize;
  const [sh, sw] = p.stride;
  const [ph, pw] = p.padding;
  const [dh, dw] = p.dilation;
  const xd = x.buf.data as Floats;
  const od = out.buf.data as Floats;
  // int64 indices written as two int32 words (little-endian: value, then 0), not one BigInt each
  const idData = indices.buf.data as BigInt64Array;
  const id = new Int32Array(idData.buffer, idData.byteOffset, idData.length * 2);
  const [xN, xC, xH, xW] = x.strides as [number, number, number, number];
  const [oN, oC, oH, oW] = out.strides as [number, number, number, number];
  const [iN, iC, iH, iW] = indices.strides as [number, number, number, number];
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const plane = x.offset + b * xN + ch * xC;
      for (let y = 0; y < oh; y++) {
        let y0 = y * sh - ph;
        const y1 = Math.min(y0 + (kh - 1) * dh + 1, h);
        while (y0 < 0) y0 += dh;
        for (let xx = 0; xx < ow; xx++) {
          let x0 = xx * sw - pw;
          const x1 = Math.min(x0 + (kw - 1) * dw + 1, w);
          while (x0 < 0) x0 += dw;
          let best = -Infinity;
          let at = y0 * w + x0;
          for (let iy = y0; iy < y1; iy += dh) {
            for (let ix = x0; ix < x1; ix += dw) {
              const v = xd[plane + iy * xH + ix * xW]!;
              if (v > best || v !== v) {
                best = v;
                at = iy * w + ix;
              }
            }
          }
          od[out.offset + b * oN + ch * oC + y * oH + xx * oW] = best;
          const slot = indices.offset + b * iN + ch * iC + y * iH + xx * iW;
          if (LITTLE_ENDIAN) {
            id[2 * slot] = at;
            id[2 * slot + 1] = 0;
          } else idData[slot] = BigInt(at);
        }
      }
    }
  }
}

function avgPoolFloat(x: CpuView, out: CpuView, p: AvgPool2dParams): void {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [oh, ow] = [out.shape[2]!, out.shape[3]!];
  const [kh, kw] = p.kernelSize;
  const [sh, sw] = p.stride;
  const [ph, pw] = p.padding;
  const xd = x.buf.data as Floats;
  const od = out.buf.data as Floats;
  const [xN, xC, xH, xW] = x.strides as [number, number, number, number];
  const [oN, oC, oH, oW] = out.strides as [number, number, number, number];
  for (let b = 0; b < n; b++) {
    for (let ch = 0; ch < c; ch++) {
      const plane = x.offset + b * xN + ch * xC;
      for (let y = 0; y < oh; y++) {
        const ys = y * sh - ph;
        const yeP = Math.min(ys + kh, h + ph);
        const y0 = Math.max(ys, 0);
        const y1 = Math.min(yeP, h);
        for (let xx = 0; xx < ow; xx++) {
          const xs = xx * sw - pw;
          const xeP = Math.min(xs + kw, w + pw);
          const x0 = Math.max(xs, 0);
          const x1 = Math.min(xeP, w);
          const o = out.offset + b * oN + ch * oC + y * oH + xx * oW;
          if (y0 >= y1 || x0 >= x1) {
            od[o] = 0;
            continue;
          }
          let sum = 0;
          for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) sum += xd[plane + iy * xH + ix * xW]!;
          const divisor = p.divisorOverride ?? (p.countIncludePad ? (yeP - ys) * (xeP - xs) : (y1 - y0) * (x1 - x0));
          od[o] = sum / divisor;
        }
      }
    }
  }
}

/**
 * The two pooling fast paths of a CPU backend (the reference decomposition for non-float dtypes).
 * @example Object.assign(supports, poolFastPaths(backend))
 */
export function poolFastPaths(backend: Backend<CpuBuffer>): {
  maxPool2d(x: CpuView, out: CpuView, indices: CpuView, p: Pool2dParams): void;
  avgPool2d(x: CpuView, out: CpuView, p: AvgPool2dParams): void;
} {
  return {
    maxPool2d(x, out, indices, p) {
      if (isFloatView(x) && isFloatView(out) && indices.dtype === 'int64') maxPoolFloat(x, out, indices, p);
      else reference.maxPool2d(backend, x, out, indices, p);
    },
    avgPool2d(x, out, p) {
      if (isFloatView(x) && isFloatView(out)) avgPoolFloat(x, out, p);
      else reference.avgPool2d(backend, x, out, p);
    },
  };
}
