// Adaptive average / max pooling (1-D and 2-D): window o along a dim covers
// [⌊o·I/O⌋, ⌈(o+1)·I/O⌉). Windows differ in size, so each plane gets one extra
// element (0 for the average, -Inf for the max), every window is gathered into a
// row padded with that element, and the rows are reduced — primitives only.

import type { View } from '../backend/types.js';
import { fromValues } from '../creation.js';
import { cast } from '../copy.js';
import { contiguousStrides, numel } from '../backend/layout.js';
import { RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { checkKernelDtype, fmtList } from './convArgs.js';

const ADAPTIVE_AVG_1D = defineOp('adaptiveAvgPool1d');
const ADAPTIVE_AVG_2D = defineOp('adaptiveAvgPool2d');
const ADAPTIVE_MAX_1D = defineOp('adaptiveMaxPool1d');
const ADAPTIVE_MAX_2D = defineOp('adaptiveMaxPool2d');

/** One size per spatial dim; `null` keeps the input's size (2-D only). */
export type AdaptiveSize = number | readonly (number | null)[];

/**
 * @internal Every window's flat plane positions (row-major over its dims),
 * padded to the widest window with the position just past the plane, and the
 * number of real positions of each window.
 * @example windowTable([3], [2]).table // [0, 1, 1, 2]: windows [0, 2) and [1, 3)
 */
export function windowTable(input: readonly number[], output: readonly number[]): { width: number; table: number[]; counts: number[] } {
  const ranges = input.map((size, d) =>
    Array.from({ length: output[d]! }, (_, o) => [Math.floor((o * size) / output[d]!), Math.ceil(((o + 1) * size) / output[d]!)] as const),
  );
  const width = ranges.reduce((w, r) => w * Math.max(0, ...r.map(([s, e]) => e - s)), 1);
  const pad = numel(input);
  const table: number[] = [];
  const counts: number[] = [];
  const strides = contiguousStrides(input);
  // windows in row-major order of the output; each window's positions grow one dim at a time
  const each = (d: number, positions: number[]): void => {
    if (d === input.length) {
      counts.push(positions.length);
      table.push(...positions, ...new Array<number>(width - positions.length).fill(pad));
      return;
    }
    for (const [s, e] of ranges[d]!) {
      const next: number[] = [];
      for (const p of positions) for (let i = s; i < e; i++) next.push(p + i * strides[d]!);
      each(d + 1, next);
    }
  };
  each(0, [0]);
  return { width, table, counts };
}

function upload(values: readonly number[], dtype: 'int64' | 'float32', device: string): Tensor {
  return fromValues(values, [values.length], dtype, device);
}

/** The adaptive pooling of [N, C, ...S] into [N, C, ...O]: output and (for max) indices. */
function adaptive(x: Tensor, output: readonly number[], max: boolean): [Tensor, Tensor | undefined] {
  const [n, c] = [x.shape[0]!, x.shape[1]!];
  const spatial = x.shape.slice(2);
  const outShape = [n, c, ...output];
  const out = emptyTensor(outShape, x.dtype, x.device);
  const indices = max ? emptyTensor(outShape, 'int64', x.device) : undefined;
  if (out.numel() === 0) return [out, indices];
  const backend = x.storage.backend;
  const p = numel(spatial);
  const { width, table, counts } = windowTable(spatial, output);
  const windows = counts.length;
  // planes with one extra element: [N, C, P + 1]
  const planes = emptyTensor([n, c, p + 1], x.dtype, x.device);
  const pv = planes.backendView;
  backend.fill(pv, max ? -Infinity : 0);
  backend.copy(x.backendView, { ...pv, shape: x.shape, strides: [pv.strides[0]!, pv.strides[1]!, ...contiguousStrides(spatial)] });
  const index = upload(table, 'int64', x.device);
  const rows = emptyTensor([n, c, windows, width], x.dtype, x.device);
  const rv = rows.backendView;
  const idxView: View = { ...index.backendView, shape: [n, c, windows * width], strides: [0, 0, 1] };
  backend.gather(pv, 2, idxView, { ...rv, shape: [n, c, windows * width], strides: [rv.strides[0]!, rv.strides[1]!, 1] });
  const ov = out.backendView;
  const keep = (v: View): View => ({ ...v, shape: [n, c, windows, 1], strides: [v.strides[0]!, v.strides[1]!, 1, 1] });
  if (max) {
    backend.reduce('max', rv, [3], keep(ov));
    const arg = emptyTensor([n, c, windows, 1], 'int64', x.device);
    backend.reduce('argmax', rv, [3], arg.backendView);
    const tv: View = { ...index.backendView, shape: [n, c, windows, width], strides: [0, 0, width, 1] };
    backend.gather(tv, 3, arg.backendView, keep(indices!.backendView));
  } else {
    const sum = emptyTensor([n, c, windows, 1], x.dtype, x.device);
    backend.reduce('sum', rv, [3], sum.backendView);
    const cv = upload(counts, 'float32', x.device).backendView;
    const sv = sum.backendView;
    backend.binary('div', sv, { ...cv, shape: sv.shape, strides: [0, 0, 1, 0] }, keep(ov), x.dtype);
  }
  return [out, indices];
}

function sizes(name: string, outputSize: AdaptiveSize, input: readonly number[], d: number): number[] {
  const list = typeof outputSize === 'number' ? new Array<number>(d).fill(outputSize) : [...outputSize];
  if (list.length !== d) throw new RuntimeError(`${name}: output_size must be ${d}`);
  const out = list.map((s, i) => s ?? input[i]!);
  if (out.some((s) => s < 0)) throw new RuntimeError(`${name}: elements of output_size must be greater than or equal to 0 but received {${out.join(', ')}}`);
  return out;
}

function checkInput(name: string, x: Tensor, d: number, max: boolean): void {
  if (x.ndim !== d + 1 && x.ndim !== d + 2) {
    if (d === 1) {
      throw new RuntimeError(`Expected 2 to 3 dimensions, but got ${x.ndim}-dimensional tensor for argument #1 'self' (while checking arguments for ${name})`);
    }
    throw new RuntimeError(`${name}(): Expected 3D or 4D tensor, but got${max ? ':' : ''} ${fmtList(x.shape)}`);
  }
  const empty = x.shape.findIndex((s, i) => s === 0 && (i > 0 || x.ndim === d + 1));
  if (empty >= 0 && (max || empty >= x.ndim - d)) {
    throw new RuntimeError(
      `${name}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${fmtList(x.shape)} with dimension ${empty} being empty`,
    );
  }
  // the 1-D forms run the 2-D kernels
  checkKernelDtype(name.replace('1d', '2d'), x, []);
}

function run(name: string, input: Tensor, outputSize: AdaptiveSize, d: number, max: boolean): [Tensor, Tensor | undefined] {
  checkInput(name, input, d, max);
  const unbatched = input.ndim === d + 1;
  const x = unbatched ? input.unsqueeze(0) : input;
  const out = sizes(name, outputSize, x.shape.slice(2), d);
  // half types: float32 math rounded once (the max needs no widening)
  const half = !max && (x.dtype === 'float16' || x.dtype === 'bfloat16');
  const [wide, i] = adaptive(half ? cast(x, 'float32') : x, out, max);
  const y = half ? cast(wide, x.dtype) : wide;
  return unbatched ? [y.squeeze(0), i?.squeeze(0)] : [y, i];
}

/**
 * `F.adaptive_avg_pool1d(input, outputSize)` on [N, C, L] or [C, L].
 * @example torch.adaptiveAvgPool1d(torch.tensor([[1, 2, 3, 4]], { dtype: 'float32' }), 2) // tensor([[1.5000, 3.5000]])
 */
export function adaptiveAvgPool1d(input: Tensor, outputSize: AdaptiveSize): Tensor {
  return traced(ADAPTIVE_AVG_1D, [input], { outputSize }, () => run('adaptive_avg_pool1d', input, outputSize, 1, false)[0]);
}

/**
 * `F.adaptive_avg_pool2d(input, outputSize)` on [N, C, H, W] or [C, H, W]; `null` in `outputSize` keeps that dim.
 * @example torch.adaptiveAvgPool2d(torch.ones(1, 3, 7, 5), 1).shape // [1, 3, 1, 1]
 */
export function adaptiveAvgPool2d(input: Tensor, outputSize: AdaptiveSize): Tensor {
  return traced(ADAPTIVE_AVG_2D, [input], { outputSize }, () => run('adaptive_avg_pool2d', input, outputSize, 2, false)[0]);
}

/**
 * `F.adaptive_max_pool1d(input, outputSize, returnIndices)`: with `returnIndices`, `[output, indices]`.
 * @example torch.adaptiveMaxPool1d(torch.tensor([[1, 5, 3, 4]], { dtype: 'float32' }), 2) // tensor([[5., 4.]])
 */
export function adaptiveMaxPool1d(input: Tensor, outputSize: AdaptiveSize, returnIndices: true): [Tensor, Tensor];
export function adaptiveMaxPool1d(input: Tensor, outputSize: AdaptiveSize, returnIndices?: false): Tensor;
export function adaptiveMaxPool1d(input: Tensor, outputSize: AdaptiveSize, returnIndices = false): Tensor | [Tensor, Tensor] {
  const both = traced(ADAPTIVE_MAX_1D, [input], { outputSize }, () => run('adaptive_max_pool1d', input, outputSize, 1, true) as [Tensor, Tensor]);
  return returnIndices ? both : both[0];
}

/**
 * `F.adaptive_max_pool2d(input, outputSize, returnIndices)`: with `returnIndices`,
 * `[output, indices]` (int64, flat `h·W + w` per plane).
 * @example torch.adaptiveMaxPool2d(torch.arange(16, { dtype: 'float32' }).view(1, 4, 4), 2) // tensor([[[5., 7.], [13., 15.]]])
 */
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, returnIndices: true): [Tensor, Tensor];
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, returnIndices?: false): Tensor;
export function adaptiveMaxPool2d(input: Tensor, outputSize: AdaptiveSize, returnIndices = false): Tensor | [Tensor, Tensor] {
  const both = traced(ADAPTIVE_MAX_2D, [input], { outputSize }, () => run('adaptive_max_pool2d', input, outputSize, 2, true) as [Tensor, Tensor]);
  return returnIndices ? both : both[0];
}
