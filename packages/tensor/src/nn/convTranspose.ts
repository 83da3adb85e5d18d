// conv_transpose1d/2d/3d: the gradient of a convolution with respect to its
// input, taken as an op of its own (weight [Cin, Cout/groups, ...k]).

import { RuntimeError } from '../errors.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { squeeze } from '../views.js';
import { checkChannels, checkConvOperands, checkGeometry, expandArg, isOptions, type ConvTransposeOptions, type IntOrTuple } from './convArgs.js';
import { runInputGrad } from './convKernels.js';

const OPS: Record<number, string> = { 1: defineOp('convTranspose1d'), 2: defineOp('convTranspose2d'), 3: defineOp('convTranspose3d') };

type TransposeArgs = [stride?: IntOrTuple | ConvTransposeOptions, padding?: IntOrTuple, outputPadding?: IntOrTuple, groups?: number, dilation?: IntOrTuple];

const AXES: Record<number, string[]> = { 1: ['width'], 2: ['height', 'width'], 3: ['depth', 'height', 'width'] };

function convTranspose(d: number, input: Tensor, weight: Tensor, bias: Tensor | null | undefined, args: TransposeArgs): Tensor {
  const o: ConvTransposeOptions = isOptions(args[0])
    ? args[0]
    : { stride: args[0], padding: args[1], outputPadding: args[2], groups: args[3], dilation: args[4] };
  const stride = expandArg(o.stride ?? 1, d, 'stride');
  const padding = expandArg(o.padding ?? 0, d, 'padding');
  const outputPadding = expandArg(o.outputPadding ?? 0, d, 'output_padding');
  const dilation = expandArg(o.dilation ?? 1, d, 'dilation');
  const groups = o.groups ?? 1;
  const b = bias ?? undefined;
  return traced(OPS[d]!, [input, weight, b], { stride, padding, outputPadding, dilation, groups }, () => {
    const { x, unbatched } = checkConvOperands(`conv_transpose${d}d`, d, input, weight, b, true);
    checkGeometry(stride, padding, dilation, groups);
    checkChannels(x, weight, b, groups, true);
    if (outputPadding.some((op, i) => op >= stride[i]! && op >= dilation[i]!)) {
      // 1-D runs as 2-D of height 1 in PyTorch, and says so
      const axes = AXES[Math.max(d, 2)]!;
      const lift = (v: number[], h: number): number[] => (d === 1 ? [h, ...v] : v);
      const part = (name: string, v: number[]): string => axes.map((a, i) => `${name}_${a}: ${v[i]}`).join(' ');
      throw new RuntimeError(
        `output padding must be smaller than either stride or dilation, but got ${part('output_padding', lift(outputPadding, 0))} ${part('stride', lift(stride, 1))} ${part('dilation', lift(dilation, 1))}`,
      );
    }
    const kernel = weight.shape.slice(2);
    const outSize = x.shape.slice(2).map((s, i) => (s - 1) * stride[i]! - 2 * padding[i]! + dilation[i]! * (kernel[i]! - 1) + outputPadding[i]! + 1);
    if (outSize.some((s) => s <= 0)) {
      throw new RuntimeError(`Given input size per channel: (${x.shape.slice(2).join(' x ')}). Calculated output size per channel: (${outSize.join(' x ')}). Output size is too small`);
    }
    const out = emptyTensor([x.shape[0]!, weight.shape[1]! * groups, ...outSize], x.dtype, x.device);
    if (out.numel() > 0) {
      const backend = x.storage.backend;
      runInputGrad(backend, x.backendView, weight.backendView, out.backendView, { stride, padding, dilation, groups });
      if (b) {
        const ov = out.backendView;
        const bv = { ...b.backendView, shape: out.shape, strides: out.shape.map((_, i) => (i === 1 ? b.strides[0]! : 0)) };
        backend.binary('add', ov, bv, ov, out.dtype);
      }
    }
    return unbatched ? squeeze(out, 0) : out;
  });
}

/**
 * `F.conv_transpose1d(input, weight, bias, stride, padding, outputPadding, groups, dilation)`:
 * input [N, Cin, L] or [Cin, L], weight [Cin, Cout/groups, k]. Positional as in PyTorch, or one options object.
 * @example torch.convTranspose1d(torch.ones(1, 1, 3), torch.ones(1, 1, 2)) // tensor([[[1., 2., 2., 1.]]])
 */
export function convTranspose1d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: TransposeArgs): Tensor {
  return convTranspose(1, input, weight, bias, args);
}

/**
 * `F.conv_transpose2d(input, weight, bias, stride, padding, outputPadding, groups, dilation)`:
 * input [N, Cin, H, W] or [Cin, H, W], weight [Cin, Cout/groups, kH, kW].
 * @example torch.convTranspose2d(torch.ones(1, 1, 2, 2), torch.ones(1, 1, 2, 2), null, { stride: 2 }).shape // [1, 1, 4, 4]
 */
export function convTranspose2d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: TransposeArgs): Tensor {
  return convTranspose(2, input, weight, bias, args);
}

/**
 * `F.conv_transpose3d(input, weight, bias, stride, padding, outputPadding, groups, dilation)`:
 * input [N, Cin, D, H, W] or [Cin, D, H, W], weight [Cin, Cout/groups, kD, kH, kW].
 * @example torch.convTranspose3d(torch.ones(1, 1, 1, 1, 1), torch.ones(1, 2, 2, 2, 2)).shape // [1, 2, 2, 2, 2]
 */
export function convTranspose3d(input: Tensor, weight: Tensor, bias?: Tensor | null, ...args: TransposeArgs): Tensor {
  return convTranspose(3, input, weight, bias, args);
}
