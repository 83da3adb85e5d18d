// Derivatives of the convolutions (ConvolutionBackward0) and of their gradient ops
// (ConvolutionBackwardBackward0). Each is linear in each operand; the adjoints are
// conv ↔ convInputGrad (over the input) and convWeightGrad (over the weight).

import type { OpCall, Tensor } from '@torchlet/tensor';
import { conv1d, conv2d, conv3d, convInputGrad, convWeightGrad } from '@torchlet/tensor';
import type { Derivative } from './types.js';

interface ConvArgs {
  stride: number[];
  padding: number[];
  dilation: number[];
  groups: number;
}

const CONV = [conv1d, conv1d, conv2d, conv3d] as const;

/** A convolution of spatial rank `d` with padding given as numbers. */
function convolve(d: number, x: Tensor, w: Tensor, a: ConvArgs): Tensor {
  return CONV[d]!(x, w, null, { stride: a.stride, padding: a.padding, dilation: a.dilation, groups: a.groups });
}

/** The gradient of the bias: the (batched) output gradient summed over all dims but the channels. */
function biasGrad(g: Tensor): Tensor {
  const dims = Array.from({ length: g.ndim }, (_, i) => i).filter((i) => i !== 1);
  return g.sum(dims);
}

/** `t` with a batch dim when the forward's input had none (the kernels want one). */
const batch = (t: Tensor, unbatched: boolean): Tensor => (unbatched ? t.unsqueeze(0) : t);

/** PyTorch runs an unbatched convolution between an unsqueeze and a squeeze: that is the node it names. */
const convNode = (d: number) => (call: OpCall): string => (call.inputs[0]!.ndim === d + 1 ? 'SqueezeBackward1' : 'ConvolutionBackward0');

/** The gradients of a convolution-like op with respect to its (batched) input and weight. */
interface ConvGrads {
  input(d: number, g: Tensor, x: Tensor, w: Tensor, a: ConvArgs): Tensor;
  weight(d: number, g: Tensor, x: Tensor, w: Tensor, a: ConvArgs): Tensor;
}

/** A derivative of conv or convTranspose: unbatched inputs get a batch dim, the bias sums the gradient. */
const convLikeDerivative = (d: number, grads: ConvGrads): Derivative => ({
  node: convNode(d),
  save: { inputs: [0, 1] },
  vjp: (ctx) => {
    const a = ctx.args as unknown as ConvArgs;
    const w = ctx.input(1);
    const unbatched = ctx.input(0).ndim === d + 1;
    const x = batch(ctx.input(0), unbatched);
    const g = batch(ctx.grad, unbatched);
    const gx = ctx.needs(0) ? grads.input(d, g, x, w, a) : null;
    const gw = ctx.needs(1) ? grads.weight(d, g, x, w, a) : null;
    const gb = ctx.has(2) && ctx.needs(2) ? biasGrad(g) : null;
    return [gx && unbatched ? gx.squeeze(0) : gx, gw, gb];
  },
});

const convGrads: ConvGrads = {
  input: (_d, g, x, w, a) => convInputGrad(x.shape, w, g, a),
  weight: (_d, g, x, w, a) => convWeightGrad(x, w.shape, g, a),
};

/** conv_transpose: the forward is convInputGrad with the input as the output gradient. */
const convTransposeGrads: ConvGrads = {
  input: (d, g, _x, w, a) => convolve(d, g, w, a),
  weight: (_d, g, x, w, a) => convWeightGrad(g, w.shape, x, a),
};

const spatialRank = (size: readonly number[]): number => size.length - 2;

export const convDerivatives: Record<string, Derivative> = {
  conv1d: convLikeDerivative(1, convGrads),
  conv2d: convLikeDerivative(2, convGrads),
  conv3d: convLikeDerivative(3, convGrads),
  convTranspose1d: convLikeDerivative(1, convTransposeGrads),
  convTranspose2d: convLikeDerivative(2, convTransposeGrads),
  convTranspose3d: convLikeDerivative(3, convTransposeGrads),
  // inputGrad(w, go) = conv's adjoint over the input: <gg, inputGrad(w, go)> = <conv(gg, w), go> = <w, weightGrad(gg, go)>
  convolutionInputGrad: {
    node: 'ConvolutionBackwardBackward0',
    save: { inputs: [0, 1] },
    vjp: (ctx) => {
      const a = ctx.args as unknown as ConvArgs & { inputSize: number[] };
      const [w, go, gg] = [ctx.input(0), ctx.input(1), ctx.grad];
      const d = spatialRank(a.inputSize);
      return [ctx.needs(0) ? convWeightGrad(gg, w.shape, go, a) : null, ctx.needs(1) ? convolve(d, gg, w, a) : null];
    },
  },
  // weightGrad(x, go): <gg, weightGrad(x, go)> = <conv(x, gg), go> = <x, inputGrad(gg, go)>
  convolutionWeightGrad: {
    node: 'ConvolutionBackwardBackward0',
    save: { inputs: [0, 1] },
    vjp: (ctx) => {
      const a = ctx.args as unknown as ConvArgs & { weightSize: number[] };
      const [x, go, gg] = [ctx.input(0), ctx.input(1), ctx.grad];
      const d = spatialRank(a.weightSize);
      return [ctx.needs(0) ? convInputGrad(x.shape, gg, go, a) : null, ctx.needs(1) ? convolve(d, x, gg, a) : null];
    },
  },
};
