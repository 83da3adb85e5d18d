// Convolution of any spatial rank, decomposed into primitives: im2col (pad +
// strided windows + copy), one batched matmul per group, and col2im (strided
// adds) for the input gradient. The reference of the conv2d fast paths, and
// the implementation of conv1d/conv3d/transposed convolution on every backend.

import { numel } from './layout.js';
import type { Backend, BackendBuffer, View } from './types.js';
import { col2im, im2col, scratch, type Sweep } from './windows.js';

/** Stride, zero padding, dilation (one per spatial dim) and groups of a convolution. */
export interface ConvParams {
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly dilation: readonly number[];
  readonly groups: number;
}

function sweep(weight: View, p: ConvParams): Sweep {
  return { kernel: weight.shape.slice(2), stride: p.stride, padding: p.padding, dilation: p.dilation };
}

/** The weight [O, C/g, ...k] copied to a scratch [G, O/g, C/g·Πk]. */
function groupedWeight<B extends BackendBuffer>(backend: Backend<B>, weight: View<B>, groups: number): View<B> {
  const [o, cg] = weight.shape as [number, number];
  const og = o / groups;
  const kp = numel(weight.shape.slice(2));
  const wc = scratch(backend, weight.dtype, [groups, og, cg * kp]);
  const shape = [groups, og, ...weight.shape.slice(1)];
  const src: View<B> = { ...weight, shape, strides: [weight.strides[0]! * og, ...weight.strides] };
  if (numel(shape) > 0) backend.copy(src, { ...wc, shape, strides: contiguousOf(shape) });
  return wc;
}

function contiguousOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** `gradOut` [N, O, ...o] as a contiguous scratch read as [N, G, O/g, Πo] (a copy only when not already dense). */
function denseGrad<B extends BackendBuffer>(backend: Backend<B>, g: View<B>): { view: View<B>; owned: boolean } {
  const strides = contiguousOf(g.shape);
  if (g.strides.every((s, i) => s === strides[i] || g.shape[i] === 1)) return { view: { ...g, strides }, owned: false };
  const c = scratch(backend, g.dtype, g.shape);
  backend.copy(g, c);
  return { view: c, owned: true };
}

/**
 * Forward convolution: `out` [N, O, ...o] = Σ windows(x) · weight (+ bias).
 *
 * @example convolution(backend, x, w, undefined, out, { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 })
 */
export function convolution<B extends BackendBuffer>(
  backend: Backend<B>,
  x: View<B>,
  weight: View<B>,
  bias: View<B> | undefined,
  out: View<B>,
  p: ConvParams,
): void {
  if (numel(out.shape) === 0) return;
  const [n] = x.shape as [number];
  const g = p.groups;
  const o = weight.shape[0]!;
  const k = numel(weight.shape.slice(1));
  const outSize = out.shape.slice(2);
  const l = numel(outSize);
  const cols = im2col(backend, x, sweep(weight, p), outSize);
  const wc = groupedWeight(backend, weight, g);
  const res = scratch(backend, out.dtype, [n, g, o / g, l]);
  try {
    const a: View<B> = { ...wc, shape: [n, g, o / g, k], strides: [0, (o / g) * k, k, 1] };
    const b: View<B> = { ...cols, shape: [n, g, k, l], strides: [g * k * l, k * l, l, 1] };
    backend.matmul(a, b, res);
    const asOut: View<B> = { ...res, shape: out.shape, strides: contiguousOf(out.shape) };
    if (bias) {
      const bv: View<B> = { ...bias, shape: out.shape, strides: out.shape.map((_, i) => (i === 1 ? bias.strides[0]! : 0)) };
      backend.binary('add', asOut, bv, out, out.dtype);
    } else backend.copy(asOut, out);
  } finally {
    for (const v of [cols, wc, res]) backend.free(v.buf);
  }
}

/**
 * The gradient of `convolution` with respect to its input (= transposed
 * convolution): columns weightᵀ · gradOut summed back into `gradIn` by col2im.
 *
 * @example convolutionInputGrad(backend, gradOut, w, gradIn, params)
 */
export function convolutionInputGrad<B extends BackendBuffer>(
  backend: Backend<B>,
  gradOut: View<B>,
  weight: View<B>,
  gradIn: View<B>,
  p: ConvParams,
): void {
  if (numel(gradIn.shape) === 0) return;
  const [n, c] = gradIn.shape as [number, number];
  const g = p.groups;
  const o = weight.shape[0]!;
  const og = o / g;
  const k = numel(weight.shape.slice(1));
  const kernel = weight.shape.slice(2);
  const outSize = gradOut.shape.slice(2);
  const l = numel(outSize);
  const wc = groupedWeight(backend, weight, g);
  const go = denseGrad(backend, gradOut);
  const cols = scratch(backend, gradIn.dtype, [n, g, k, l]);
  try {
    const a: View<B> = { ...wc, shape: [n, g, k, og], strides: [0, og * k, 1, k] };
    const b: View<B> = { ...go.view, shape: [n, g, og, l], strides: [o * l, og * l, l, 1] };
    if (numel(cols.shape) > 0) {
      if (og === 0) backend.fill(cols, 0);
      else backend.matmul(a, b, cols);
    }
    const asCols: View<B> = { ...cols, shape: [n, c, ...kernel, ...outSize], strides: contiguousOf([n, c, ...kernel, ...outSize]) };
    col2im(backend, asCols, sweep(weight, p), outSize, gradIn);
  } finally {
    backend.free(wc.buf);
    backend.free(cols.buf);
    if (go.owned) backend.free(go.view.buf);
  }
}

/**
 * The gradient of `convolution` with respect to its weight: gradOut · windows(x)ᵀ, summed over the batch.
 *
 * @example convolutionWeightGrad(backend, x, gradOut, gradW, params)
 */
export function convolutionWeightGrad<B extends BackendBuffer>(
  backend: Backend<B>,
  x: View<B>,
  gradOut: View<B>,
  gradWeight: View<B>,
  p: ConvParams,
): void {
  if (numel(gradWeight.shape) === 0) return;
  const n = x.shape[0]!;
  const g = p.groups;
  const o = gradWeight.shape[0]!;
  const og = o / g;
  const k = numel(gradWeight.shape.slice(1));
  const outSize = gradOut.shape.slice(2);
  const l = numel(outSize);
  const cols = im2col(backend, x, sweep(gradWeight, p), outSize);
  const go = denseGrad(backend, gradOut);
  const prod = scratch(backend, gradWeight.dtype, [n, g, og, k]);
  const sum = scratch(backend, gradWeight.dtype, [1, g, og, k]);
  try {
    if (n === 0 || l === 0) backend.fill(sum, 0);
    else {
      const a: View<B> = { ...go.view, shape: [n, g, og, l], strides: [o * l, og * l, l, 1] };
      const b: View<B> = { ...cols, shape: [n, g, l, k], strides: [g * k * l, k * l, 1, l] };
      backend.matmul(a, b, prod);
      backend.reduce('sum', prod, [0], sum);
    }
    backend.copy({ ...sum, shape: gradWeight.shape, strides: contiguousOf(gradWeight.shape) }, gradWeight);
  } finally {
    for (const v of [cols, prod, sum]) backend.free(v.buf);
    if (go.owned) backend.free(go.view.buf);
  }
}
