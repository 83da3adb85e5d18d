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

const BODY: Record<Which, (bias: boolean) => string> = {
  // result [N, O, OH, OW]: in0 = x, in1 = weight, in2 = bias
  forward: (bias) => /* wgsl */ `
  let g = i1 / og;
  for (var c = 0u; c < cg; c++) {
    for (var kh = 0u; kh < prm[18]; kh++) {
      let ih = i32(i2) * sh - ph + i32(kh) * dh;
      if (ih < 0 || ih >= H) { continue; }
      for (var kw = 0u; kw < prm[19]; kw++) {
        let iw = i32(i3) * sw - pw + i32(kw) * dw;
        if (iw < 0 || iw >= W) { continue; }
        acc += in0[vo(${IN0}u, i0, g * cg + c, u32(ih), u32(iw))] * in1[vo(${IN1}u, i1, c, kh, kw)];
      }
    }
  }
  ${bias ? `acc += in2[prm[${IN2}] + i1 * prm[${IN2 + 1}]];` : ''}`,
  // result [N, C, H, W]: in0 = gradOut, in1 = weight; an input element meets output
  // (oh, ow) through tap (kh, kw) when ih + ph − kh·dh = oh·sh
  inputGrad: () => /* wgsl */ `
  let g = i1 / cg; let c = i1 % cg;
  let OH = i32(prm[20]); let OW = i32(prm[21]);
  for (var o = g * og; o < (g + 1u) * og; o++) {
    for (var kh = 0u; kh < prm[18]; kh++) {
      let th = i32(i2) + ph - i32(kh) * dh;
      if (th < 0 || th % sh != 0 || th / sh >= OH) { continue; }
      for (var kw = 0u; kw < prm[19]; kw++) {
        let tw = i32(i3) + pw - i32(kw) * dw;
        if (tw < 0 || tw % sw != 0 || tw / sw >= OW) { continue; }
        acc += in0[vo(${IN0}u, i0, o, u32(th / sh), u32(tw / sw))] * in1[vo(${IN1}u, o, c, kh, kw)];
      }
    }
  }`,
  // result [O, Cg, kH, kW]: in0 = x, in1 = gradOut
  weightGrad: () => /* wgsl */ `
  let ci = (i0 / og) * cg + i1;
  for (var n = 0u; n < prm[12]; n++) {
    for (var oh = 0u; oh < prm[20]; oh++) {
      let ih = i32(oh) * sh - ph + i32(i2) * dh;
      if (ih < 0 || ih >= H) { continue; }
      for (var ow = 0u; ow < prm[21]; ow++) {
        let iw = i32(ow) * sw - pw + i32(i3) * dw;
        if (iw < 0 || iw >= W) { continue; }
        acc += in0[vo(${IN0}u, n, ci, u32(ih), u32(iw))] * in1[vo(${IN1}u, n, i0, oh, ow)];
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
