// The multi-label losses: multilabel_margin_loss (targets are class indices, ended by the first
// -1) and multilabel_soft_margin_loss (targets are 0/1 per class).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, signature, where } from '@torchlet/tensor';
import { F } from '@torchlet/nn-module';
import { classMask, readsSync, requireClassIndices, shapeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs } from './reduction.js';
import { applyReduction, checkReductionName, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from './regression.js';

const MULTILABEL_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor } }>(
  'multilabel_margin_loss(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const MULTILABEL_SOFT_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; weight: Tensor | null } }>(
  'multilabel_soft_margin_loss(Tensor input, Tensor target, Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);

/**
 * `F.multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`:
 * for input (N, C) or (C) and int64 targets of the same shape listing each sample's classes
 * (ended by the first -1), `sum_{j in targets, i not in targets} max(0, 1 - (x[j] - x[i])) / C`.
 * @example multilabelMarginLoss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([[3, 0, -1, 1]])) // tensor(0.8500)
 */
export function multilabelMarginLoss(input: Tensor, target: Tensor, ...rest: Args<LegacyReductionParams, LegacyReductionOptions>): Tensor {
  const a = MULTILABEL_MARGIN_LOSS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input: x, target: y } = a;
  const valid = (x.ndim === 2 && x.shape[1] !== 0) || (x.ndim === 1 && x.shape[0] !== 0) || x.ndim === 0;
  if (!valid) throw new RuntimeError(`Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${shapeString(x.shape)}`);
  const frames = x.ndim < 2 ? 1 : x.shape[0]!;
  const classes = x.ndim === 0 ? 1 : x.shape[x.ndim - 1]!;
  const fits = x.ndim <= 1 ? y.ndim <= 1 && y.numel() === classes : y.ndim === 2 && y.shape[0] === frames && y.shape[1] === classes;
  if (!fits) throw new RuntimeError(`inconsistent size ${shapeString(y.shape)} for argument #2 'target'`);
  requireClassIndices(y);
  const outOfRange = y.lt(-1).logicalOr(y.ge(classes));
  if (readsSync(y) && y.numel() > 0 && outOfRange.any().itemSync()) throw new RuntimeError("argument #2 'target' is out of range");
  const x2 = x.reshape([frames, classes]);
  const y2 = y.reshape([frames, classes]);
  // a target counts up to the first -1 of its row
  const listed = y2.eq(-1).float().cumsum(1).eq(0);
  const isLabel = classMask(y2, classes, 2).logicalAnd(listed.unsqueeze(2)); // [n, j, class]
  const isTarget = isLabel.any(1); // [n, class]
  const labelValue = where(isLabel, x2.unsqueeze(1), 0).sum(2); // x[n, y[n, j]]
  const z = x2.unsqueeze(1).sub(labelValue.unsqueeze(2)).add(1).relu(); // [n, j, i]
  const pairs = listed.unsqueeze(2).logicalAnd(isTarget.logicalNot().unsqueeze(1));
  let loss = where(pairs, z, 0).sum([1, 2]).div(classes);
  if (!readsSync(y)) loss = where(outOfRange.reshape([frames, classes]).any(1), NaN, loss);
  if (reduction === 'none') return x.ndim <= 1 ? loss.reshape([]) : loss;
  return applyReduction(loss, reduction);
}

/** Options of `multilabelSoftMarginLoss`. */
export interface MultilabelSoftMarginLossOptions extends LegacyReductionOptions {
  weight?: Tensor | null;
}

/**
 * `F.multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None,
 * reduction='mean')`: `-mean_c w[c] (y log σ(x) + (1 - y) log σ(-x))` over the last dim.
 * @example multilabelSoftMarginLoss(torch.tensor([[0, 0]]).float(), torch.tensor([[1, 0]]).float()) // tensor(0.6931)
 */
export function multilabelSoftMarginLoss(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[weight: Tensor | null, ...LegacyReductionParams], MultilabelSoftMarginLossOptions>
): Tensor {
  const a = MULTILABEL_SOFT_MARGIN_LOSS.parse([input, target, ...rest]);
  const reduction = resolveReduction(a);
  const { input: x, target: y, weight } = a;
  let loss = y.mul(F.logsigmoid(x)).add(y.neg().add(1).mul(F.logsigmoid(x.neg()))).neg();
  if (weight !== null) loss = loss.mul(weight);
  const classDim = x.ndim - 1;
  loss = loss.sum(classDim).div(x.shape[classDim]!);
  return applyReduction(loss, checkReductionName(reduction));
}
