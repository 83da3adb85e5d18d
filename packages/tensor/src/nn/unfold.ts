// F.unfold (im2col: sliding blocks as columns) and F.fold (col2im: columns
// summed back into an image), made of the same window primitives as the
// convolution's reference decomposition.

import type { View } from '../backend/types.js';
import { col2im, padInto, sweepExtent, windowsView } from '../backend/windows.js';
import { IndexError, RuntimeError } from '../errors.js';
import { contiguous } from '../copy.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { checkKernelDtype, fmtList, isOptions, type IntOrTuple } from './convArgs.js';

// PyTorch's F.unfold / F.fold run aten's im2col / col2im (Tensor.unfold is another op)
const UNFOLD = defineOp('im2col');
const FOLD = defineOp('col2im');

/** Dilation, padding and stride of the sliding blocks (kernel size is positional). */
export interface FoldOptions {
  dilation?: IntOrTuple;
  padding?: IntOrTuple;
  stride?: IntOrTuple;
}

type FoldArgs = [dilation?: IntOrTuple | FoldOptions, padding?: IntOrTuple, stride?: IntOrTuple];

function pairOf(v: IntOrTuple, name: string): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (v.length !== 2) throw new RuntimeError(`It is expected ${name} equals to 2, but got size ${v.length}`);
  return [v[0]!, v[1]!];
}

function geometry(kernelSize: IntOrTuple, args: FoldArgs): { kernel: [number, number]; dilation: [number, number]; padding: [number, number]; stride: [number, number] } {
  const o: FoldOptions = isOptions(args[0]) ? args[0] : { dilation: args[0], padding: args[1], stride: args[2] };
  const g = {
    kernel: pairOf(kernelSize, 'kernel_size'),
    dilation: pairOf(o.dilation ?? 1, 'dilation'),
    padding: pairOf(o.padding ?? 0, 'padding'),
    stride: pairOf(o.stride ?? 1, 'stride'),
  };
  const check = (v: [number, number], ok: (x: number) => boolean, what: string, name: string): void => {
    if (!v.every(ok)) throw new RuntimeError(`${what}, but got ${name}_height: ${v[0]} ${name}_width: ${v[1]}`);
  };
  check(g.kernel, (k) => k > 0, 'kernel size should be greater than zero', 'kernel');
  check(g.dilation, (d) => d > 0, 'dilation should be greater than zero', 'dilation');
  check(g.padding, (p) => p >= 0, 'padding should be non-negative', 'pad');
  check(g.stride, (s) => s > 0, 'stride should be greater than zero', 'stride');
  return g;
}

function blocks(size: readonly number[], g: ReturnType<typeof geometry>): [number, number] {
  return [0, 1].map((i) => Math.floor((size[i]! + 2 * g.padding[i]! - g.dilation[i]! * (g.kernel[i]! - 1) - 1) / g.stride[i]!) + 1) as [number, number];
}

const tup = (v: readonly number[]): string => `(${v.join(', ')})`;

/**
 * `F.unfold(input, kernelSize, dilation, padding, stride)`: the sliding blocks
 * of [N, C, H, W] (or [C, H, W]) as columns, [N, C·kH·kW, L]. The arguments
 * after `kernelSize` are positional as in PyTorch, or one options object.
 * @example torch.unfold(torch.ones(1, 2, 3, 3), 2).shape // [1, 8, 4]
 */
export function unfold(input: Tensor, kernelSize: IntOrTuple, ...args: FoldArgs): Tensor {
  const g = geometry(kernelSize, args);
  return traced(UNFOLD, [input], { ...g }, () => {
    if (input.ndim < 3) throw new IndexError(`Dimension out of range (expected to be in range of [${-input.ndim}, ${input.ndim - 1}], but got ${input.ndim})`);
    if (input.ndim > 4) throw new RuntimeError(`Input Error: Only 3D or 4D input Tensors are supported (got ${input.ndim}D)`);
    const x = input.ndim === 3 ? input.unsqueeze(0) : input;
    checkKernelDtype('im2col_out_cpu', x, []);
    if (x.shape.slice(1).some((s) => s === 0)) {
      throw new RuntimeError(`Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: ${fmtList(input.shape)}`);
    }
    const size = x.shape.slice(2);
    const out = blocks(size, g);
    if (out.some((o) => o < 1)) {
      throw new RuntimeError(
        // PyTorch 1.13 prints the height twice here
        `Given input with spatial size ${tup([size[0]!, size[0]!])}, kernel_size=${tup(g.kernel)}, dilation=${tup(g.dilation)}, padding=${tup(g.padding)}, calculated shape of the array of sliding blocks as ${tup(out)}, but its components must be at least one.`,
      );
    }
    const [n, c] = [x.shape[0]!, x.shape[1]!];
    const cols = emptyTensor([n, c * g.kernel[0] * g.kernel[1], out[0] * out[1]], x.dtype, x.device);
    if (cols.numel() > 0) {
      const backend = x.storage.backend;
      const extent = out.map((o, i) => sweepExtent(o, g.kernel[i]!, g.stride[i]!, g.dilation[i]!));
      const padded = g.padding.some((p) => p > 0);
      const src = padded ? padInto(backend, x.backendView, g.padding, extent, 0) : x.backendView;
      try {
        const w = windowsView(src, g.kernel, g.stride, g.dilation, out);
        // [N, C, OH, OW, kH, kW] → [N, C, kH, kW, OH, OW]
        const perm = [0, 1, 4, 5, 2, 3];
        const view: View = { ...w, shape: perm.map((p) => w.shape[p]!), strides: perm.map((p) => w.strides[p]!) };
        const cv = cols.backendView;
        backend.copy(view, { ...cv, shape: view.shape, strides: [cv.strides[0]!, g.kernel[0] * g.kernel[1] * cv.strides[1]!, g.kernel[1] * cv.strides[1]!, cv.strides[1]!, out[1] * cv.strides[2]!, cv.strides[2]!] });
      } finally {
        if (padded) backend.free(src.buf);
      }
    }
    return input.ndim === 3 ? cols.squeeze(0) : cols;
  });
}

/**
 * `F.fold(input, outputSize, kernelSize, dilation, padding, stride)`: columns
 * [N, C·kH·kW, L] (or [C·kH·kW, L]) summed back into [N, C, H, W], each element
 * receiving every block entry that covers it (the adjoint of `unfold`).
 * @example torch.fold(torch.ones(1, 4, 4), [3, 3], 2) // the centre gets 4, corners 1
 */
export function fold(input: Tensor, outputSize: IntOrTuple, kernelSize: IntOrTuple, ...args: FoldArgs): Tensor {
  const g = geometry(kernelSize, args);
  const size = pairOf(outputSize, 'output_size');
  return traced(FOLD, [input], { outputSize: size, ...g }, () => {
    if ((input.ndim !== 2 && input.ndim !== 3) || input.shape.slice(input.ndim - 2).some((s) => s === 0)) {
      throw new RuntimeError(`Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: ${fmtList(input.shape)}`);
    }
    const x = input.ndim === 2 ? input.unsqueeze(0) : input;
    checkKernelDtype('col2im_out_cpu', x, []);
    const kk = g.kernel[0] * g.kernel[1];
    if (x.shape[1]! % kk !== 0) {
      throw new RuntimeError(
        `Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=${x.shape[1]} and kernel_size=${tup(g.kernel)}.`,
      );
    }
    const out = blocks(size, g);
    if (out[0] * out[1] !== x.shape[2]) {
      throw new RuntimeError(
        `Given output_size=${tup(size)}, kernel_size=${tup(g.kernel)}, dilation=${tup(g.dilation)}, padding=${tup(g.padding)}, stride=${tup(g.stride)}, expected size of input's dimension 2 to match the calculated number of sliding blocks ${out[0]} * ${out[1]} = ${out[0] * out[1]}, but got input.size(2)=${x.shape[2]}.`,
      );
    }
    const [n, c] = [x.shape[0]!, x.shape[1]! / kk];
    const image = emptyTensor([n, c, ...size], x.dtype, x.device);
    if (image.numel() > 0) {
      const cv = contiguous(x).backendView;
      const cols: View = { ...cv, shape: [n, c, ...g.kernel, ...out], strides: [c * kk * out[0] * out[1], kk * out[0] * out[1], g.kernel[1] * out[0] * out[1], out[0] * out[1], out[1], 1] };
      col2im(x.storage.backend, cols, { kernel: g.kernel, stride: g.stride, padding: g.padding, dilation: g.dilation }, out, image.backendView);
    }
    return input.ndim === 2 ? image.squeeze(0) : image;
  });
}
