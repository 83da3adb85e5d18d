// torch.nn.functional.binary_cross_entropy_with_logits: binary cross entropy of logits in the
// log-sum-exp form PyTorch uses (never exp of a large positive number), with a weight of the
// positive examples.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, ValueError, signature } from '@torchlet/tensor';
import { sameShape, shapeString, sizeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs } from './reduction.js';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from './regression.js';

/** Options of `binaryCrossEntropyWithLogits`. */
export interface BinaryCrossEntropyWithLogitsOptions extends LegacyReductionOptions {
  weight?: Tensor | null;
  posWeight?: Tensor | null;
}

const BCE_WITH_LOGITS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; weight: Tensor | null; posWeight: Tensor | null } }>(
  'binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean", Tensor? pos_weight=None)',
);

/**
 * `F.binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
 * reduction='mean', pos_weight=None)`: `-w (p y log σ(x) + (1 - y) log(1 - σ(x)))`, stable for any
 * logit; `posWeight` (p) broadcasts along the last dims (one entry per class).
 * @example binaryCrossEntropyWithLogits(torch.tensor([0, 100]).float(), torch.tensor([1, 1]).float(), { reduction: 'none' }) // tensor([0.6931, 0.0000])
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[weight: Tensor | null, ...LegacyReductionParams, posWeight: Tensor | null], BinaryCrossEntropyWithLogitsOptions>
): Tensor {
  const a = BCE_WITH_LOGITS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input: x, target: y, weight, posWeight } = a;
  if (!sameShape(y.shape, x.shape)) throw new ValueError(`Target size (${sizeString(y.shape)}) must be the same as input size (${sizeString(x.shape)})`);
  if (!x.isFloatingPoint()) throw new RuntimeError(`result type Float can't be cast to the desired output type ${SCALAR_TYPE_NAME[x.dtype]}`);
  // max(-x, 0) + log(exp(-max(-x, 0)) + exp(-x - max(-x, 0))) = log(1 + exp(-x)), without overflow
  const maxVal = x.neg().clampMin(0);
  const softplusNeg = maxVal.neg().exp().add(x.neg().sub(maxVal).exp()).log().add(maxVal);
  const logWeight = posWeight === null ? null : posWeight.sub(1).mul(y).add(1);
  let loss = y.neg().add(1).mul(x).add(logWeight === null ? softplusNeg : logWeight.mul(softplusNeg));
  if (weight !== null) loss = loss.mul(weight);
  if (!sameShape(loss.shape, x.shape)) throw new RuntimeError(`output with shape ${shapeString(x.shape)} doesn't match the broadcast shape ${shapeString(loss.shape)}`);
  return applyReduction(loss, reduction);
}
