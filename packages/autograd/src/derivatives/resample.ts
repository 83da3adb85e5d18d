// Derivatives of pad, interpolate, unfold/fold (im2col/col2im) and pixel (un)shuffle, and of
// the gradient ops padBackward and interpolateBackward. Every one is linear in its input, and
// each pair is the other's adjoint: pad ↔ padBackward, interpolate ↔ interpolateBackward,
// unfold ↔ fold, pixelShuffle ↔ pixelUnshuffle.

import type { InterpolateBackwardOptions, InterpolateMode, OpCall, PadMode } from '@torchlet/tensor';
import { fold, interpolate, interpolateBackward, pad, padBackward, pixelShuffle, pixelUnshuffle, unfold } from '@torchlet/tensor';
import type { Derivative } from './types.js';

const UPSAMPLE: Partial<Record<InterpolateMode, string>> = {
  nearest: 'Nearest', 'nearest-exact': 'NearestExact', linear: 'Linear', bilinear: 'Bilinear', trilinear: 'Trilinear', bicubic: 'Bicubic',
};

/** PyTorch's node for F.interpolate: its upsample kernel's (the vec overload, Backward1), or adaptive pooling's for 'area'. */
function interpolateNode(call: OpCall): string {
  const mode = call.args['mode'] as InterpolateMode;
  const d = call.inputs[0]!.ndim - 2;
  if (mode === 'area') return d === 1 ? 'SqueezeBackward1' : `AdaptiveAvgPool${d}DBackward0`;
  return `Upsample${UPSAMPLE[mode] ?? mode}${d}DBackward1`;
}

function interpolateBackwardNode(call: OpCall): string {
  const mode = call.args['mode'] as InterpolateMode;
  const d = (call.args['inputSize'] as number[]).length - 2;
  if (mode === 'area') return `AdaptiveAvgPool${Math.max(d, 2)}DBackwardBackward0`;
  return `Upsample${UPSAMPLE[mode] ?? mode}${d}DBackwardBackward1`;
}

/** What interpolateBackward needs of the forward's options (the size follows from the shapes). */
function backwardOpts(args: Readonly<Record<string, unknown>>): InterpolateBackwardOptions {
  return {
    scaleFactor: args['scaleFactor'] as InterpolateBackwardOptions['scaleFactor'],
    mode: args['mode'] as InterpolateMode,
    alignCorners: args['alignCorners'] as boolean | null | undefined,
    recomputeScaleFactor: args['recomputeScaleFactor'] as boolean | null | undefined,
  };
}

const PAD_NODE: Record<PadMode, (d: number) => string> = {
  constant: () => 'ConstantPadNdBackward0',
  reflect: (d) => `ReflectionPad${d}DBackward0`,
  replicate: (d) => `ReplicationPad${d}DBackward0`,
  // PyTorch 1.13 pads circularly with slice copies
  circular: () => 'CopySlices',
};
const PAD_BACKWARD_NODE: Record<PadMode, (d: number) => string> = {
  constant: () => 'ConstantPadNdBackward0',
  reflect: (d) => `ReflectionPad${d}DBackwardBackward0`,
  replicate: (d) => `ReplicationPad${d}DBackwardBackward0`,
  circular: () => 'SliceBackwardBackward0',
};

interface FoldGeometry {
  kernel: [number, number];
  dilation: [number, number];
  padding: [number, number];
  stride: [number, number];
}
const foldOpts = (g: FoldGeometry) => ({ dilation: g.dilation, padding: g.padding, stride: g.stride });

export const resampleDerivatives: Record<string, Derivative> = {
  pad: {
    node: (call) => PAD_NODE[call.args['mode'] as PadMode]((call.args['pad'] as number[]).length / 2),
    vjp: (ctx) => {
      const { pad: p, mode } = ctx.args as { pad: number[]; mode: PadMode };
      return [padBackward(ctx.grad, ctx.inputShape(0), p, mode)];
    },
  },
  padBackward: {
    node: (call) => PAD_BACKWARD_NODE[call.args['mode'] as PadMode]((call.args['pad'] as number[]).length / 2),
    // the linear part of pad (a constant pad's value is 0 here)
    vjp: (ctx) => {
      const { pad: p, mode } = ctx.args as { pad: number[]; mode: PadMode };
      return [pad(ctx.grad, p, mode)];
    },
  },
  interpolate: {
    node: interpolateNode,
    vjp: (ctx) => [interpolateBackward(ctx.grad, ctx.inputShape(0), backwardOpts(ctx.args))],
  },
  interpolateBackward: {
    node: interpolateBackwardNode,
    vjp: (ctx) => {
      const o = backwardOpts(ctx.args);
      const outSize = ctx.inputShape(0).slice(2);
      // the forward again: by its scale factor when it had one (its output size is what that gives), else by size
      const given = o.scaleFactor !== undefined && o.scaleFactor !== null;
      const opts = { ...o, size: given ? undefined : outSize, scaleFactor: given ? o.scaleFactor : undefined };
      return [interpolate(ctx.grad, opts)];
    },
  },
  im2col: {
    node: 'Im2ColBackward0',
    vjp: (ctx) => {
      const g = ctx.args as unknown as FoldGeometry;
      const s = ctx.inputShape(0);
      return [fold(ctx.grad, [s[s.length - 2]!, s[s.length - 1]!], g.kernel, foldOpts(g))];
    },
  },
  col2im: {
    node: 'Col2ImBackward0',
    vjp: (ctx) => {
      const g = ctx.args as unknown as FoldGeometry;
      return [unfold(ctx.grad, g.kernel, foldOpts(g))];
    },
  },
  pixelShuffle: { node: 'PixelShuffleBackward0', vjp: (ctx) => [pixelUnshuffle(ctx.grad, ctx.args['upscaleFactor'] as number)] },
  pixelUnshuffle: { node: 'PixelUnshuffleBackward0', vjp: (ctx) => [pixelShuffle(ctx.grad, ctx.args['downscaleFactor'] as number)] },
};
