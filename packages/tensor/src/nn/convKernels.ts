// Runs a convolution kernel on views: the backend's conv2d fast paths when it
// has them (1-D convolutions run as 2-D ones of height 1), else the reference
// decomposition into primitives (any spatial rank).

import type { Backend, Conv2dParams, View } from '../backend/types.js';
import { convolution, convolutionInputGrad, convolutionWeightGrad, type ConvParams } from '../backend/convReference.js';
import { scratch } from '../backend/windows.js';

/**
 * Runs `run` on float32 copies when `out` is float16/bfloat16, and rounds the
 * result once into `out` (half-type math is float32 math rounded once, as in
 * the rest of torchlet); other dtypes run as they are.
 * @example viaFloat32(backend, [x, w], out, ([xf, wf], o) => convolution(backend, xf!, wf!, undefined, o, p))
 */
export function viaFloat32(backend: Backend, inputs: readonly (View | undefined)[], out: View, run: (inputs: (View | undefined)[], out: View) => void): void {
  if (out.dtype !== 'float16' && out.dtype !== 'bfloat16') {
    run([...inputs], out);
    return;
  }
  const temps: View[] = [];
  const widen = (v: View | undefined): View | undefined => {
    if (v === undefined || v.dtype === 'float32' || v.dtype === 'int64') return v;
    const s = scratch(backend, 'float32', v.shape);
    temps.push(s);
    backend.copy(v, s);
    return s;
  };
  try {
    const wide = inputs.map(widen);
    const o = scratch(backend, 'float32', out.shape);
    temps.push(o);
    run(wide, o);
    backend.copy(o, out);
  } finally {
    for (const t of temps) backend.free(t.buf);
  }
}

/** A 1-D view [N, C, L] as [N, C, 1, L]. */
function as2d(v: View): View {
  return { ...v, shape: [v.shape[0]!, v.shape[1]!, 1, v.shape[2]!], strides: [v.strides[0]!, v.strides[1]!, 0, v.strides[2]!] };
}

/** The 2-D parameters of a 1-D or 2-D convolution, or undefined for other ranks. */
function params2d(p: ConvParams): Conv2dParams | undefined {
  const d = p.stride.length;
  if (d === 2) return { stride: [p.stride[0]!, p.stride[1]!], padding: [p.padding[0]!, p.padding[1]!], dilation: [p.dilation[0]!, p.dilation[1]!], groups: p.groups };
  if (d === 1) return { stride: [1, p.stride[0]!], padding: [0, p.padding[0]!], dilation: [1, p.dilation[0]!], groups: p.groups };
  return undefined;
}

/** Views as the 2-D fast paths take them (1-D ones gain a unit height). */
function lift(views: readonly View[], d: number): View[] {
  return d === 1 ? views.map(as2d) : [...views];
}

/**
 * `out` = convolution of `x` with `weight` (+ `bias`).
 * @example runConvolution(backend, x, w, undefined, out, { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 })
 */
export function runConvolution(backend: Backend, x: View, weight: View, bias: View | undefined, out: View, p: ConvParams): void {
  viaFloat32(backend, [x, weight, bias], out, ([xv, wv, bv], o) => convolutionOn(backend, xv!, wv!, bv, o, p));
}

function convolutionOn(backend: Backend, x: View, weight: View, bias: View | undefined, out: View, p: ConvParams): void {
  const fast = backend.supports.conv2d;
  const p2 = params2d(p);
  if (fast && p2) {
    const [xv, wv, ov] = lift([x, weight, out], p.stride.length) as [View, View, View];
    fast.call(backend.supports, xv, wv, bias, ov, p2);
  } else convolution(backend, x, weight, bias, out, p);
}

/**
 * `gradIn` = the gradient of a convolution with respect to its input (also the transposed convolution).
 * @example runInputGrad(backend, gradOut, w, gradIn, params)
 */
export function runInputGrad(backend: Backend, gradOut: View, weight: View, gradIn: View, p: ConvParams): void {
  viaFloat32(backend, [gradOut, weight], gradIn, ([g, w], o) => inputGradOn(backend, g!, w!, o, p));
}

function inputGradOn(backend: Backend, gradOut: View, weight: View, gradIn: View, p: ConvParams): void {
  const fast = backend.supports.conv2dInputGrad;
  const p2 = params2d(p);
  if (fast && p2) {
    const [g, wv, gi] = lift([gradOut, weight, gradIn], p.stride.length) as [View, View, View];
    fast.call(backend.supports, g, wv, gi, p2);
  } else convolutionInputGrad(backend, gradOut, weight, gradIn, p);
}

/**
 * `gradWeight` = the gradient of a convolution with respect to its weight.
 * @example runWeightGrad(backend, x, gradOut, gradW, params)
 */
export function runWeightGrad(backend: Backend, x: View, gradOut: View, gradWeight: View, p: ConvParams): void {
  viaFloat32(backend, [x, gradOut], gradWeight, ([xv, g], o) => weightGradOn(backend, xv!, g!, o, p));
}

function weightGradOn(backend: Backend, x: View, gradOut: View, gradWeight: View, p: ConvParams): void {
  const fast = backend.supports.conv2dWeightGrad;
  const p2 = params2d(p);
  if (fast && p2) {
    const [xv, g, gw] = lift([x, gradOut, gradWeight], p.stride.length) as [View, View, View];
    fast.call(backend.supports, xv, g, gw, p2);
  } else convolutionWeightGrad(backend, x, gradOut, gradWeight, p);
}
