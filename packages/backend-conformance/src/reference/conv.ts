// The oracle of the conv2d fast paths: the definition of a convolution, one
// output (or gradient) element at a time, in double precision.

import type { Conv2dParams } from '@torchlet/tensor/backend';
import { castScalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

const num = (v: OracleView, idx: readonly number[]): number => Number(getAt(v, idx));

/** Input position of kernel tap `k` for output position `o` along one dim, or -1 outside the input. */
function tap(o: number, k: number, dim: 0 | 1, size: number, p: Conv2dParams): number {
  const i = o * p.stride[dim] - p.padding[dim] + k * p.dilation[dim];
  return i >= 0 && i < size ? i : -1;
}

/**
 * out[n, o, y, x] = bias[o] + Σ_{c, i, j} x[n, g·Cg + c, y·sH − pH + i·dH, x·sW − pW + j·dW] · w[o, c, i, j].
 *
 * @example conv2dOracle(x, w, undefined, out, { stride: [1, 1], padding: [0, 0], dilation: [1, 1], groups: 1 })
 */
export function conv2dOracle(x: OracleView, w: OracleView, bias: OracleView | undefined, out: OracleView, p: Conv2dParams): void {
  const [, , h, wd] = x.shape as [number, number, number, number];
  const [o, cg, kh, kw] = w.shape as [number, number, number, number];
  const og = o / p.groups;
  forEachIndex(out.shape, ([n, oc, y, xx]) => {
    const g = Math.floor(oc! / og);
    let acc = bias ? num(bias, [oc!]) : 0;
    for (let c = 0; c < cg; c++) {
      for (let i = 0; i < kh; i++) {
        const iy = tap(y!, i, 0, h, p);
        if (iy < 0) continue;
        for (let j = 0; j < kw; j++) {
          const ix = tap(xx!, j, 1, wd, p);
          if (ix >= 0) acc += num(x, [n!, g * cg + c, iy, ix]) * num(w, [oc!, c, i, j]);
        }
      }
    }
    setAt(out, [n!, oc!, y!, xx!], castScalar(acc, out.dtype));
  });
}

/**
 * gradIn[n, c, h, w] = Σ over every (o, y, x, i, j) whose tap lands on (h, w) of gradOut[n, o, y, x] · w[o, c mod Cg, i, j].
 *
 * @example conv2dInputGradOracle(gradOut, w, gradIn, params)
 */
export function conv2dInputGradOracle(gradOut: OracleView, w: OracleView, gradIn: OracleView, p: Conv2dParams): void {
  const [, , h, wd] = gradIn.shape as [number, number, number, number];
  const [o, cg, kh, kw] = w.shape as [number, number, number, number];
  const [, , oh, ow] = gradOut.shape as [number, number, number, number];
  const og = o / p.groups;
  forEachIndex(gradIn.shape, ([n, c, iy, ix]) => {
    const g = Math.floor(c! / cg);
    let acc = 0;
    for (let oc = g * og; oc < (g + 1) * og; oc++) {
      for (let y = 0; y < oh; y++) {
        for (let i = 0; i < kh; i++) {
          if (tap(y, i, 0, h, p) !== iy) continue;
          for (let xx = 0; xx < ow; xx++) {
            for (let j = 0; j < kw; j++) {
              if (tap(xx, j, 1, wd, p) === ix) acc += num(gradOut, [n!, oc, y, xx]) * num(w, [oc, c! - g * cg, i, j]);
            }
          }
        }
      }
    }
    setAt(gradIn, [n!, c!, iy!, ix!], castScalar(acc, gradIn.dtype));
  });
}

/**
 * gradW[o, c, i, j] = Σ_{n, y, x} gradOut[n, o, y, x] · x[n, g·Cg + c, tap(y, i), tap(x, j)].
 *
 * @example conv2dWeightGradOracle(x, gradOut, gradW, params)
 */
export function conv2dWeightGradOracle(x: OracleView, gradOut: OracleView, gradW: OracleView, p: Conv2dParams): void {
  const [nb, , h, wd] = x.shape as [number, number, number, number];
  const [o, cg] = gradW.shape as [number, number];
  const [, , oh, ow] = gradOut.shape as [number, number, number, number];
  const og = o / p.groups;
  forEachIndex(gradW.shape, ([oc, c, i, j]) => {
    const g = Math.floor(oc! / og);
    let acc = 0;
    for (let n = 0; n < nb; n++) {
      for (let y = 0; y < oh; y++) {
        const iy = tap(y, i!, 0, h, p);
        if (iy < 0) continue;
        for (let xx = 0; xx < ow; xx++) {
          const ix = tap(xx, j!, 1, wd, p);
          if (ix >= 0) acc += num(gradOut, [n, oc!, y, xx]) * num(x, [n, g * cg + c!, iy, ix]);
        }
      }
    }
    setAt(gradW, [oc!, c!, i!, j!], castScalar(acc, gradW.dtype));
  });
}
