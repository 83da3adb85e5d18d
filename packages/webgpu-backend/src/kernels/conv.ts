// The conv2d fast paths: forward, input gradient and weight gradient as direct
// convolutions, one thread per element of the result, each summing its window
// (or, for the gradients, the windows it takes part in). Every view is strided
// (offset and four strides in the parameter block), as the contract allows.

import type { Conv2dParams, View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, WG, bindings, elementHeader } from './strided.js';

/** Where the parameter block keeps each view: its offset, then its four strides. */
const OUT = 22;
const IN0 = 27;
const IN1 = 32;
const IN2 = 37;

type Which = 'forward' | 'inputGrad' | 'weightGrad';

/** The words every conv kernel reads: see the layout in `prelude`. */
function meta(result: View<GpuBuffer>, xShape: readonly number[], wShape: readonly number[], outHW: readonly number[], p: Conv2dParams, views: readonly (View<GpuBuffer> | undefined)[]): Meta {
  const m = new Meta();
  m.push(result.shape.reduce((a, b) => a * b, 1), ...result.shape);
  m.push(p.stride[0], p.stride[1], p.padding[0], p.padding[1], p.dilation[0], p.dilation[1], p.groups);
  m.push(...xShape, ...wShape, outHW[0]!, outHW[1]!);
  for (const v of [result, ...views]) {
    if (v === undefined) m.push(0, 0, 0, 0, 0);
    else if (v.shape.length === 1) m.push(v.offset, v.strides[0]!, 0, 0, 0);
    else m.push(v.offset, ...v.strides);
  }
  return m;
}

// prm: 0 count | 1-4 result shape | 5-10 stride, padding, dilation (h, w) | 11 groups
// | 12-15 N C H W | 16-19 O Cg kH kW | 20-21 OH OW | 22 out view | 27, 32, 37 inputs' views
const PRELUDE = /* wgsl */ `
fn vo(b: u32, a0: u32, a1: u32, a2: u32, a3: u32) -> u32 {
  return prm[b] + a0 * prm[b + 1u] + a1 * prm[b + 2u] + a2 * prm[b + 3u] + a3 * prm[b + 4u];
}`;

const HEADER = /* wgsl */ `
  var r = i;
  let i3 = r % prm[4]; r = r / prm[4];
  let i2 = r % prm[3]; r = r / prm[3];
  let i1 = r % prm[2]; let i0 = r / prm[2];
  let sh = i32(prm[5]); let sw = i32(prm[6]); let ph = i32(prm[7]); let pw = i32(prm[8]);
  let dh = i32(prm[9]); let dw = i32(prm[10]);
  let H = i32(prm[14]); let W = i32(prm[15]);
  let cg = prm[17]; let og = prm[16] / prm[11];
  var acc = 0.0f;`;

// Offsets are built up loop by loop (batch and channel outside, then row, then
// column), with the strides in locals: the innermost loop is one multiply-add of
// two loads, which on SwiftShader is several times faster than full addressing.
const STRIDES = /* wgsl */ `
  let a0 = prm[${IN0 + 1}]; let a1 = prm[${IN0 + 2}]; let a2 = prm[${IN0 + 3}]; let a3 = prm[${IN0 + 4}];
  let b0 = prm[${IN1 + 1}]; let b1 = prm[${IN1 + 2}]; let b2 = prm[${IN1 + 3}]; let b3 = prm[${IN1 + 4}];
  let KH = prm[18]; let KW = prm[19];`;

const BODY: Record<Which, (bias: boolean) => string> = {
  // result [N, O, OH, OW]: in0 = x, in1 = weight, in2 = bias
  forward: (bias) => /* wgsl */ `${STRIDES}
  let g = i1 / og;
  let ih0 = i32(i2) * sh - ph;
  let iw0 = i32(i3) * sw - pw;
  var xc = prm[${IN0}] + i0 * a0 + g * cg * a1;
  var wc = prm[${IN1}] + i1 * b0;
  for (var c = 0u; c < cg; c++) {
    for (var kh = 0u; kh < KH; kh++) {
      let ih = ih0 + i32(kh) * dh;
      if (ih < 0 || ih >= H) { continue; }
      let xr = xc + u32(ih) * a2;
      let wr = wc + kh * b2;
      for (var kw = 0u; kw < KW; kw++) {
        let iw = iw0 + i32(kw) * dw;
        if (iw < 0 || iw >= W) { continue; }
        acc += in0[xr + u32(iw) * a3] * in1[wr + kw * b3];
      }
    }
    xc += a1;
    wc += b1;
  }
  ${bias ? `acc += in2[prm[${IN2}] + i1 * prm[${IN2 + 1}]];` : ''}`,
  // result [N, C, H, W]: in0 = gradOut, in1 = weight; an input element meets output
  // (oh, ow) through tap (kh, kw) when ih + ph − kh·dh = oh·sh
  inputGrad: () => /* wgsl */ `${STRIDES}
  let g = i1 / cg; let c = i1 % cg;
  let OH = i32(prm[20]); let OW = i32(prm[21]);
  let th0 = i32(i2) + ph;
  let tw0 = i32(i3) + pw;
  for (var o = g * og; o < (g + 1u) * og; o++) {
    let gc = prm[${IN0}] + i0 * a0 + o * a1;
    let wc = prm[${IN1}] + o * b0 + c * b1;
    for (var kh = 0u; kh < KH; kh++) {
      let th = th0 - i32(kh) * dh;
      if (th < 0 || th % sh != 0 || th / sh >= OH) { continue; }
      let gr = gc + u32(th / sh) * a2;
      let wr = wc + kh * b2;
      for (var kw = 0u; kw < KW; kw++) {
        let tw = tw0 - i32(kw) * dw;
        if (tw < 0 || tw % sw != 0 || tw / sw >= OW) { continue; }
        acc += in0[gr + u32(tw / sw) * a3] * in1[wr + kw * b3];
      }
    }
  }`,
  // result [O, Cg, kH, kW]: in0 = x, in1 = gradOut
  weightGrad: () => /* wgsl */ `${STRIDES}
  let ci = (i0 / og) * cg + i1;
  let OH = prm[20]; let OW = prm[21];
  let ih0 = i32(i2) * dh - ph;
  let iw0 = i32(i3) * dw - pw;
  for (var n = 0u; n < prm[12]; n++) {
    let xc = prm[${IN0}] + n * a0 + ci * a1;
    let gc = prm[${IN1}] + n * b0 + i0 * b1;
    for (var oh = 0u; oh < OH; oh++) {
      let ih = i32(oh) * sh + ih0;
      if (ih < 0 || ih >= H) { continue; }
      let xr = xc + u32(ih) * a2;
      let gr = gc + oh * b2;
      for (var ow = 0u; ow < OW; ow++) {
        let iw = i32(ow) * sw + iw0;
        if (iw < 0 || iw >= W) { continue; }
        acc += in0[xr + u32(iw) * a3] * in1[gr + ow * b3];
      }
    }
  }`,
};

function run(rt: Runtime, which: Which, result: View<GpuBuffer>, inputs: readonly View<GpuBuffer>[], m: Meta): void {
  const count = m.words[0]!;
  if (count === 0) return;
  const bias = inputs.length === 3;
  const source = (): string => /* wgsl */ `
${bindings('f32', inputs.map(() => 'f32'))}
${PRELUDE}
${elementHeader(0)}
${HEADER}
${BODY[which](bias)}
  out[vo(${OUT}u, i0, i1, i2, i3)] = acc;
}`;
  rt.dispatch({ key: `conv2d:${which}:${bias}`, source, out: result.buf.gpu, inputs: inputs.map((v) => v.buf.gpu), meta: m.words, groups: Math.ceil(count / WG) });
}

/**
 * `out` = conv2d(`x`, `weight`) + `bias`, float32.
 *
 * @example conv2d(rt, x, w, b, out, { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 });
 */
export function conv2d(rt: Runtime, x: View<GpuBuffer>, weight: View<GpuBuffer>, bias: View<GpuBuffer> | undefined, out: View<GpuBuffer>, p: Conv2dParams): void {
  const inputs = bias ? [x, weight, bias] : [x, weight];
  run(rt, 'forward', out, inputs, meta(out, x.shape, weight.shape, out.shape.slice(2), p, inputs));
}

/**
 * `gradIn` = the gradient of conv2d with respect to its input, from `gradOut`.
 *
 * @example conv2dInputGrad(rt, gradOut, w, gradIn, params);
 */
export function conv2dInputGrad(rt: Runtime, gradOut: View<GpuBuffer>, weight: View<GpuBuffer>, gradIn: View<GpuBuffer>, p: Conv2dParams): void {
  run(rt, 'inputGrad', gradIn, [gradOut, weight], meta(gradIn, gradIn.shape, weight.shape, gradOut.shape.slice(2), p, [gradOut, weight]));
}

/**
 * `gradWeight` = the gradient of conv2d with respect to its weight, from `x` and `gradOut`.
 *
 * @example conv2dWeightGrad(rt, x, gradOut, gradW, params);
 */
export function conv2dWeightGrad(rt: Runtime, x: View<GpuBuffer>, gradOut: View<GpuBuffer>, gradWeight: View<GpuBuffer>, p: Conv2dParams): void {
  run(rt, 'weightGrad', gradWeight, [x, gradOut], meta(gradWeight, x.shape, gradWeight.shape, gradOut.shape.slice(2), p, [x, gradOut]));
}
