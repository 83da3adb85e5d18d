// The gradients of 2-D pooling (ATen's max_pool2d_with_indices_backward and
// avg_pool2d_backward), for autograd's derivatives of maxPool and avgPool:
// max routes each output gradient to its argmax (a scatter-add over the plane),
// average spreads it over its window (col2im of a broadcast).

import { col2im } from '../backend/windows.js';
import type { View } from '../backend/types.js';
import { RuntimeError } from '../errors.js';
import { checkSameDevice } from '../operands.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { contiguous } from '../copy.js';
import { fmtList, type IntOrTuple } from './convArgs.js';
import { pair, poolOutputSize } from './poolArgs.js';

const MAX_BACKWARD = defineOp('maxPool2dWithIndicesBackward');
const AVG_BACKWARD = defineOp('avgPool2dBackward');

/** A [N, C, H, W] (or [C, H, W]) tensor as the backend view of [N, C, H·W]. */
function planes(t: Tensor): View {
  const c = contiguous(t);
  const v = c.backendView;
  const [n, ch] = t.ndim === 4 ? [t.shape[0]!, t.shape[1]!] : [1, t.shape[0]!];
  const hw = t.shape[t.ndim - 1]! * t.shape[t.ndim - 2]!;
  return { ...v, shape: [n, ch, hw], strides: [ch * hw, hw, 1] };
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The gradient of `maxPool2d` with respect to its input: each element of
 * `gradOutput` added at the position its `indices` entry names in its plane.
 * @example torch.maxPool2dBackward(torch.ones(1, 1, 1, 1), x, torch.tensor([[[[3]]]])) // 1 at x's element 3
 */
export function maxPool2dBackward(gradOutput: Tensor, input: Tensor, indices: Tensor): Tensor {
  return traced(MAX_BACKWARD, [gradOutput, input, indices], {}, () => {
    checkSameDevice([gradOutput, input, indices]);
    if (indices.dtype !== 'int64') throw new RuntimeError(`expected indices of dtype int64, but got ${indices.dtype}`);
    if (!sameShape(gradOutput.shape, indices.shape) || gradOutput.ndim !== input.ndim || (input.ndim !== 3 && input.ndim !== 4)) {
      throw new RuntimeError(
        `max_pool2d backward: expected grad_output and indices of one shape matching a 3-D or 4-D input, but got grad_output ${fmtList(gradOutput.shape)}, indices ${fmtList(indices.shape)} and input ${fmtList(input.shape)}`,
      );
    }
    const gradIn = emptyTensor(input.shape, gradOutput.dtype, input.device);
    const backend = input.storage.backend;
    if (gradIn.numel() === 0) return gradIn;
    backend.fill(gradIn.backendView, 0);
    if (gradOutput.numel() > 0) backend.scatterAdd(planes(gradIn), 2, planes(indices), planes(gradOutput));
    return gradIn;
  });
}

/** avg_pool2d's arguments, for its backward. */
export interface AvgPoolBackwardOptions {
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  ceilMode?: boolean;
  countIncludePad?: boolean;
  divisorOverride?: number | null;
}

/**
 * The gradient of `avgPool2d` with respect to its input: each output gradient,
 * divided by its window's divisor, added to every input element of the window.
 * @example torch.avgPool2dBackward(torch.ones(1, 1, 1, 1), torch.zeros(1, 1, 2, 2), 2) // every entry 0.25
 */
export function avgPool2dBackward(gradOutput: Tensor, input: Tensor, kernelSize: IntOrTuple, opts: AvgPoolBackwardOptions = {}): Tensor {
  const kernel = pair('avg_pool2d', 'kernel_size', kernelSize, 'must either be a single int, or a tuple of two ints');
  const stride = pair('avg_pool2d', 'stride', opts.stride === undefined || opts.stride === null ? kernelSize : opts.stride, 'must either be omitted, a single int, or a tuple of two ints');
  const padding = pair('avg_pool2d', 'padding', opts.padding ?? 0, 'must either be a single int, or a tuple of two ints');
  const ceilMode = opts.ceilMode ?? false;
  const countIncludePad = opts.countIncludePad ?? true;
  const divisorOverride = opts.divisorOverride ?? undefined;
  const args = { kernelSize: kernel, stride, padding, ceilMode, countIncludePad, divisorOverride: divisorOverride ?? null };
  return traced(AVG_BACKWARD, [gradOutput, input], args, () => {
    checkSameDevice([gradOutput, input]);
    if (input.ndim !== 3 && input.ndim !== 4) throw new RuntimeError('non-empty 3D or 4D (batch mode) tensor expected for input');
    const x = input.ndim === 3 ? input.unsqueeze(0) : input;
    const g = gradOutput.ndim === 3 ? gradOutput.unsqueeze(0) : gradOutput;
    const [h, w] = [x.shape[2]!, x.shape[3]!];
    const out = [poolOutputSize(h, kernel[0], padding[0], stride[0], 1, ceilMode), poolOutputSize(w, kernel[1], padding[1], stride[1], 1, ceilMode)];
    if (!sameShape(g.shape, [x.shape[0]!, x.shape[1]!, ...out])) {
      throw new RuntimeError(`avg_pool2d backward: expected grad_output of size ${fmtList([x.shape[0]!, x.shape[1]!, ...out])}, but got ${fmtList(g.shape)}`);
    }
    const gradIn = emptyTensor(x.shape, gradOutput.dtype, x.device);
    if (gradIn.numel() > 0) {
      const backend = x.storage.backend;
      // each output gradient over its divisor, then the same value at every tap of its window
      const divisors = new Float32Array(out[0]! * out[1]!);
      for (let oy = 0, r = 0; oy < out[0]!; oy++) {
        for (let ox = 0; ox < out[1]!; ox++, r++) divisors[r] = divisorOf(oy, ox, [h, w], kernel, stride, padding, countIncludePad, divisorOverride);
      }
      const dv = emptyTensor(out, 'float32', x.device);
      backend.write(dv.storage.buf, divisors);
      const scaled = emptyTensor(g.shape, g.dtype, x.device);
      const gv = g.backendView;
      backend.binary('div', gv, { ...dv.backendView, shape: g.shape, strides: [0, 0, out[1]!, 1] }, scaled.backendView, g.dtype);
      const sv = scaled.backendView;
      const cols: View = { ...sv, shape: [...g.shape.slice(0, 2), ...kernel, ...out], strides: [sv.strides[0]!, sv.strides[1]!, 0, 0, sv.strides[2]!, sv.strides[3]!] };
      col2im(backend, cols, { kernel, stride, padding, dilation: [1, 1] }, out, gradIn.backendView);
    }
    return input.ndim === 3 ? gradIn.squeeze(0) : gradIn;
  });
}

/** PyTorch's divisor of one average-pooling window (1 for a window wholly in the padding, whose gradient is dropped anyway). */
function divisorOf(
  oy: number,
  ox: number,
  size: readonly [number, number],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
  countIncludePad: boolean,
  divisorOverride: number | undefined,
): number {
  if (divisorOverride !== undefined) return divisorOverride;
  let padded = 1;
  let inside = 1;
  [oy, ox].forEach((o, i) => {
    const start = o * stride[i]! - padding[i]!;
    const end = Math.min(start + kernel[i]!, size[i]! + padding[i]!);
    padded *= end - start;
    inside *= Math.max(Math.min(end, size[i]!) - Math.max(start, 0), 0);
  });
  return inside === 0 ? 1 : countIncludePad ? padded : inside;
}
