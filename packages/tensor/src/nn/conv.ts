// conv1d / conv2d / conv3d (torch.nn.functional): PyTorch's arguments, checks
// and messages; the work runs in a backend fast path or the reference
// decomposition (see convKernels.ts).

import { RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { squeeze } from '../views.js';
import {
  checkChannels, checkConvOperands, checkGeometry, expandArg, isOptions, type ConvOptions, type IntOrTuple,
} from './convArgs.js';
import { runConvolution } from './convKernels.js';
import { pad } from './pad.js';

const CONV_OPS: Record<number, string> = { 1: defineOp('conv1d'), 2: defineOp('conv2d'), 3: defineOp('conv3d') };

/** Positional stride/padding/dilation/groups, or one options object in the stride position. */
type ConvArgs = [stride?: IntOrTuple | ConvOptions, padding?: IntOrTuple | 'same' | 'valid', dilation?: IntOrTuple, groups?: number];

/**
 * The output size of each spatial dim, or PyTorch's "Kernel size can't be greater" error.
 * @example convOutputSize([32, 32], [5, 5], [1, 1], [2, 2], [1, 1]) // [32, 32]
 */
export function convOutputSize(input: readonly number[], kernel: readonly number[], stride: readonly number[], padding: readonly number[], dilation: readonly number[]): number[] {
  const padded = input.map((s, i) => s + 2 * padding[i]!);
  const effective = kernel.map((k, i) => dilation[i]! * (k - 1) + 1);
  if (padded.some((s, i) => s < effective[i]!)) {
    throw new RuntimeError(
      `Calculated padded input size per channel: (${padded.join(' x ')}). Kernel size: (${effective.join(' x ')}). Kernel size can't be greater than actual input size`,
    );
  }
  return padded.map((s, i) => Math.floor((s - effective[i]!) / stride[i]!) + 1);
}

/** The convolution itself, on resolved arguments (symmetric padding). */
function convImpl(d: number, input: Tensor, weight: Tensor, bias: Tensor | undefined, stride: number[], padding: number[], dilation: number[], groups: number): Tensor {
  const { x, unbatched } = checkConvOperands(`conv${d}d`, d, input, weight, bias);
  checkGeometry(stride, padding, dilation, groups);
  checkChannels(x, weight, bias, groups, false);
  const outSize = convOutputSize(x.shape.slice(2), weight.shape.slice(2), stride, padding, dilation);
  // PyTorch answers an input without channels with an output without channels
  const channels = x.shape[1] === 0 ? 0 : weight.shape[0]!;
  const out = emptyTensor([x.shape[0]!, channels, ...outSize], x.dtype, x.device);
  if (out.numel() > 0) {
    runConvolution(x.storage.backend, x.backendView, weight.backendView, bias?.backendView, out.backendView, { stride, padding, dilation, groups });
  }
  return unbatched ? squeeze(out, 0) : out;
}

/** Resolves the arguments, pads asymmetrically for `'same'` (as PyTorch does), and runs the traced op. */
function conv(d: number, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, args: ConvArgs): Tensor {
  const o: ConvOptions = isOptions(args[0]) ? args[0] : { stride: args[0], padding: args[1], dilation: args[2], groups: args[3] };
  const stride = expandArg(o.stride ?? 1, d, 'stride');
  const dilation = expandArg(o.dilation ?? 1, d, 'dilation');
  const groups = o.groups ?? 1;
  const spec = o.padding ?? 0;
  let x = input;
  let padding: number[];
  if (spec === 'valid') padding = new Array<number>(d).fill(0);
  else if (spec === 'same') {
    if (stride.some((s) => s !== 1)) throw new RuntimeError(`padding='same' is not supported for strided convolutions`);
    const kernel = weight.shape.slice(2);
    const total = kernel.map((k, i) => dilation[i]! * (k - 1));
    padding = total.map((t) => Math.floor(t / 2));
    // odd totals: the extra element goes after, padded explicitly (F.pad's order: last dim first)
    const extra = total.map((t, i) => t - 2 * padding[i]!);
    // the public (traced) pad, so that autograd sees it: PyTorch's ConstantPadNdBackward0 before the convolution
    if (extra.some((e) => e > 0)) x = pad(input, [...extra].reverse().flatMap((e) => [0, e]), 'constant', 0);
  } else if (typeof spec === 'string') throw new RuntimeError(`Invalid padding string: '${String(spec)}'`);
  else padding = expandArg(spec, d, 'padding');
  const op = CONV_OPS[d]!;
  return traced(op, [x, weight, bias ?? undefined], { stride, padding, dilation, groups }, () =>
    convImpl(d, x, weight, bias ?? undefined, stride, padding, dilation, groups),
  );
}

/**
 * `F.conv1d(input, weight, bias, stride, padding, dilation, groups)`: input
 * [N, C, L] or [C, L], weight [O, C/groups, k]. The arguments after `bias`
 * are positional as in PyTorch, or one options object.
 * @example torch.conv1d(torch.ones(1, 1, 5), torch.ones(1, 1, 3)) // tensor([[[3., 3., 3.]]])
 */
export function conv1d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: ConvArgs): Tensor {
  return conv(1, input, weight, bias, args);
}

/**
 * `F.conv2d(input, weight, bias, stride, padding, dilation, groups)`: input
 * [N, C, H, W] or [C, H, W], weight [O, C/groups, kH, kW]; `padding` may be
 * `'same'` or `'valid'`. Positional as in PyTorch, or one options object:
 * `conv2d(x, w, b, { padding: 2 })`. Padding modes other than zeros (nn.Conv2d's
 * `padding_mode`) are `pad(x, …, mode)` followed by a convolution with padding 0.
 * @example torch.conv2d(torch.ones(1, 1, 3, 3), torch.ones(2, 1, 2, 2), null, { padding: 1 }).shape // [1, 2, 4, 4]
 */
export function conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: ConvArgs): Tensor {
  return conv(2, input, weight, bias, args);
}

/**
 * `F.conv3d(input, weight, bias, stride, padding, dilation, groups)`: input
 * [N, C, D, H, W] or [C, D, H, W], weight [O, C/groups, kD, kH, kW].
 * @example torch.conv3d(torch.ones(1, 1, 3, 3, 3), torch.ones(1, 1, 3, 3, 3)) // tensor([[[[[27.]]]]])
 */
export function conv3d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: ConvArgs): Tensor {
  return conv(3, input, weight, bias, args);
}
