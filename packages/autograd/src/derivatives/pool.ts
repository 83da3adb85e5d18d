// Derivatives of max/avg/adaptive pooling and max unpooling, and of the pooling gradient ops
// (each is linear in its output gradient: its adjoint is the forward pooling or a gather).

import type { Tensor } from '@torchlet/tensor';
import { adaptiveAvgPool2d, adaptiveAvgPool2dBackward, avgPool2d, avgPool2dBackward, maxPool2dBackward } from '@torchlet/tensor';
import { zerosFor } from './helpers.js';
import type { Derivative } from './types.js';

/** PyTorch runs the 1-D pools as 2-D ones between an unsqueeze and a squeeze: that is the node it names. */
const ONE_D = 'SqueezeBackward1';

/** Values of `g` read at each flat per-plane index (`indices` as max pools return them): the adjoint of their scatter-add. */
function gatherPlanes(g: Tensor, indices: Tensor): Tensor {
  return g.flatten(-2).gather(-1, indices.flatten(-2)).reshape([...indices.shape]);
}

interface AvgArgs {
  kernelSize: number[];
  stride: number[];
  padding: number[];
  ceilMode: boolean;
  countIncludePad: boolean;
  divisorOverride: number | null;
}

const avgOpts = (a: AvgArgs) => ({ stride: a.stride, padding: a.padding, ceilMode: a.ceilMode, countIncludePad: a.countIncludePad, divisorOverride: a.divisorOverride });

export const poolDerivatives: Record<string, Derivative> = {
  maxPool2dWithIndices: {
    node: 'MaxPool2DWithIndicesBackward0',
    save: { inputs: [0], outputs: [1] },
    vjp: (ctx) => [maxPool2dBackward(ctx.grad, ctx.input(0), ctx.output(1))],
  },
  maxPool2dWithIndicesBackward: {
    node: 'MaxPool2DWithIndicesBackwardBackward0',
    save: { inputs: [2] },
    // linear in grad_output (a scatter-add by the indices): its adjoint reads at the indices; no gradient for input
    vjp: (ctx) => [gatherPlanes(ctx.grad, ctx.input(2)), null, null],
  },
  maxPool1dWithIndices: {
    node: ONE_D,
    save: { outputs: [1] },
    vjp: (ctx) => [zerosFor(ctx, 0).scatterAdd(-1, ctx.output(1), ctx.grad)],
  },
  adaptiveMaxPool2d: {
    node: 'AdaptiveMaxPool2DBackward0',
    save: { inputs: [0], outputs: [1] },
    vjp: (ctx) => [maxPool2dBackward(ctx.grad, ctx.input(0), ctx.output(1))],
  },
  adaptiveMaxPool1d: {
    node: ONE_D,
    save: { outputs: [1] },
    vjp: (ctx) => [zerosFor(ctx, 0).scatterAdd(-1, ctx.output(1), ctx.grad)],
  },
  avgPool2d: {
    node: 'AvgPool2DBackward0',
    save: { inputs: [0] },
    vjp: (ctx) => {
      const a = ctx.args as unknown as AvgArgs;
      return [avgPool2dBackward(ctx.grad, ctx.input(0), a.kernelSize, avgOpts(a))];
    },
  },
  avgPool2dBackward: {
    node: 'AvgPool2DBackwardBackward0',
    vjp: (ctx) => {
      const a = ctx.args as unknown as AvgArgs;
      return [avgPool2d(ctx.grad, a.kernelSize, avgOpts(a)), null];
    },
  },
  avgPool1d: {
    node: ONE_D,
    save: { inputs: [0] },
    vjp: (ctx) => {
      const a = ctx.args as { kernelSize: number; stride: number; padding: number; ceilMode: boolean; countIncludePad: boolean };
      const opts = { stride: [1, a.stride], padding: [0, a.padding], ceilMode: a.ceilMode, countIncludePad: a.countIncludePad };
      return [avgPool2dBackward(ctx.grad.unsqueeze(-2), ctx.input(0).unsqueeze(-2), [1, a.kernelSize], opts).squeeze(-2)];
    },
  },
  adaptiveAvgPool2d: {
    node: 'AdaptiveAvgPool2DBackward0',
    save: { inputs: [0] },
    vjp: (ctx) => [adaptiveAvgPool2dBackward(ctx.grad, ctx.input(0))],
  },
  adaptiveAvgPool2dBackward: {
    node: 'AdaptiveAvgPool2DBackwardBackward0',
    vjp: (ctx) => {
      const s = ctx.inputShape(0);
      return [adaptiveAvgPool2d(ctx.grad, [s[s.length - 2]!, s[s.length - 1]!]), null];
    },
  },
  adaptiveAvgPool1d: {
    node: ONE_D,
    save: { inputs: [0] },
    vjp: (ctx) => [adaptiveAvgPool2dBackward(ctx.grad.unsqueeze(-2), ctx.input(0).unsqueeze(-2)).squeeze(-2)],
  },
  maxUnpool2d: {
    node: 'MaxUnpool2DBackward0',
    save: { inputs: [1] },
    // PyTorch's formula: each value reads the gradient at its index. Where overlapping windows aim
    // several (equal) values at one position, each gets that position's whole gradient, as in PyTorch
    vjp: (ctx) => [gatherPlanes(ctx.grad, ctx.input(1)), null],
  },
};
