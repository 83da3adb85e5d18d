// The oracle of the 2-D pooling fast paths: each window walked as PyTorch's CPU
// kernels walk it (in-range elements only), in double precision.

import type { AvgPool2dParams, Pool2dParams } from '@torchlet/tensor/backend';
import { castScalar } from './scalar.js';
import { forEachIndex, getAt, setAt, type OracleView } from './view.js';

/**
 * Max of each window and the flat plane index `h·W + w` of the maximum: the
 * first maximum in row-major window order; a NaN replaces the maximum (so the
 * last NaN wins); a window of -Inf only reports its first in-range position.
 *
 * @example maxPool2dOracle(x, out, indices, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1] })
 */
export function maxPool2dOracle(x: OracleView, out: OracleView, indices: OracleView, p: Pool2dParams): void {
  const [, , h, w] = x.shape as [number, number, number, number];
  forEachIndex(out.shape, ([n, c, y, xx]) => {
    let y0 = y! * p.stride[0] - p.padding[0];
    let x0 = xx! * p.stride[1] - p.padding[1];
    const y1 = Math.min(y0 + (p.kernelSize[0] - 1) * p.dilation[0] + 1, h);
    const x1 = Math.min(x0 + (p.kernelSize[1] - 1) * p.dilation[1] + 1, w);
    while (y0 < 0) y0 += p.dilation[0];
    while (x0 < 0) x0 += p.dilation[1];
    let best = -Infinity;
    let at = y0 * w + x0;
    for (let iy = y0; iy < y1; iy += p.dilation[0]) {
      for (let ix = x0; ix < x1; ix += p.dilation[1]) {
        const v = Number(getAt(x, [n!, c!, iy, ix]));
        if (v > best || Number.isNaN(v)) {
          best = v;
          at = iy * w + ix;
        }
      }
    }
    setAt(out, [n!, c!, y!, xx!], castScalar(best, out.dtype));
    setAt(indices, [n!, c!, y!, xx!], castScalar(at, indices.dtype));
  });
}

/**
 * Mean of each window: the sum of its in-range elements over PyTorch's divisor
 * (the window clipped to the padded input, or to the input without
 * `countIncludePad`, or `divisorOverride`); 0 for a window outside the input.
 *
 * @example avgPool2dOracle(x, out, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], countIncludePad: true, divisorOverride: undefined })
 */
export function avgPool2dOracle(x: OracleView, out: OracleView, p: AvgPool2dParams): void {
  const [, , h, w] = x.shape as [number, number, number, number];
  const float = out.dtype.startsWith('float') || out.dtype === 'bfloat16';
  forEachIndex(out.shape, ([n, c, y, xx]) => {
    const ys = y! * p.stride[0] - p.padding[0];
    const xs = xx! * p.stride[1] - p.padding[1];
    const ye = Math.min(ys + p.kernelSize[0], h + p.padding[0]);
    const xe = Math.min(xs + p.kernelSize[1], w + p.padding[1]);
    const [y0, y1, x0, x1] = [Math.max(ys, 0), Math.min(ye, h), Math.max(xs, 0), Math.min(xe, w)];
    if (y0 >= y1 || x0 >= x1) {
      setAt(out, [n!, c!, y!, xx!], castScalar(0, out.dtype));
      return;
    }
    let sum = 0;
    for (let iy = y0; iy < y1; iy++) for (let ix = x0; ix < x1; ix++) sum += Number(getAt(x, [n!, c!, iy, ix]));
    const divisor = p.divisorOverride ?? (p.countIncludePad ? (ye - ys) * (xe - xs) : (y1 - y0) * (x1 - x0));
    setAt(out, [n!, c!, y!, xx!], castScalar(float ? sum / divisor : Math.trunc(sum / divisor), out.dtype));
  });
}
