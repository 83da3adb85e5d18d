// The implicit-GEMM convolutions on sizes the conformance suite does not reach:
// a weight gradient long enough to be split over several workgroups (partial
// results added in a second pass), and forward and input gradient with strides,
// dilation and groups over several tiles, against sums in double precision.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Conv2dParams, View } from '@torchlet/tensor/backend';
import { webgpu, type GpuBuffer, type WebGpuBackend } from './index.js';

let backend: WebGpuBackend;
beforeAll(async () => {
  backend = await webgpu();
});

type Shape = [number, number, number, number];

/** A contiguous float32 tensor of small integers (every sum exact in float32). */
function tensor(shape: Shape, seed: number): { view: View<GpuBuffer>; data: Float32Array<ArrayBuffer> } {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Float32Array.from({ length: n }, (_, i) => ((i * 5 + seed * 11) % 7) - 3);
  const buf = backend.alloc('float32', n);
  backend.write(buf, data);
  const strides = [shape[1] * shape[2] * shape[3], shape[2] * shape[3], shape[3], 1];
  return { view: { buf, dtype: 'float32', shape, strides, offset: 0 }, data };
}

const idx = (s: Shape, a: number, b: number, c: number, d: number): number => ((a * s[1] + b) * s[2] + c) * s[3] + d;

/** Calls `f(n, o, c, oh, ow, kh, kw, ih, iw)` for every product of the convolution. */
function taps(x: Shape, w: Shape, out: Shape, p: Conv2dParams, f: (n: number, o: number, c: number, oh: number, ow: number, kh: number, kw: number, ih: number, iw: number) => void): void {
  const og = w[0] / p.groups;
  for (let n = 0; n < x[0]; n++) for (let o = 0; o < w[0]; o++) for (let oh = 0; oh < out[2]; oh++) for (let ow = 0; ow < out[3]; ow++) {
    const g = Math.floor(o / og);
    for (let c = 0; c < w[1]; c++) for (let kh = 0; kh < w[2]; kh++) for (let kw = 0; kw < w[3]; kw++) {
      const ih = oh * p.stride[0] - p.padding[0] + kh * p.dilation[0];
      const iw = ow * p.stride[1] - p.padding[1] + kw * p.dilation[1];
      if (ih >= 0 && ih < x[2] && iw >= 0 && iw < x[3]) f(n, o, g * w[1] + c, oh, ow, kh, kw, ih, iw);
    }
  }
}

async function expectEqual(v: View<GpuBuffer>, expected: Float64Array): Promise<void> {
  const got = (await backend.read(v)) as Float32Array;
  const bad = expected.findIndex((e, i) => got[i] !== e);
  expect(bad < 0 ? 'all equal' : `[${bad}]: ${got[bad]} != ${expected[bad]}`).toBe('all equal');
}

describe('implicit-GEMM conv2d', () => {
  const p: Conv2dParams = { stride: [2, 1], padding: [1, 2], dilation: [1, 2], groups: 2 };
  const xs: Shape = [3, 4, 21, 19];
  const ws: Shape = [6, 2, 3, 3];
  const outs: Shape = [3, 6, Math.floor((21 + 2 - 2 - 1) / 2) + 1, Math.floor((19 + 4 - 4 - 1) / 1) + 1];

  it('forward, input gradient and weight gradient (split over workgroups) match double-precision sums', async () => {
    const x = tensor(xs, 1);
    const w = tensor(ws, 2);
    const g = tensor(outs, 3);
    const out = tensor(outs, 0);
    const gx = tensor(xs, 0);
    const gw = tensor(ws, 0);
    backend.supports.conv2d!(x.view, w.view, undefined, out.view, p);
    backend.supports.conv2dInputGrad!(g.view, w.view, gx.view, p);
    backend.supports.conv2dWeightGrad!(x.view, g.view, gw.view, p);
    const fwd = new Float64Array(out.data.length);
    const dx = new Float64Array(gx.data.length);
    const dw = new Float64Array(gw.data.length);
    taps(xs, ws, outs, p, (n, o, c, oh, ow, kh, kw, ih, iw) => {
      const cl = c % ws[1];
      fwd[idx(outs, n, o, oh, ow)]! += x.data[idx(xs, n, c, ih, iw)]! * w.data[idx(ws, o, cl, kh, kw)]!;
      dx[idx(xs, n, c, ih, iw)]! += g.data[idx(outs, n, o, oh, ow)]! * w.data[idx(ws, o, cl, kh, kw)]!;
      dw[idx(ws, o, cl, kh, kw)]! += g.data[idx(outs, n, o, oh, ow)]! * x.data[idx(xs, n, c, ih, iw)]!;
    });
    await expectEqual(out.view, fwd);
    await expectEqual(gx.view, dx);
    await expectEqual(gw.view, dw);
    for (const t of [x, w, g, out, gx, gw]) backend.free(t.view.buf);
    expect(backend.memory().buffers).toBe(0);
  }, 120_000);
});
