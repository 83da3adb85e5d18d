// gradcheck cases of the convolution, pooling, padding and resampling ops and of their
// gradient ops (whose own derivatives make double backward through a conv net work).

import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { OpCase } from './opCases.js';
import { leaf } from './inputs.js';

const c = (name: string, fn: OpCase['fn'], inputs: OpCase['inputs'], noGradgrad = false): OpCase => ({ name, fn, inputs, noGradgrad });
/** A float64 constant (no grad) for the gradient ops' non-differentiable operands. */
const konst = (shape: number[]): Tensor => leaf(shape, { requiresGrad: false });
/** Indices of a max pool over a constant, for the ops that take them. */
const poolIndices = (x: Tensor, k: number): Tensor => torch.maxPool2d(x, k, { returnIndices: true })[1];

const X = konst([1, 2, 4, 4]);
const I = poolIndices(X, 2);

export const nnOpCases: Record<string, OpCase[]> = {
  conv1d: [
    c('conv1d stride 2 padding 1, bias', (x, w, b) => torch.conv1d(x!, w!, b, 2, 1), () => [leaf([2, 2, 5]), leaf([3, 2, 3]), leaf([3])]),
    c('conv1d unbatched, dilation 2', (x, w) => torch.conv1d(x!, w!, null, { dilation: 2 }), () => [leaf([2, 6], { layout: 'transposed' }), leaf([1, 2, 2])]),
  ],
  conv2d: [
    c('conv2d groups 2, bias, non-contiguous input', (x, w, b) => torch.conv2d(x!, w!, b, { groups: 2, padding: 1 }), () => [leaf([1, 2, 3, 4], { layout: 'transposed' }), leaf([2, 1, 2, 2]), leaf([2])]),
    c("conv2d padding 'same' with an even kernel (a pad first)", (x, w) => torch.conv2d(x!, w!, null, { padding: 'same' }), () => [leaf([1, 1, 4, 3]), leaf([2, 1, 2, 2])]),
    c('conv2d stride (2, 1), dilation 2', (x, w) => torch.conv2d(x!, w!, null, [2, 1], 0, 2), () => [leaf([2, 1, 5, 5]), leaf([1, 1, 2, 2])]),
  ],
  conv3d: [c('conv3d', (x, w, b) => torch.conv3d(x!, w!, b, 1, [0, 1, 0]), () => [leaf([1, 1, 3, 3, 2]), leaf([2, 1, 2, 2, 2]), leaf([2])])],
  convTranspose1d: [c('convTranspose1d stride 2 output padding 1, bias', (x, w, b) => torch.convTranspose1d(x!, w!, b, { stride: 2, outputPadding: 1 }), () => [leaf([1, 2, 3]), leaf([2, 1, 3]), leaf([1])])],
  convTranspose2d: [
    c('convTranspose2d stride 2 padding 1 groups 2', (x, w) => torch.convTranspose2d(x!, w!, null, { stride: 2, padding: 1, groups: 2 }), () => [leaf([1, 2, 2, 3]), leaf([2, 1, 3, 2])]),
    c('convTranspose2d unbatched, dilation 2', (x, w, b) => torch.convTranspose2d(x!, w!, b, { dilation: 2 }), () => [leaf([1, 2, 2]), leaf([1, 2, 2, 2]), leaf([2])]),
  ],
  convTranspose3d: [c('convTranspose3d', (x, w) => torch.convTranspose3d(x!, w!), () => [leaf([1, 1, 2, 2, 1]), leaf([1, 2, 2, 1, 2])])],
  convolutionInputGrad: [c('convInputGrad stride 2', (w, g) => torch.convInputGrad([1, 2, 5, 4], w!, g!, { stride: 2 }), () => [leaf([3, 2, 2, 2]), leaf([1, 3, 2, 2])])],
  convolutionWeightGrad: [c('convWeightGrad padding 1', (x, g) => torch.convWeightGrad(x!, [2, 1, 2, 2], g!, { padding: 1 }), () => [leaf([1, 1, 3, 3]), leaf([1, 2, 4, 4])])],

  maxPool2dWithIndices: [
    c('maxPool2d 2', (x) => torch.maxPool2d(x!, 2), () => [leaf([1, 2, 4, 4])]),
    c('maxPool2d overlapping, padding, ceil mode, unbatched', (x) => torch.maxPool2d(x!, 3, { stride: 2, padding: 1, ceilMode: true }), () => [leaf([2, 5, 4], { layout: 'transposed' })]),
  ],
  maxPool2dWithIndicesBackward: [c('maxPool2dBackward (linear in grad_output)', (g) => torch.maxPool2dBackward(g!, X, I), () => [leaf([1, 2, 2, 2])])],
  maxPool1dWithIndices: [c('maxPool1d stride 1 dilation 2', (x) => torch.maxPool1d(x!, 2, { stride: 1, dilation: 2 }), () => [leaf([2, 2, 6])])],
  avgPool2d: [
    c('avgPool2d padding 1, countIncludePad false, ceil mode', (x) => torch.avgPool2d(x!, 3, { stride: 2, padding: 1, countIncludePad: false, ceilMode: true }), () => [leaf([1, 2, 5, 4])]),
    c('avgPool2d divisorOverride, unbatched', (x) => torch.avgPool2d(x!, 2, { divisorOverride: 3 }), () => [leaf([2, 4, 4], { layout: 'transposed' })]),
  ],
  avgPool2dBackward: [c('avgPool2dBackward', (g) => torch.avgPool2dBackward(g!, X, 3, { stride: 1, padding: 1 }), () => [leaf([1, 2, 4, 4])])],
  avgPool1d: [c('avgPool1d stride 2 padding 1', (x) => torch.avgPool1d(x!, 3, 2, 1), () => [leaf([2, 2, 6])])],
  adaptiveAvgPool2d: [c('adaptiveAvgPool2d 5x4 -> 3x2', (x) => torch.adaptiveAvgPool2d(x!, [3, 2]), () => [leaf([1, 2, 5, 4])])],
  adaptiveAvgPool2dBackward: [c('adaptiveAvgPool2dBackward', (g) => torch.adaptiveAvgPool2dBackward(g!, X), () => [leaf([1, 2, 3, 3])])],
  adaptiveAvgPool1d: [c('adaptiveAvgPool1d 7 -> 3', (x) => torch.adaptiveAvgPool1d(x!, 3), () => [leaf([2, 7])])],
  adaptiveMaxPool2d: [c('adaptiveMaxPool2d 5x5 -> 3x3 (overlapping)', (x) => torch.adaptiveMaxPool2d(x!, 3), () => [leaf([1, 2, 5, 5])])],
  adaptiveMaxPool1d: [c('adaptiveMaxPool1d 7 -> 3', (x) => torch.adaptiveMaxPool1d(x!, 3), () => [leaf([1, 2, 7])])],
  maxUnpool2d: [c('maxUnpool2d', (v) => torch.maxUnpool2d(v!, I, 2), () => [leaf([1, 2, 2, 2])])],

  pad: [
    c('pad constant, negative (crop) and value', (x) => torch.pad(x!, [1, -1, 2, 0], 'constant', 0.5), () => [leaf([2, 3, 3])]),
    c('pad reflect 2-D', (x) => torch.pad(x!, [1, 2, 2, 1], 'reflect'), () => [leaf([1, 2, 3, 4], { layout: 'transposed' })]),
    c('pad replicate 1-D', (x) => torch.pad(x!, [2, 1], 'replicate'), () => [leaf([2, 3])]),
    c('pad circular 3-D', (x) => torch.pad(x!, [1, 0, 0, 1, 1, 1], 'circular'), () => [leaf([1, 1, 2, 2, 3])]),
  ],
  padBackward: [
    c('padBackward reflect', (g) => torch.padBackward(g!, [1, 2, 3, 3], [1, 1, 2, 0], 'reflect'), () => [leaf([1, 2, 5, 5])]),
    c('padBackward constant', (g) => torch.padBackward(g!, [2, 3], [1, 2]), () => [leaf([2, 6])]),
  ],
  interpolate: [
    c('interpolate nearest 2-D scale 2', (x) => torch.interpolate(x!, { scaleFactor: 2 }), () => [leaf([1, 2, 2, 3])]),
    c('interpolate bilinear alignCorners, size', (x) => torch.interpolate(x!, { size: [4, 5], mode: 'bilinear', alignCorners: true }), () => [leaf([1, 1, 3, 3], { layout: 'transposed' })]),
    c('interpolate bicubic scale 1.5', (x) => torch.interpolate(x!, { scaleFactor: 1.5, mode: 'bicubic' }), () => [leaf([1, 1, 3, 3])]),
    c('interpolate linear 1-D', (x) => torch.interpolate(x!, { size: 7, mode: 'linear' }), () => [leaf([2, 1, 4])]),
    c('interpolate trilinear 3-D', (x) => torch.interpolate(x!, { scaleFactor: 2, mode: 'trilinear' }), () => [leaf([1, 1, 2, 2, 2])]),
    c('interpolate area', (x) => torch.interpolate(x!, { size: [2, 3], mode: 'area' }), () => [leaf([1, 2, 5, 4])]),
    c('interpolate nearest-exact 1-D', (x) => torch.interpolate(x!, { scaleFactor: 1.7, mode: 'nearest-exact' }), () => [leaf([1, 2, 3])]),
  ],
  interpolateBackward: [
    c('interpolateBackward bilinear', (g) => torch.interpolateBackward(g!, [1, 2, 3, 3], { scaleFactor: 2, mode: 'bilinear' }), () => [leaf([1, 2, 6, 6])]),
    c('interpolateBackward nearest by size', (g) => torch.interpolateBackward(g!, [1, 1, 3], { mode: 'nearest' }), () => [leaf([1, 1, 5])]),
  ],
  im2col: [
    c('unfold kernel 2 padding 1', (x) => torch.unfold(x!, 2, { padding: 1 }), () => [leaf([1, 2, 3, 3])]),
    c('unfold unbatched, stride 2 dilation (1, 2)', (x) => torch.unfold(x!, [2, 2], { stride: 2, dilation: [1, 2] }), () => [leaf([1, 4, 5], { layout: 'transposed' })]),
  ],
  col2im: [c('fold overlapping blocks', (x) => torch.fold(x!, [4, 4], 2), () => [leaf([1, 8, 9])])],
  pixelShuffle: [c('pixelShuffle 2', (x) => torch.pixelShuffle(x!, 2), () => [leaf([1, 8, 2, 3])])],
  pixelUnshuffle: [c('pixelUnshuffle 2', (x) => torch.pixelUnshuffle(x!, 2), () => [leaf([1, 2, 4, 2], { layout: 'transposed' })])],
};
