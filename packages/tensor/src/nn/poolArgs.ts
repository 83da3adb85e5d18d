// Pooling arguments and shape checks, with PyTorch's messages
// (pooling_output_shape and pool2d_shape_check in ATen).

import { RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { fmtList, type IntOrTuple } from './convArgs.js';

/**
 * An int or a pair, checked as max_pool2d / avg_pool2d check them (`[]` or absent stride means the kernel size).
 * @example pair('max_pool2d', 'kernel_size', 3, 'must either be a single int, or a tuple of two ints') // [3, 3]
 */
export function pair(op: string, name: string, v: IntOrTuple, phrase: string): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (v.length === 1) return [v[0]!, v[0]!];
  if (v.length !== 2) throw new RuntimeError(`${op}: ${name} ${phrase}`);
  return [v[0]!, v[1]!];
}

/**
 * PyTorch's pooling_output_shape: the output length of one dim (ceil mode drops
 * a last window that would start in the right padding).
 * @example poolOutputSize(5, 2, 0, 2, 1, true) // 3
 */
export function poolOutputSize(input: number, kernel: number, pad: number, stride: number, dilation: number, ceilMode: boolean): number {
  if (stride === 0) throw new RuntimeError('stride should not be zero');
  if (pad < 0) throw new RuntimeError(`pad must be non-negative, but got pad: ${pad}`);
  if (pad > Math.floor(kernel / 2)) throw new RuntimeError(`pad should be at most half of kernel size, but got pad=${pad} and kernel_size=${kernel}`);
  const span = input + 2 * pad - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0);
  let out = Math.floor(span / stride) + 1;
  if (ceilMode && (out - 1) * stride >= input + pad) out--;
  return out;
}

/**
 * PyTorch's pool2d_shape_check: positive kernel, stride, dilation; non-empty planes; an output of at least one element.
 * @example checkPool2d(x, [2, 2], [2, 2], [1, 1], [0, 0]) // throws '... Output size is too small'
 */
export function checkPool2d(
  x: Tensor,
  kernel: readonly number[],
  stride: readonly number[],
  dilation: readonly number[],
  outSize: readonly number[],
): void {
  if (kernel.some((k) => k <= 0)) throw new RuntimeError(`kernel size should be greater than zero, but got kH: ${kernel[0]} kW: ${kernel[1]}`);
  if (stride.some((s) => s <= 0)) throw new RuntimeError(`stride should be greater than zero, but got dH: ${stride[0]} dW: ${stride[1]}`);
  if (dilation.some((v) => v <= 0)) {
    throw new RuntimeError(`dilation should be greater than zero, but got dilationH: ${dilation[0]} dilationW: ${dilation[1]}`);
  }
  if (x.shape.slice(1).some((s) => s === 0)) {
    throw new RuntimeError(`Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:${fmtList(x.shape)}`);
  }
  if (outSize.some((o) => o < 1)) {
    const [c, h, w] = x.shape.slice(1);
    throw new RuntimeError(`Given input size: (${c}x${h}x${w}). Calculated output size: (${c}x${outSize[0]}x${outSize[1]}). Output size is too small`);
  }
}
