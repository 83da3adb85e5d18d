// The conv2d fast paths for float32/float64: im2col straight from the strided
// input into a column matrix (float32 when the operands are, so that the GEMM
// core takes its f32x4 kernel), one gemm per (image, group), and col2im for the
// input gradient. Other dtypes take the reference decomposition.

import { reference } from '@torchlet/tensor/backend';
import type { Backend, Conv2dParams } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';
import { gemm } from './gemm.js';
import type { StridedMatrix } from './gemm.js';

type Floats = Float32Array | Float64Array;

function isFloatView(v: CpuView): boolean {
  return v.dtype === 'float32' || v.dtype === 'float64';
}

/** Geometry of one conv2d call. */
interface Geometry {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  kh: number;
  kw: number;
  oh: number;
  ow: number;
  g: number;
  cg: number;
  og: number;
  /** Rows of a column matrix: Cg·kH·kW. */
  k: number;
  /** Columns: OH·OW. */
  l: number;
  p: Conv2dParams;
}

function geometry(x: CpuView, weight: CpuView, out: CpuView, p: Conv2dParams): Geometry {
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const [o, cg, kh, kw] = weight.shape as [number, number, number, number];
  const [oh, ow] = [out.shape[2]!, out.shape[3]!];
  const g = p.groups;
  return { n, c, h, w, o, kh, kw, oh, ow, g, cg, og: o / g, k: cg * kh * kw, l: oh * ow, p };
}

/** The output positions o in [0, outSize) whose tap o·stride − pad + offset lands in [0, size): [lo, hi). */
function validRange(outSize: number, size: number, stride: number, pad: number, offset: number): [number, number] {
  const lo = Math.min(outSize, Math.max(0, Math.ceil((pad - offset) / stride)));
  const hi = Math.min(outSize, Math.floor((size - 1 + pad - offset) / stride) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * cols[r][q] (r = (c·kH + i)·kW + j over the group's channels, q = oy·OW + ox) =
 * x[img, c0 + c, oy·sH − pH + i·dH, ox·sW − pW + j·dW], zero outside the input.
 */
function im2col(x: CpuView, img: number, c0: number, geo: Geometry, cols: Floats): void {
  const data = x.buf.data as Floats;
  const [sN, sC, sH, sW] = x.strides as [number, number, number, number];
  const { cg, kh, kw, oh, ow, h, w, l, p } = geo;
  const [strH, strW] = p.stride;
  const [padH, padW] = p.padding;
  const [dilH, dilW] = p.dilation;
  let r = 0;
  for (let c = 0; c < cg; c++) {
    const base = x.offset + img * sN + (c0 + c) * sC;
    for (let i = 0; i < kh; i++) {
      const [y0, y1] = validRange(oh, h, strH, padH, i * dilH);
      for (let j = 0; j < kw; j++, r++) {
        const [x0, x1] = validRange(ow, w, strW, padW, j * dilW);
        const row = r * l;
        cols.fill(0, row, row + y0 * ow);
        for (let y = y0; y < y1; y++) {
          const q = row + y * ow;
          const src = base + (y * strH - padH + i * dilH) * sH + (j * dilW - padW) * sW;
          cols.fill(0, q, q + x0);
          for (let xx = x0; xx < x1; xx++) cols[q + xx] = data[src + xx * strW * sW]!;
          cols.fill(0, q + x1, q + ow);
        }
        cols.fill(0, row + y1 * ow, row + l);
      }
    }
  }
}

/** The weight of group `grp` as a row-major [Og][K] matrix, or [K][Og] when `transposed`. */
function packWeight(weight: CpuView, grp: number, geo: Geometry, dst: Floats, transposed: boolean): void {
  const data = weight.buf.data as Floats;
  const [sO, sC, sH, sW] = weight.strides as [number, number, number, number];
  const { og, cg, kh, kw, k } = geo;
  for (let o = 0; o < og; o++) {
    let r = 0;
    for (let c = 0; c < cg; c++) {
      for (let i = 0; i < kh; i++) {
        for (let j = 0; j < kw; j++, r++) {
          const v = data[weight.offset + (grp * og + o) * sO + c * sC + i * sH + j * sW]!;
          dst[transposed ? r * og + o : o * k + r] = v;
        }
      }
    }
  }
}

/** A contiguous row-major float64 matrix with `cols` columns, as a GEMM operand. */
const rowMajor = (data: Floats, cols: number): StridedMatrix => ({ data, offset: 0, rowStride: cols, colStride: 1 });

/** The one stride by which the flattened index y·OW + x of an [OH, OW] plane advances, or null if there is none. */
function planeRun(strides: readonly number[], oh: number, ow: number): number | null {
  const [sH, sW] = [strides[2]!, strides[3]!];
  return ow <= 1 ? sH : oh <= 1 || sH === ow * sW ? sW : null;
}

/** A scratch operand matrix: float32 when every view it is built from is float32, else float64. */
const scratch = (len: number, ...from: CpuView[]): Floats => (from.every((v) => v.dtype === 'float32') ? new Float32Array(len) : new Float64Array(len));

/**
 * gradOut's channels [ch0, ch0 + og) of image `img` as an [Og × OH·OW] operand:
 * read in place when each plane is one strided run, else copied into `copy`.
 */
function gradPlanes(gradOut: CpuView, img: number, ch0: number, geo: Geometry, copy: Floats): StridedMatrix {
  const { og, oh, ow, l } = geo;
  const gd = gradOut.buf.data as Floats;
  const [gN, gC, gH, gW] = gradOut.strides as [number, number, number, number];
  const base = gradOut.offset + img * gN + ch0 * gC;
  const run = planeRun(gradOut.strides, oh, ow);
  if (run !== null) return { data: gd, offset: base, rowStride: gC, colStride: run };
  for (let oc = 0, q = 0; oc < og; oc++) {
    for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) copy[q++] = gd[base + oc * gC + y * gH + xx * gW]!;
  }
  return rowMajor(copy, l);
}

/**
 * conv2d forward: out[img, o] = W[o] · cols(img) (+ bias[o]).
 * @example conv2d(x, w, bias, out, { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 })
 */
function conv2dFloat(x: CpuView, weight: CpuView, bias: CpuView | undefined, out: CpuView, p: Conv2dParams): void {
  const geo = geometry(x, weight, out, p);
  const { n, g, og, k, l, oh, ow } = geo;
  const cols = scratch(k * l, x, weight);
  const wmat = scratch(og * k, x, weight);
  const o = out.buf.data as Floats;
  const [sN, sC, sH, sW] = out.strides as [number, number, number, number];
  const b = bias?.buf.data as Floats | undefined;
  const biasAt = (ch: number): number => (b && bias ? b[bias.offset + ch * bias.strides[0]!]! : 0);
  const run = planeRun(out.strides, oh, ow);
  // where out's planes are not one strided run, results go through a contiguous block
  const res = run === null ? new Float64Array(og * l) : null;
  for (let grp = 0; grp < g; grp++) {
    packWeight(weight, grp, geo, wmat, false);
    for (let img = 0; img < n; img++) {
      im2col(x, img, grp * geo.cg, geo, cols);
      const base = out.offset + img * sN + grp * og * sC;
      if (run !== null) {
        // out starts as the bias and the GEMM adds into it
        for (let oc = 0; oc < og && b; oc++) {
          const [v, at] = [biasAt(grp * og + oc), base + oc * sC];
          if (run === 1) o.fill(v, at, at + l);
          else for (let q = 0; q < l; q++) o[at + q * run] = v;
        }
        gemm(og, l, k, rowMajor(wmat, k), rowMajor(cols, l), { data: o, offset: base, rowStride: sC, colStride: run }, b !== undefined);
        continue;
      }
      gemm(og, l, k, rowMajor(wmat, k), rowMajor(cols, l), rowMajor(res!, l));
      for (let oc = 0; oc < og; oc++) {
        const add = biasAt(grp * og + oc);
        for (let y = 0, q = oc * l; y < oh; y++) {
          const row = base + oc * sC + y * sH;
          for (let xx = 0; xx < ow; xx++, q++) o[row + xx * sW] = res![q]! + add;
        }
      }
    }
  }
}

/** conv2d's input gradient: cols = Wᵀ · gradOut, summed back into the input plane (col2im). */
function inputGradFloat(gradOut: CpuView, weight: CpuView, gradIn: CpuView, p: Conv2dParams): void {
  const geo = geometry(gradIn, weight, gradOut, p);
  const { n, g, og, cg, k, l, kh, kw, oh, ow, h, w } = geo;
  const [strH, strW] = p.stride;
  const [padH, padW] = p.padding;
  const [dilH, dilW] = p.dilation;
  const wT = scratch(k * og, gradOut, weight);
  const go = scratch(og * l, gradOut, weight);
  const cols = new Float64Array(k * l);
  const plane = new Float64Array(cg * h * w);
  const od = gradIn.buf.data as Floats;
  const [iN, iC, iH, iW] = gradIn.strides as [number, number, number, number];
  for (let grp = 0; grp < g; grp++) {
    packWeight(weight, grp, geo, wT, true);
    for (let img = 0; img < n; img++) {
      gemm(k, l, og, rowMajor(wT, og), gradPlanes(gradOut, img, grp * og, geo, go), rowMajor(cols, l));
      plane.fill(0);
      let r = 0;
      for (let c = 0; c < cg; c++) {
        for (let i = 0; i < kh; i++) {
          const [y0, y1] = validRange(oh, h, strH, padH, i * dilH);
          for (let j = 0; j < kw; j++, r++) {
            const [x0, x1] = validRange(ow, w, strW, padW, j * dilW);
            for (let y = y0; y < y1; y++) {
              const dst = (c * h + y * strH - padH + i * dilH) * w + j * dilW - padW;
              const src = r * l + y * ow;
              for (let xx = x0; xx < x1; xx++) plane[dst + xx * strW] = plane[dst + xx * strW]! + cols[src + xx]!;
            }
          }
        }
      }
      for (let c = 0, q = 0; c < cg; c++) {
        const base = gradIn.offset + img * iN + (grp * cg + c) * iC;
        for (let y = 0; y < h; y++) for (let xx = 0; xx < w; xx++) od[base + y * iH + xx * iW] = plane[q++]!;
      }
    }
  }
}

/** conv2d's weight gradient: Σ over images of gradOut · colsᵀ (dot products of rows, both contiguous). */
function weightGradFloat(x: CpuView, gradOut: CpuView, gradWeight: CpuView, p: Conv2dParams): void {
  const geo = geometry(x, gradWeight, gradOut, p);
  const { n, g, og, cg, k, l, kh, kw } = geo;
  const cols = scratch(k * l, x, gradOut);
  const go = scratch(og * l, x, gradOut);
  const acc = new Float64Array(og * k);
  const wd = gradWeight.buf.data as Floats;
  const [sO, sC, sH, sW] = gradWeight.strides as [number, number, number, number];
  for (let grp = 0; grp < g; grp++) {
    for (let img = 0; img < n; img++) {
      im2col(x, img, grp * cg, geo, cols);
      // colsᵀ is read in place: (row p, column j) of [l×k] is cols[j·l + p]
      gemm(og, k, l, gradPlanes(gradOut, img, grp * og, geo, go), { data: cols, offset: 0, rowStride: 1, colStride: l }, rowMajor(acc, k), img > 0);
    }
    for (let oc = 0, q = 0; oc < og; oc++) {
      for (let c = 0; c < cg; c++) {
        for (let i = 0; i < kh; i++) {
          for (let j = 0; j < kw; j++) wd[gradWeight.offset + (grp * og + oc) * sO + c * sC + i * sH + j * sW] = acc[q++]!;
        }
      }
    }
  }
}

/**
 * The three conv2d fast paths of a CPU backend (the reference decomposition for non-float dtypes).
 * @example Object.assign(supports, convFastPaths(backend))
 */
export function convFastPaths(backend: Backend<CpuBuffer>): {
  conv2d(x: CpuView, weight: CpuView, bias: CpuView | undefined, out: CpuView, p: Conv2dParams): void;
  conv2dInputGrad(gradOut: CpuView, weight: CpuView, gradIn: CpuView, p: Conv2dParams): void;
  conv2dWeightGrad(x: CpuView, gradOut: CpuView, gradWeight: CpuView, p: Conv2dParams): void;
} {
  return {
    conv2d(x, weight, bias, out, p) {
      if ([x, weight, out].every(isFloatView) && (!bias || isFloatView(bias))) conv2dFloat(x, weight, bias, out, p);
      else reference.conv2d(backend, x, weight, bias, out, p);
    },
    conv2dInputGrad(gradOut, weight, gradIn, p) {
      if ([gradOut, weight, gradIn].every(isFloatView)) inputGradFloat(gradOut, weight, gradIn, p);
      else reference.conv2dInputGrad(backend, gradOut, weight, gradIn, p);
    },
    conv2dWeightGrad(x, gradOut, gradWeight, p) {
      if ([x, gradOut, gradWeight].every(isFloatView)) weightGradFloat(x, gradOut, gradWeight, p);
      else reference.conv2dWeightGrad(backend, x, gradOut, gradWeight, p);
    },
  };
}
