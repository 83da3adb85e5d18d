// max_pool1d/2d (with indices) and avg_pool1d/2d (torch.nn.functional). 1-D
// pooling runs as 2-D pooling of height 1, as PyTorch does; the work runs in the
// backend's fast path or the reference decomposition into primitives.

import { avgPool, maxPool } from '../backend/poolReference.js';
import { IndexError, RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { squeeze, unsqueeze } from '../views.js';
import { checkKernelDtype, fmtList, isOptions, type IntOrTuple } from './convArgs.js';
import { viaFloat32 } from './convKernels.js';
import { checkPool2d, pair, poolOutputSize } from './poolArgs.js';

const MAX_POOL1D = defineOp('maxPool1dWithIndices');
const MAX_POOL2D = defineOp('maxPool2dWithIndices');
const AVG_POOL1D = defineOp('avgPool1d');
const AVG_POOL2D = defineOp('avgPool2d');

/** Keyword form of max pooling's arguments. */
export interface MaxPoolOptions {
  /** Window step; the kernel size when absent (or `[]`/null, as PyTorch's `stride=None`). */
  stride?: IntOrTuple | null;
  /** Implicit -Inf padding on both sides (at most half the kernel size). */
  padding?: IntOrTuple;
  dilation?: IntOrTuple;
  /** Round the output size up instead of down. */
  ceilMode?: boolean;
  /** Also return the flat per-plane index (int64) of each maximum: `[output, indices]`. */
  returnIndices?: boolean;
}

/** Keyword form of average pooling's arguments. */
export interface AvgPoolOptions {
  stride?: IntOrTuple | null;
  /** Implicit zero padding on both sides (at most half the kernel size). */
  padding?: IntOrTuple;
  ceilMode?: boolean;
  /** Whether the zero padding counts in the divisor (default true). */
  countIncludePad?: boolean;
  /** A fixed divisor (2-D only). */
  divisorOverride?: number | null;
}

type MaxArgs = [stride?: IntOrTuple | null | MaxPoolOptions, padding?: IntOrTuple, dilation?: IntOrTuple, ceilMode?: boolean, returnIndices?: boolean];
type AvgArgs = [stride?: IntOrTuple | null | AvgPoolOptions, padding?: IntOrTuple, ceilMode?: boolean, countIncludePad?: boolean, divisorOverride?: number | null];

function maxOptions(args: MaxArgs): MaxPoolOptions {
  if (isOptions(args[0])) return args[0] as MaxPoolOptions;
  const [stride, padding, dilation, ceilMode, returnIndices] = args as [IntOrTuple | null | undefined, IntOrTuple?, IntOrTuple?, boolean?, boolean?];
  return { stride, padding, dilation, ceilMode, returnIndices };
}

function avgOptions(args: AvgArgs): AvgPoolOptions {
  if (isOptions(args[0])) return args[0] as AvgPoolOptions;
  const [stride, padding, ceilMode, countIncludePad, divisorOverride] = args as [IntOrTuple | null | undefined, IntOrTuple?, boolean?, boolean?, number?];
  return { stride, padding, ceilMode, countIncludePad, divisorOverride };
}

function strideOf(stride: IntOrTuple | null | undefined, kernel: IntOrTuple): IntOrTuple {
  return stride === undefined || stride === null || (Array.isArray(stride) && stride.length === 0) ? kernel : stride;
}

/** max_pool2d_with_indices on a 3-D or 4-D input: `[output, indices]`. */
function maxPool2dImpl(input: Tensor, kernel: [number, number], stride: [number, number], padding: [number, number], dilation: [number, number], ceilMode: boolean): [Tensor, Tensor] {
  if (input.ndim !== 3 && input.ndim !== 4) throw new RuntimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const x = input.ndim === 3 ? unsqueeze(input, 0) : input;
  const outSize = [0, 1].map((i) => poolOutputSize(x.shape[2 + i]!, kernel[i]!, padding[i]!, stride[i]!, dilation[i]!, ceilMode)) as [number, number];
  checkPool2d(x, kernel, stride, dilation, outSize);
  checkKernelDtype('max_pool2d', x, []);
  const shape = [x.shape[0]!, x.shape[1]!, ...outSize];
  const out = emptyTensor(shape, x.dtype, x.device);
  const indices = emptyTensor(shape, 'int64', x.device);
  if (out.numel() > 0) {
    const backend = x.storage.backend;
    const p = { kernelSize: kernel, stride, padding, dilation };
    if (backend.supports.maxPool2d) backend.supports.maxPool2d(x.backendView, out.backendView, indices.backendView, p);
    else maxPool(backend, x.backendView, out.backendView, indices.backendView, p);
  }
  return input.ndim === 3 ? [squeeze(out, 0), squeeze(indices, 0)] : [out, indices];
}

/** avg_pool2d on a 3-D or 4-D input. */
function avgPool2dImpl(input: Tensor, kernel: [number, number], stride: [number, number], padding: [number, number], o: AvgPoolOptions): Tensor {
  if (input.ndim < 3) {
    throw new IndexError(`Dimension out of range (expected to be in range of [${-Math.max(input.ndim, 1)}, ${Math.max(input.ndim, 1) - 1}], but got -3)`);
  }
  if (input.ndim !== 3 && input.ndim !== 4) throw new RuntimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
  const divisor = o.divisorOverride ?? undefined;
  if (divisor === 0) throw new RuntimeError('divisor must be not zero');
  const x = input.ndim === 3 ? unsqueeze(input, 0) : input;
  const ceil = o.ceilMode ?? false;
  const outSize = [0, 1].map((i) => poolOutputSize(x.shape[2 + i]!, kernel[i]!, padding[i]!, stride[i]!, 1, ceil)) as [number, number];
  checkPool2d(x, kernel, stride, [1, 1], outSize);
  checkKernelDtype('avg_pool2d', x, ['int64']);
  const out = emptyTensor([x.shape[0]!, x.shape[1]!, ...outSize], x.dtype, x.device);
  if (out.numel() > 0) {
    const backend = x.storage.backend;
    const p = { kernelSize: kernel, stride, padding, countIncludePad: o.countIncludePad ?? true, divisorOverride: divisor };
    const fast = backend.supports.avgPool2d;
    viaFloat32(backend, [x.backendView], out.backendView, ([xv], o) => {
      if (fast) fast.call(backend.supports, xv!, o, p);
      else avgPool(backend, xv!, o, p);
    });
  }
  return input.ndim === 3 ? squeeze(out, 0) : out;
}

/**
 * `F.max_pool2d(input, kernelSize, stride, padding, dilation, ceilMode, returnIndices)`
 * on [N, C, H, W] or [C, H, W]; positional as in PyTorch or one options object.
 * With `returnIndices` the result is `[output, indices]` (indices: int64, flat `h·W + w` per plane).
 * @example const [y, idx] = torch.maxPool2d(torch.arange(16, { dtype: 'float32' }).view(1, 4, 4), 2, { returnIndices: true }) // y: [[[5, 7], [13, 15]]]
 */
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, stride: IntOrTuple | null | undefined, padding: IntOrTuple | undefined, dilation: IntOrTuple | undefined, ceilMode: boolean | undefined, returnIndices: true): [Tensor, Tensor];
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, ...args: MaxArgs): Tensor;
export function maxPool2d(input: Tensor, kernelSize: IntOrTuple, ...args: MaxArgs): Tensor | [Tensor, Tensor] {
  const o = maxOptions(args);
  const kernel = pair('max_pool2d', 'kernel_size', kernelSize, 'must either be a single int, or a tuple of two ints');
  const stride = pair('max_pool2d', 'stride', strideOf(o.stride, kernelSize), 'must either be omitted, a single int, or a tuple of two ints');
  const padding = pair('max_pool2d', 'padding', o.padding ?? 0, 'must either be a single int, or a tuple of two ints');
  const dilation = pair('max_pool2d', 'dilation', o.dilation ?? 1, 'must be either a single int, or a tuple of two ints');
  const ceilMode = o.ceilMode ?? false;
  const both = traced(MAX_POOL2D, [input], { kernelSize: kernel, stride, padding, dilation, ceilMode }, () =>
    maxPool2dImpl(input, kernel, stride, padding, dilation, ceilMode),
  );
  return o.returnIndices ? both : both[0];
}

/** One int (or a one-element list) of a 1-D pooling argument. */
function single(v: IntOrTuple): number {
  return typeof v === 'number' ? v : v[0]!;
}

/** max_pool1d's own checks (the path without indices). */
function checkMaxPool1d(x: Tensor, k: number, s: number, p: number, d: number): void {
  if (x.ndim !== 2 && x.ndim !== 3) {
    throw new RuntimeError(`max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmtList(x.shape)}`);
  }
  if (x.shape.slice(-2).some((v) => v === 0)) {
    throw new RuntimeError(`max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmtList(x.shape)}`);
  }
  if (k <= 0) throw new RuntimeError(`max_pool1d() kernel_size must be greater than zero, but got ${k}`);
  if (s <= 0) throw new RuntimeError(`max_pool1d() stride must be greater than zero, but got ${s}`);
  if (p < 0) throw new RuntimeError(`max_pool1d() padding must be non-negative, but got ${p}`);
  if (p > Math.floor(k / 2)) throw new RuntimeError(`max_pool1d() padding should be at most half of kernel size, but got padding=${p} and kernel_size=${k}`);
  if (d <= 0) throw new RuntimeError(`max_pool1d() dilation must be greater than zero, but got ${d}`);
}

/**
 * `F.max_pool1d(input, kernelSize, stride, padding, dilation, ceilMode, returnIndices)` on [N, C, L] or [C, L].
 * @example torch.maxPool1d(torch.tensor([[1, 3, 2, 5]], { dtype: 'float32' }), 2) // tensor([[3., 5.]])
 */
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, opts: MaxPoolOptions & { returnIndices: true }): [Tensor, Tensor];
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, stride: IntOrTuple | null | undefined, padding: IntOrTuple | undefined, dilation: IntOrTuple | undefined, ceilMode: boolean | undefined, returnIndices: true): [Tensor, Tensor];
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, ...args: MaxArgs): Tensor;
export function maxPool1d(input: Tensor, kernelSize: IntOrTuple, ...args: MaxArgs): Tensor | [Tensor, Tensor] {
  const o = maxOptions(args);
  const k = single(kernelSize);
  const s = single(strideOf(o.stride, kernelSize));
  const p = single(o.padding ?? 0);
  const d = single(o.dilation ?? 1);
  const ceilMode = o.ceilMode ?? false;
  const returnIndices = o.returnIndices ?? false;
  const both = traced(MAX_POOL1D, [input], { kernelSize: k, stride: s, padding: p, dilation: d, ceilMode }, () => {
    if (!returnIndices) {
      checkMaxPool1d(input, k, s, p, d);
      checkKernelDtype('max_pool1d_impl', input, []);
      // this path allows an empty output (PyTorch's max_pool1d kernel)
      const len = poolOutputSize(input.shape[input.ndim - 1]!, k, p, s, d, ceilMode);
      if (len < 0) throw new RuntimeError(`max_pool1d() Invalid computed output size: ${len}`);
      if (len === 0) {
        const shape = [...input.shape.slice(0, -1), 0];
        return [emptyTensor(shape, input.dtype, input.device), emptyTensor(shape, 'int64', input.device)] as [Tensor, Tensor];
      }
    }
    const [y, i] = maxPool2dImpl(unsqueeze(input, -2), [1, k], [1, s], [0, p], [1, d], ceilMode);
    return [squeeze(y, -2), squeeze(i, -2)] as [Tensor, Tensor];
  });
  return returnIndices ? both : both[0];
}

/**
 * `F.avg_pool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride)`
 * on [N, C, H, W] or [C, H, W]; positional as in PyTorch or one options object.
 * @example torch.avgPool2d(torch.ones(1, 1, 4, 4), 2, { padding: 1, countIncludePad: false }).shape // [1, 1, 3, 3]
 */
export function avgPool2d(input: Tensor, kernelSize: IntOrTuple, ...args: AvgArgs): Tensor {
  const o = avgOptions(args);
  const kernel = pair('avg_pool2d', 'kernel_size', kernelSize, 'must either be a single int, or a tuple of two ints');
  const stride = pair('avg_pool2d', 'stride', strideOf(o.stride, kernelSize), 'must either be omitted, a single int, or a tuple of two ints');
  const padding = pair('avg_pool2d', 'padding', o.padding ?? 0, 'must either be a single int, or a tuple of two ints');
  const args2 = { kernelSize: kernel, stride, padding, ceilMode: o.ceilMode ?? false, countIncludePad: o.countIncludePad ?? true, divisorOverride: o.divisorOverride ?? null };
  return traced(AVG_POOL2D, [input], args2, () => avgPool2dImpl(input, kernel, stride, padding, o));
}

/**
 * `F.avg_pool1d(input, kernelSize, stride, padding, ceilMode, countIncludePad)` on [N, C, L] or [C, L].
 * @example torch.avgPool1d(torch.tensor([[1, 3, 2, 5]], { dtype: 'float32' }), 2) // tensor([[2.0000, 3.5000]])
 */
export function avgPool1d(
  input: Tensor,
  kernelSize: IntOrTuple,
  ...args: [stride?: IntOrTuple | null | Omit<AvgPoolOptions, 'divisorOverride'>, padding?: IntOrTuple, ceilMode?: boolean, countIncludePad?: boolean]
): Tensor {
  const o = avgOptions(args as AvgArgs);
  const k = single(kernelSize);
  const s = single(strideOf(o.stride, kernelSize));
  const p = single(o.padding ?? 0);
  const args1 = { kernelSize: k, stride: s, padding: p, ceilMode: o.ceilMode ?? false, countIncludePad: o.countIncludePad ?? true };
  return traced(AVG_POOL1D, [input], args1, () => {
    if (input.ndim !== 2 && input.ndim !== 3) {
      throw new RuntimeError(`Expected 2 to 3 dimensions, but got ${input.ndim}-dimensional tensor for argument #1 'self' (while checking arguments for avg_pool1d)`);
    }
    const y = avgPool2dImpl(unsqueeze(input, -2), [1, k], [1, s], [0, p], { ...o, divisorOverride: undefined });
    return squeeze(y, -2);
  });
}
