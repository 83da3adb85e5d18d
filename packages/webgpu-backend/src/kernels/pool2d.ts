// The 2-D pooling fast paths: one thread per output element walks its window.
// Max pooling writes the values and the indices in two dispatches of one loop
// (a dispatch has one written binding); both pick the same element.

import type { AvgPool2dParams, Pool2dParams, View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, WG, bindings, elementHeader } from './strided.js';
import { convert, elemOf } from './wgslTypes.js';

// prm: 0 count | 1-4 out shape | 5-6 kernel | 7-8 stride | 9-10 padding | 11-12 dilation
// | 13-14 H W | 15 out view (offset, 4 strides) | 20 x view | 25 count_include_pad | 26 has divisor | 27 divisor (i32)
function meta(x: View<GpuBuffer>, out: View<GpuBuffer>, k: readonly number[], s: readonly number[], pad: readonly number[], dil: readonly number[], extra: readonly number[]): Meta {
  const m = new Meta();
  m.push(out.shape.reduce((a, b) => a * b, 1), ...out.shape, ...k, ...s, ...pad, ...dil, x.shape[2]!, x.shape[3]!);
  m.push(out.offset, ...out.strides, x.offset, ...x.strides, ...extra);
  return m;
}

const HEADER = /* wgsl */ `
  var r = i;
  let i3 = r % prm[4]; r = r / prm[4];
  let i2 = r % prm[3]; r = r / prm[3];
  let i1 = r % prm[2]; let i0 = r / prm[2];
  let H = i32(prm[13]); let W = i32(prm[14]);
  let xb = prm[20] + i0 * prm[21] + i1 * prm[22];
  let ob = prm[15] + i0 * prm[16] + i1 * prm[17] + i2 * prm[18] + i3 * prm[19];`;

function dispatch(rt: Runtime, key: string, body: string, out: View<GpuBuffer>, x: View<GpuBuffer>, m: Meta): void {
  const count = m.words[0]!;
  if (count === 0) return;
  const source = (): string => /* wgsl */ `
${bindings(elemOf(out.dtype), ['f32'])}
${elementHeader(0)}
${HEADER}
${body}
}`;
  rt.dispatch({ key, source, out: out.buf.gpu, inputs: [x.buf.gpu], meta: m.words, groups: Math.ceil(count / WG) });
}

/** The max-pooling loop: `best` and `at` (flat h·W + w) of the window, PyTorch's first maximum with NaN winning. */
const MAX_LOOP = /* wgsl */ `
  let dh = i32(prm[11]); let dw = i32(prm[12]);
  var y0 = i32(i2) * i32(prm[7]) - i32(prm[9]);
  var x0 = i32(i3) * i32(prm[8]) - i32(prm[10]);
  let y1 = min(y0 + (i32(prm[5]) - 1) * dh + 1, H);
  let x1 = min(x0 + (i32(prm[6]) - 1) * dw + 1, W);
  while (y0 < 0) { y0 += dh; }
  while (x0 < 0) { x0 += dw; }
  var best = -inf_f();
  var at = y0 * W + x0;
  for (var iy = y0; iy < y1; iy += dh) {
    for (var ix = x0; ix < x1; ix += dw) {
      let v = in0[xb + u32(iy) * prm[23] + u32(ix) * prm[24]];
      if (v > best || is_nan(v)) { best = v; at = iy * W + ix; }
    }
  }`;

/**
 * Max pooling of float32 `x` into `out` and `indices` (int64, or int32).
 *
 * @example maxPool2d(rt, x, out, indices, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1] });
 */
export function maxPool2d(rt: Runtime, x: View<GpuBuffer>, out: View<GpuBuffer>, indices: View<GpuBuffer>, p: Pool2dParams): void {
  const m = (v: View<GpuBuffer>): Meta => meta(x, v, p.kernelSize, p.stride, p.padding, p.dilation, []);
  dispatch(rt, 'maxPool2d:values', `${MAX_LOOP}\n  out[ob] = best;`, out, x, m(out));
  dispatch(rt, `maxPool2d:indices:${indices.dtype}`, `${MAX_LOOP}\n  out[ob] = ${convert('at', 'int32', indices.dtype)};`, indices, x, m(indices));
}

/**
 * Average pooling of float32 `x` into `out`, with PyTorch's divisor rules.
 *
 * @example avgPool2d(rt, x, out, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], countIncludePad: true, divisorOverride: undefined });
 */
export function avgPool2d(rt: Runtime, x: View<GpuBuffer>, out: View<GpuBuffer>, p: AvgPool2dParams): void {
  const extra = [p.countIncludePad ? 1 : 0, p.divisorOverride === undefined ? 0 : 1, (p.divisorOverride ?? 0) | 0];
  const body = /* wgsl */ `
  let ys = i32(i2) * i32(prm[7]) - i32(prm[9]);
  let xs = i32(i3) * i32(prm[8]) - i32(prm[10]);
  let ye = min(ys + i32(prm[5]), H + i32(prm[9]));
  let xe = min(xs + i32(prm[6]), W + i32(prm[10]));
  let y0 = max(ys, 0); let y1 = min(ye, H); let x0 = max(xs, 0); let x1 = min(xe, W);
  if (y0 >= y1 || x0 >= x1) { out[ob] = 0.0f; return; }
  var sum = 0.0f;
  for (var iy = y0; iy < y1; iy++) {
    for (var ix = x0; ix < x1; ix++) { sum += in0[xb + u32(iy) * prm[23] + u32(ix) * prm[24]]; }
  }
  var divisor = (y1 - y0) * (x1 - x0);
  if (prm[25] != 0u) { divisor = (ye - ys) * (xe - xs); }
  if (prm[26] != 0u) { divisor = bitcast<i32>(prm[27]); }
  out[ob] = sum / f32(divisor);`;
  dispatch(rt, 'avgPool2d', body, out, x, meta(x, out, p.kernelSize, p.stride, p.padding, [1, 1], extra));
}
