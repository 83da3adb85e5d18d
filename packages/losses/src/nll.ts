// torch.nn.functional.nll_loss: the negative log-likelihood of class-index targets, for inputs
// (C), (N, C) and (N, C, d1, …, dk), with class weights and an ignored index (PyTorch's
// nll_loss_nd, nll_loss and nll_loss2d checks, in their order and wording).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, ValueError, signature, where } from '@torchlet/tensor';
import { checkClassBounds, classMask, outOfBounds, readsSync, requireClassIndices, sameShape, shapeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { reductionEnum, resolveReduction } from './reduction.js';

/** Options of `nllLoss` (PyTorch's keyword arguments, camelCased). */
export interface NllLossOptions {
  weight?: Tensor | null;
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  ignoreIndex?: number;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction;
}

const NLL_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; weight: Tensor | null; ignoreIndex: number } }>(
  'nll_loss(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean")',
);

/**
 * `F.nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
 * reduction='mean')`: `-weight[t] * input[n, t]` for class indices `t` (int64), averaged by the
 * weights of the targets not ignored.
 * @example nllLoss(torch.tensor([[-0.5, -1.0]]), torch.tensor([1])) // tensor(1.)
 */
export function nllLoss(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[weight: Tensor | null, sizeAverage: boolean | null, ignoreIndex: number, reduce: boolean | null, reduction: Reduction], NllLossOptions>
): Tensor {
  const a = NLL_LOSS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  return reduceNll(nllTerms(a.input, a.target, a.weight, a.ignoreIndex), reduction);
}

/** The per-element losses of nll_loss and the weights of their targets (0 where ignored). */
export interface NllTerms {
  loss: Tensor;
  weights: Tensor;
}

/**
 * @internal nll_loss without its reduction: checks the shapes, dtypes and class bounds as
 * PyTorch's nll_loss_nd does, then picks `-weight[t] * input[…, t, …]` with a one-hot mask.
 */
export function nllTerms(input: Tensor, target: Tensor, weight: Tensor | null, ignoreIndex: number): NllTerms {
  checkNllShapes(input, target, weight);
  if (!input.isFloatingPoint()) {
    const kernel = input.ndim <= 2 ? 'nll_loss_out_frame' : 'nll_loss2d_forward_out_frame';
    throw new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[input.dtype]}'`);
  }
  requireClassIndices(target);
  const classDim = input.ndim === 1 ? 0 : 1;
  const classes = input.shape[classDim]!;
  checkClassBounds(target, classes, ignoreIndex);
  const kept = target.ne(ignoreIndex);
  const mask = classMask(target, classes, classDim).logicalAnd(kept.unsqueeze(classDim));
  const picked = where(mask, input, 0).sum(classDim);
  const weights = weight === null ? kept.to(input.dtype) : where(mask, classView(weight, input.ndim, classDim), 0).sum(classDim);
  let loss = picked.neg().mul(weights);
  if (!readsSync(target)) loss = where(outOfBounds(target, classes, ignoreIndex), NaN, loss);
  return { loss, weights };
}

/** @internal The reduction of nll_loss: the sum divided by the targets' total weight for 'mean'. */
export function reduceNll(t: NllTerms, reduction: Reduction): Tensor {
  if (reduction === 'none') return t.loss;
  if (reduction === 'sum') return t.loss.sum();
  return t.loss.sum().div(t.weights.sum());
}

/** @internal A class-weight vector shaped to broadcast along the class dim of a rank-`ndim` input. */
export function classView(weight: Tensor, ndim: number, classDim: number): Tensor {
  const shape = new Array<number>(ndim).fill(1);
  shape[classDim] = weight.numel();
  return weight.reshape(shape);
}

/** The shape checks of nll_loss_nd and of the nll_loss / nll_loss2d it dispatches to. */
function checkNllShapes(input: Tensor, target: Tensor, weight: Tensor | null): void {
  if (input.ndim < 1) throw new ValueError(`Expected 1 or more dimensions (got ${input.ndim})`);
  if (input.ndim !== 1 && target.ndim > 0 && input.shape[0] !== target.shape[0]) {
    throw new ValueError(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  const classes = input.shape[input.ndim === 1 ? 0 : 1]!;
  if (input.ndim <= 2) {
    if (target.ndim > 1) throw new RuntimeError('0D or 1D target tensor expected, multi-target not supported');
    const noBatchDim = input.ndim === 1 && target.ndim === 0;
    if (!noBatchDim && input.shape[0] !== target.shape[0]) {
      throw new RuntimeError(`size mismatch (got input: ${shapeString(input.shape)}, target: ${shapeString(target.shape)})`);
    }
    if (weight !== null && !(weight.ndim === 1 && weight.numel() === classes)) {
      throw new RuntimeError(
        `weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: ${shapeString(weight.shape)}`,
      );
    }
    return;
  }
  if (input.ndim === 4) {
    if (target.ndim !== 3) {
      throw new RuntimeError(`only batches of spatial targets supported (3D tensors) but got targets of dimension: ${target.ndim}`);
    }
  } else {
    const expected = [input.shape[0]!, ...input.shape.slice(2)];
    if (!sameShape(target.shape, expected)) throw new RuntimeError(`Expected target size ${shapeString(expected)}, got ${shapeString(target.shape)}`);
  }
  if (weight !== null && weight.numel() !== classes) throw new RuntimeError('weight tensor should be defined either for all or no classes');
  if (input.ndim === 4 && !sameShape(target.shape, [input.shape[0]!, ...input.shape.slice(2)])) {
    throw new RuntimeError(`size mismatch (got input: ${shapeString(input.shape)} , target: ${shapeString(target.shape)}`);
  }
}
