// torch.nn.functional.cross_entropy: log_softmax then nll_loss for class-index targets, the
// soft-target form when the target has the input's shape (class probabilities), and label
// smoothing for both, as PyTorch's cross_entropy_loss composes them.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, signature } from '@torchlet/tensor';
import { sameShape, shapeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import { classView, nllTerms, reduceNll } from './nll.js';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { reductionEnum, resolveReduction } from './reduction.js';

/** Options of `crossEntropy` (PyTorch's keyword arguments, camelCased). */
export interface CrossEntropyOptions {
  weight?: Tensor | null;
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  ignoreIndex?: number;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction;
  labelSmoothing?: number;
}

const CROSS_ENTROPY = signature<{
  '': LegacyReductionArgs & { input: Tensor; target: Tensor; weight: Tensor | null; ignoreIndex: number; labelSmoothing: number };
}>(
  'cross_entropy(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, int ignore_index=-100, bool? reduce=None, str reduction="mean", float label_smoothing=0.0)',
);

/**
 * `F.cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
 * reduction='mean', label_smoothing=0.0)`: cross entropy of unnormalized logits (log-sum-exp
 * inside) against class indices (int64, shape (N) or (N, d1, …)) or class probabilities (the
 * input's shape).
 * @example crossEntropy(torch.tensor([[0.1, 0.2, 0.3]]), torch.tensor([1])) // tensor(1.1019)
 */
export function crossEntropy(
  input: Tensor,
  target: Tensor,
  ...rest: Args<
    [weight: Tensor | null, sizeAverage: boolean | null, ignoreIndex: number, reduce: boolean | null, reduction: Reduction, labelSmoothing: number],
    CrossEntropyOptions
  >
): Tensor {
  const a = CROSS_ENTROPY.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { weight, ignoreIndex, labelSmoothing } = a;
  if (sameShape(input.shape, target.shape)) {
    if (!target.isFloatingPoint()) {
      throw new RuntimeError(`Expected floating point type for target with class probabilities, got ${SCALAR_TYPE_NAME[target.dtype]}`);
    }
    if (ignoreIndex >= 0) throw new RuntimeError('ignore_index is not supported for floating point target');
    return probabilityTarget(input, target, weight, reduction, labelSmoothing);
  }
  const classDim = input.ndim === 1 ? 0 : 1;
  if (labelSmoothing > 0) {
    checkSmoothing(labelSmoothing);
    return smoothedIndexTarget(input, target, weight, reduction, ignoreIndex, labelSmoothing);
  }
  return reduceNll(nllTerms(input.logSoftmax(classDim), target, weight, ignoreIndex), reduction);
}

function checkSmoothing(labelSmoothing: number): void {
  if (labelSmoothing > 1) throw new RuntimeError(`label_smoothing must be between 0.0 and 1.0. Got: ${labelSmoothing}`);
}

/** Soft targets: `-sum_c weight[c] * target[n, c] * log_softmax(input)[n, c]`, the mean over N·d1·…. */
function probabilityTarget(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction, labelSmoothing: number): Tensor {
  const classDim = input.ndim === 1 ? 0 : 1;
  const classes = input.shape[classDim]!;
  if (weight !== null && !(weight.ndim === 1 && weight.numel() === classes)) {
    throw new RuntimeError(
      `cross_entropy: weight tensor should be defined either for all ${classes} classes or no classes but got weight tensor of shape: ${shapeString(weight.shape)}`,
    );
  }
  const logProbs = input.logSoftmax(classDim);
  let soft = target;
  if (labelSmoothing > 0) {
    checkSmoothing(labelSmoothing);
    soft = target.mul(1 - labelSmoothing).add(labelSmoothing / classes);
  }
  let terms = logProbs.mul(soft);
  if (weight !== null) terms = terms.mul(input.ndim > 1 ? classView(weight, input.ndim, 1) : weight);
  if (reduction === 'none') return terms.sum(classDim).neg();
  const total = terms.sum().neg();
  return reduction === 'sum' ? total : total.div(input.numel() / classes);
}

/** Class indices with label smoothing: (1 - ε)·nll + ε/C · (the weighted sum of -log_softmax over classes). */
function smoothedIndexTarget(input: Tensor, target: Tensor, weight: Tensor | null, reduction: Reduction, ignoreIndex: number, labelSmoothing: number): Tensor {
  const classDim = input.ndim === 1 ? 0 : 1;
  const classes = input.shape[classDim]!;
  const logProbs = input.logSoftmax(classDim);
  const nll = nllTerms(logProbs, target, weight, ignoreIndex);
  const weighted = weight === null ? logProbs : logProbs.mul(classView(weight, input.ndim, classDim));
  const smooth = weighted.sum(classDim).neg().maskedFill(target.eq(ignoreIndex), 0);
  let ret = smooth;
  if (reduction === 'sum') ret = smooth.sum();
  else if (reduction === 'mean') ret = smooth.sum().div(nll.weights.sum());
  return reduceNll(nll, reduction).mul(1 - labelSmoothing).add(ret.mul(labelSmoothing / classes));
}
