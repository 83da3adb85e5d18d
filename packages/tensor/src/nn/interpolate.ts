// F.interpolate: nearest / nearest-exact (a gather per spatial dim), linear,
// bilinear and trilinear (one pass per spatial dim, last dim first, each a
// matmul with a two-tap interpolation matrix), and area (adaptive average
// pooling). Source positions follow PyTorch's kernels, including their float
// arithmetic for float32 inputs.

import type { View } from '../backend/types.js';
import { NotImplementedError, RuntimeError, ValueError } from '../errors.js';
import { fromValues } from '../creation.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { cast, contiguous } from '../copy.js';
import { checkKernelDtype, isOptions } from './convArgs.js';
import { adaptiveAvgPool1d, adaptiveAvgPool2d } from './adaptivePool.js';
import { selectAlong } from './selectAlong.js';

const INTERPOLATE = defineOp('interpolate');

/** F.interpolate's modes. */
export type InterpolateMode = 'nearest' | 'nearest-exact' | 'linear' | 'bilinear' | 'trilinear' | 'bicubic' | 'area';

/** Keyword form of F.interpolate's arguments. */
export interface InterpolateOptions {
  /** Output spatial size (one int for every dim, or one per dim). */
  size?: number | readonly number[] | null;
  /** Multiplier of each spatial size (the output size is ⌊input · scale⌋). */
  scaleFactor?: number | readonly number[] | null;
  mode?: InterpolateMode;
  /** Linear modes: map corner pixel centres onto each other. */
  alignCorners?: boolean | null;
  /** Compute the kernel's scale from the output size instead of `scaleFactor`. */
  recomputeScaleFactor?: boolean | null;
}

type InterpolateArgs = [
  size?: number | readonly number[] | null | InterpolateOptions,
  scaleFactor?: number | readonly number[] | null,
  mode?: InterpolateMode,
  alignCorners?: boolean | null,
  recomputeScaleFactor?: boolean | null,
];

/**
 * @internal Spatial dims of each mode computed with an interpolation matrix (linear and cubic).
 * @example LINEAR.bilinear // 2
 */
export const LINEAR: Partial<Record<InterpolateMode, number>> = { linear: 1, bilinear: 2, trilinear: 3, bicubic: 2 };
const MODES = 'nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact';

/**
 * @internal Rounds to float32 when the kernel computes in float (every input dtype but float64).
 * @example rounder(torch.zeros(1))(0.1) // 0.10000000149011612
 */
export function rounder(x: Tensor): (v: number) => number {
  return x.dtype === 'float64' ? (v) => v : Math.fround;
}

/**
 * @internal The source position of each output position along one dim, for nearest / nearest-exact.
 * @example nearestPositions(2, 4, undefined, false) // [0, 0, 1, 1]
 */
export function nearestPositions(inSize: number, outSize: number, scale: number | undefined, exact: boolean): number[] {
  const s = Math.fround(scale !== undefined && scale > 0 ? 1 / scale : inSize / outSize);
  return Array.from({ length: outSize }, (_, o) => {
    if (!exact && outSize === inSize) return o;
    if (!exact && outSize === 2 * inSize) return o >> 1;
    return Math.min(Math.floor(Math.fround((exact ? o + 0.5 : o) * s)), inSize - 1);
  });
}

/**
 * @internal The [in, out] matrix of linear interpolation along one dim (two taps per output).
 * @example linearMatrix(2, 3, undefined, true, (v) => v) // [1, 0.5, 0, 0, 0.5, 1]
 */
export function linearMatrix(inSize: number, outSize: number, scale: number | undefined, alignCorners: boolean, f: (v: number) => number): number[] {
  const m = new Array<number>(inSize * outSize).fill(0);
  let s: number;
  if (alignCorners) s = outSize > 1 ? f((inSize - 1) / (outSize - 1)) : 0;
  else s = f(scale !== undefined && scale > 0 ? 1 / scale : inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    // PyTorch: scale (float) · (o + 0.5) (double) − 0.5, rounded once to float
    let src = alignCorners ? f(s * o) : f(s * (o + 0.5) - 0.5);
    if (src < 0) src = 0;
    const i0 = Math.floor(src);
    const i1 = i0 + (i0 < inSize - 1 ? 1 : 0);
    const l1 = f(src - i0);
    const l0 = f(1 - l1);
    m[i0 * outSize + o] = m[i0 * outSize + o]! + l0;
    m[i1 * outSize + o] = m[i1 * outSize + o]! + l1;
  }
  return m;
}

/**
 * @internal The [in, out] matrix of cubic convolution (A = -0.75) along one dim:
 * four taps per output, positions clamped to the input as PyTorch clamps them.
 * @example cubicMatrix(2, 2, undefined, true, Math.fround) // the identity: [1, 0, 0, 1]
 */
export function cubicMatrix(inSize: number, outSize: number, scale: number | undefined, alignCorners: boolean, f: (v: number) => number): number[] {
  const a = -0.75;
  const near = (x: number): number => f(f(f(f((a + 2) * x) - (a + 3)) * x) * x + 1);
  const far = (x: number): number => f(f(f(f(f(a * x) - 5 * a) * x) + 8 * a) * x - 4 * a);
  const m = new Array<number>(inSize * outSize).fill(0);
  let s: number;
  if (alignCorners) s = outSize > 1 ? f((inSize - 1) / (outSize - 1)) : 0;
  else s = f(scale !== undefined && scale > 0 ? 1 / scale : inSize / outSize);
  for (let o = 0; o < outSize; o++) {
    // unlike the linear modes, a negative source position is kept
    const src = alignCorners ? f(s * o) : f(s * (o + 0.5) - 0.5);
    const i0 = Math.floor(src);
    const t = f(src - i0);
    const w = [far(f(t + 1)), near(t), near(f(1 - t)), far(f(f(1 - t) + 1))];
    w.forEach((wk, k) => {
      const i = Math.min(Math.max(i0 - 1 + k, 0), inSize - 1);
      m[i * outSize + o] = m[i * outSize + o]! + wk;
    });
  }
  return m;
}

/**
 * @internal The interpolation matrix of a matrix mode along one dim.
 * @example interpolationMatrix('bilinear', 2, 3, undefined, true, (v) => v) // linearMatrix(2, 3, undefined, true, (v) => v)
 */
export function interpolationMatrix(mode: InterpolateMode, inSize: number, outSize: number, scale: number | undefined, alignCorners: boolean, f: (v: number) => number): number[] {
  return mode === 'bicubic' ? cubicMatrix(inSize, outSize, scale, alignCorners, f) : linearMatrix(inSize, outSize, scale, alignCorners, f);
}

/**
 * @internal `x` resized along `dim` by `x ×_dim A` for the [in, out] matrix `a`.
 * @example linearAlong(x, 3, linearMatrix(4, 8, undefined, false, Math.fround), 8) // x resized to width 8
 */
export function linearAlong(x: Tensor, dim: number, a: readonly number[], outSize: number): Tensor {
  const inSize = x.shape[dim]!;
  const r = x.ndim;
  // the dim moved last: [...rest, in] @ [in, out] → [...rest, out]
  const order = [...x.shape.keys()].filter((d) => d !== dim).concat(dim);
  const xv = x.backendView;
  const av: View = { ...xv, shape: order.map((d) => x.shape[d]!), strides: order.map((d) => x.strides[d]!) };
  const mat = fromValues(a, [inSize, outSize], x.dtype, x.device).backendView;
  const batch = av.shape.slice(0, -1);
  const bv: View = { ...mat, shape: [...batch, inSize, outSize], strides: [...batch.map(() => 0), outSize, 1] };
  const rows = emptyTensor([...batch, outSize], x.dtype, x.device);
  const rv = rows.backendView;
  // matmul wants [..., M, K] x [..., K, N]: a unit M dim on both sides
  const unitA: View = { ...av, shape: [...batch, 1, inSize], strides: [...av.strides.slice(0, -1), 0, av.strides[r - 1]!] };
  const bvM: View = { ...bv, shape: [...batch, inSize, outSize] };
  const outM: View = { ...rv, shape: [...batch, 1, outSize], strides: [...rv.strides.slice(0, -1), 0, 1] };
  if (rows.numel() > 0) x.storage.backend.matmul(unitA, bvM, outM);
  // back to the original dim order
  const inverse = order.map((_, i) => order.indexOf(i));
  return rows.permute(inverse);
}

function resolveSizes(x: Tensor, d: number, size: InterpolateOptions['size'], scaleFactor: InterpolateOptions['scaleFactor']): { out: number[]; scales: (number | undefined)[] } {
  const spatial = x.shape.slice(2);
  const fmt = (v: number | readonly number[]): string => (typeof v === 'number' ? String(v) : `(${v.join(', ')}${v.length === 1 ? ',' : ''})`);
  if (size !== undefined && size !== null) {
    if (scaleFactor !== undefined && scaleFactor !== null) throw new ValueError('only one of size or scale_factor should be defined');
    if (typeof size !== 'number' && size.length !== d) {
      throw new ValueError(
        `Input and output must have the same number of spatial dimensions, but got input with spatial dimensions of [${spatial.join(', ')}] and output size of ${fmt(size)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.`,
      );
    }
    return { out: typeof size === 'number' ? new Array<number>(d).fill(size) : [...size], scales: new Array<undefined>(d).fill(undefined) };
  }
  if (scaleFactor === undefined || scaleFactor === null) throw new ValueError('either size or scale_factor should be defined');
  if (typeof scaleFactor !== 'number' && scaleFactor.length !== d) {
    throw new ValueError(
      `Input and scale_factor must have the same number of spatial dimensions, but got input with spatial dimensions of [${spatial.join(', ')}] and scale_factor of shape ${fmt(scaleFactor)}. Please provide input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.`,
    );
  }
  const scales = typeof scaleFactor === 'number' ? new Array<number>(d).fill(scaleFactor) : [...scaleFactor];
  return { out: spatial.map((s, i) => Math.floor(s * scales[i]!)), scales };
}

/**
 * `F.interpolate(input, size, scaleFactor, mode, alignCorners, recomputeScaleFactor)`
 * on [N, C, ...spatial] (1–3 spatial dims): positional as in PyTorch, or one options object.
 * Modes: `'nearest'` (default), `'nearest-exact'`, `'linear'`/`'bilinear'`/`'trilinear'`, `'bicubic'`, `'area'`.
 * @example torch.interpolate(torch.ones(1, 1, 2, 2), { scaleFactor: 2, mode: 'bilinear' }).shape // [1, 1, 4, 4]
 */
export function interpolate(input: Tensor, ...args: InterpolateArgs): Tensor {
  const o: InterpolateOptions = isOptions(args[0])
    ? (args[0] as InterpolateOptions)
    : { size: args[0] as InterpolateOptions['size'], scaleFactor: args[1], mode: args[2], alignCorners: args[3], recomputeScaleFactor: args[4] };
  const mode = o.mode ?? 'nearest';
  return traced(INTERPOLATE, [input], { ...o, mode }, () => {
    const d = input.ndim - 2;
    const linearDims = LINEAR[mode];
    if (o.alignCorners !== undefined && o.alignCorners !== null && linearDims === undefined) {
      throw new ValueError('align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear');
    }
    const { out, scales } = resolveSizes(input, Math.max(d, 0), o.size, o.scaleFactor);
    // recompute_scale_factor: the kernels see only the output size
    const kernelScales = o.recomputeScaleFactor ? scales.map(() => undefined) : scales;
    if (d < 1 || d > 3 || !(['nearest', 'nearest-exact', 'area', 'bicubic'].includes(mode) || linearDims !== undefined)) {
      throw new NotImplementedError(`Input Error: Only 3D, 4D and 5D input Tensors supported (got ${input.ndim}D) for the modes: ${MODES} (got ${mode})`);
    }
    if (linearDims !== undefined && linearDims !== d) {
      throw new NotImplementedError(`Got ${input.ndim}D input, but ${mode} mode needs ${linearDims + 2}D input`);
    }
    if (out.some((s) => s <= 0)) {
      const names = d === 1 ? ['W'] : d === 2 ? ['H', 'W'] : ['D', 'H', 'W'];
      const fmt = (v: readonly number[]): string => v.map((s, i) => `${names[i]}: ${s}`).join(', ');
      throw new RuntimeError(`Input and output sizes should be greater than 0, but got input (${fmt(input.shape.slice(2))}) output (${fmt(out)})`);
    }
    if (mode === 'area') {
      if (d === 1) return adaptiveAvgPool1d(input, out);
      if (d === 2) return adaptiveAvgPool2d(input, out);
      throw new NotImplementedError(`interpolate mode 'area' for 5-D inputs`);
    }
    if (mode === 'bicubic') checkKernelDtype('compute_indices_weights_cubic', input, []);
    else if (linearDims !== undefined) checkKernelDtype('compute_indices_weights_linear', input, []);
    else checkKernelDtype('compute_indices_weights_nearest', input, ['uint8']);
    // half types: float32 math rounded once (nearest copies, so it needs no widening)
    const half = linearDims !== undefined && (input.dtype === 'float16' || input.dtype === 'bfloat16');
    let x = half ? cast(input, 'float32') : input;
    for (let k = d - 1; k >= 0; k--) {
      const dim = 2 + k;
      const inSize = x.shape[dim]!;
      if (linearDims === undefined) x = selectAlong(x, dim, nearestPositions(inSize, out[k]!, kernelScales[k], mode === 'nearest-exact'));
      else x = linearAlong(x, dim, interpolationMatrix(mode, inSize, out[k]!, kernelScales[k], o.alignCorners ?? false, rounder(input)), out[k]!);
    }
    return half ? cast(x, input.dtype) : contiguous(x);
  });
}
