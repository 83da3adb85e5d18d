// The gradients of a convolution, as torch.nn.grad.conv{1,2,3}d_input /
// conv{1,2,3}d_weight compute them: what autograd's derivative of conv calls,
// and (the input gradient) the core of the transposed convolutions.

import { RuntimeError } from '../errors.js';
import { checkSameDevice } from '../operands.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { checkGeometry, expandArg, fmtList, isOptions, type ConvOptions, type IntOrTuple } from './convArgs.js';
import { convOutputSize } from './conv.js';
import { runInputGrad, runWeightGrad } from './convKernels.js';

const INPUT_GRAD = defineOp('convolutionInputGrad');
const WEIGHT_GRAD = defineOp('convolutionWeightGrad');

/** Stride, padding, dilation and groups of the forward convolution (numbers only: no `'same'`). */
export type ConvGradOptions = Omit<ConvOptions, 'padding'> & { padding?: IntOrTuple };
type GradArgs = [stride?: IntOrTuple | ConvGradOptions, padding?: IntOrTuple, dilation?: IntOrTuple, groups?: number];

function resolve(d: number, args: GradArgs): { stride: number[]; padding: number[]; dilation: number[]; groups: number } {
  const o: ConvGradOptions = isOptions(args[0]) ? args[0] : { stride: args[0], padding: args[1], dilation: args[2], groups: args[3] };
  const r = {
    stride: expandArg(o.stride ?? 1, d, 'stride'),
    padding: expandArg(o.padding ?? 0, d, 'padding'),
    dilation: expandArg(o.dilation ?? 1, d, 'dilation'),
    groups: o.groups ?? 1,
  };
  checkGeometry(r.stride, r.padding, r.dilation, r.groups);
  return r;
}

function checkGradOutput(gradOutput: Tensor, expected: readonly number[]): void {
  if (gradOutput.ndim !== expected.length || gradOutput.shape.some((s, i) => s !== expected[i])) {
    throw new RuntimeError(`expected grad_output of size ${fmtList(expected)} for this convolution, but got ${fmtList(gradOutput.shape)}`);
  }
}

function checkDtypes(a: Tensor, b: Tensor): void {
  checkSameDevice([a, b]);
  if (a.dtype !== b.dtype) throw new RuntimeError(`expected both operands to have the same dtype, but got ${a.dtype} and ${b.dtype}`);
}

/**
 * The gradient of a convolution with respect to its input, given the input's
 * size (batched), the weight and the output gradient — `torch.nn.grad.conv2d_input`
 * for any spatial rank (1–3). Positional stride/padding/dilation/groups or one options object.
 * @example torch.convInputGrad([1, 1, 4, 4], torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2)).shape // [1, 1, 4, 4]
 */
export function convInputGrad(inputSize: readonly number[], weight: Tensor, gradOutput: Tensor, ...args: GradArgs): Tensor {
  const d = inputSize.length - 2;
  const p = resolve(d, args);
  return traced(INPUT_GRAD, [weight, gradOutput], { inputSize: [...inputSize], ...p }, () => {
    checkDtypes(weight, gradOutput);
    const outSize = convOutputSize(inputSize.slice(2), weight.shape.slice(2), p.stride, p.padding, p.dilation);
    checkGradOutput(gradOutput, [inputSize[0]!, weight.shape[0]!, ...outSize]);
    if (weight.shape[1]! * p.groups !== inputSize[1]) {
      throw new RuntimeError(`Given groups=${p.groups}, weight of size ${fmtList(weight.shape)} does not match an input of size ${fmtList(inputSize)}`);
    }
    const gradIn = emptyTensor(inputSize, weight.dtype, weight.device);
    if (gradIn.numel() === 0) return gradIn;
    runInputGrad(weight.storage.backend, gradOutput.backendView, weight.backendView, gradIn.backendView, p);
    return gradIn;
  });
}

/**
 * The gradient of a convolution with respect to its weight, given the input,
 * the weight's size and the output gradient — `torch.nn.grad.conv2d_weight`
 * for any spatial rank (1–3).
 * @example torch.convWeightGrad(torch.ones(1, 1, 4, 4), [1, 1, 3, 3], torch.ones(1, 1, 2, 2)) // every entry 4
 */
export function convWeightGrad(input: Tensor, weightSize: readonly number[], gradOutput: Tensor, ...args: GradArgs): Tensor {
  const d = weightSize.length - 2;
  const p = resolve(d, args);
  return traced(WEIGHT_GRAD, [input, gradOutput], { weightSize: [...weightSize], ...p }, () => {
    checkDtypes(input, gradOutput);
    if (input.ndim !== d + 2) throw new RuntimeError(`expected a batched ${d + 2}-D input, but got input of size ${fmtList(input.shape)}`);
    if (weightSize[1]! * p.groups !== input.shape[1] || weightSize[0]! % p.groups !== 0) {
      throw new RuntimeError(`Given groups=${p.groups}, weight of size ${fmtList(weightSize)} does not match an input of size ${fmtList(input.shape)}`);
    }
    const outSize = convOutputSize(input.shape.slice(2), weightSize.slice(2), p.stride, p.padding, p.dilation);
    checkGradOutput(gradOutput, [input.shape[0]!, weightSize[0]!, ...outSize]);
    const gradW = emptyTensor(weightSize, input.dtype, input.device);
    if (gradW.numel() === 0) return gradW;
    runWeightGrad(input.storage.backend, input.backendView, gradOutput.backendView, gradW.backendView, p);
    return gradW;
  });
}

/**
 * `torch.nn.grad.conv2d_input(inputSize, weight, gradOutput, stride, padding, dilation, groups)`.
 * @example torch.conv2dInputGrad([1, 1, 3, 3], torch.ones(1, 1, 2, 2), torch.ones(1, 1, 2, 2)) // tensor([[[[1., 2., 1.], [2., 4., 2.], [1., 2., 1.]]]])
 */
export function conv2dInputGrad(inputSize: readonly number[], weight: Tensor, gradOutput: Tensor, ...args: GradArgs): Tensor {
  if (inputSize.length !== 4) throw new RuntimeError(`conv2dInputGrad: expected a 4-D input size, but got ${fmtList(inputSize)}`);
  return convInputGrad(inputSize, weight, gradOutput, ...args);
}

/**
 * `torch.nn.grad.conv2d_weight(input, weightSize, gradOutput, stride, padding, dilation, groups)`.
 * @example torch.conv2dWeightGrad(torch.ones(1, 1, 3, 3), [1, 1, 2, 2], torch.ones(1, 1, 2, 2)) // every entry 4
 */
export function conv2dWeightGrad(input: Tensor, weightSize: readonly number[], gradOutput: Tensor, ...args: GradArgs): Tensor {
  if (weightSize.length !== 4) throw new RuntimeError(`conv2dWeightGrad: expected a 4-D weight size, but got ${fmtList(weightSize)}`);
  return convWeightGrad(input, weightSize, gradOutput, ...args);
}
