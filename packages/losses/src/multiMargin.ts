// torch.nn.functional.multi_margin_loss: the multi-class hinge loss of class-index targets,
// `sum_{i != y} max(0, margin - x[y] + x[i])^p / C`, with a weight per target class.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, signature, where } from '@torchlet/tensor';
import { checkClassBounds, classMask, outOfBounds, readsSync, requireClassIndices, shapeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from './regression.js';

/** Options of `multiMarginLoss`. */
export interface MultiMarginLossOptions extends LegacyReductionOptions {
  p?: 1 | 2;
  margin?: number;
  weight?: Tensor | null;
}

const MULTI_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; p: number; margin: number; weight: Tensor | null } }>(
  'multi_margin_loss(Tensor input, Tensor target, int p=1, float margin=1.0, Tensor? weight=None, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);

/**
 * `F.multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None,
 * reduce=None, reduction='mean')`: for input (N, C) or (C) and int64 class indices,
 * `sum_{i != y} weight[y] * max(0, margin - x[y] + x[i])^p / C`.
 * @example multiMarginLoss(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3])) // tensor(0.3250)
 */
export function multiMarginLoss(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[p: 1 | 2, margin: number, weight: Tensor | null, ...LegacyReductionParams], MultiMarginLossOptions>
): Tensor {
  const a = MULTI_MARGIN_LOSS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  if (a.p !== 1 && a.p !== 2) throw new ValueError('only p == 1 and p == 2 supported');
  const { input: x, target: y, weight } = a;
  if (weight !== null && weight.ndim !== 1) throw new ValueError('weight must be one-dimensional');
  const valid = (x.ndim === 2 && x.shape[1] !== 0) || (x.ndim === 1 && x.shape[0] !== 0) || x.ndim === 0;
  if (!valid) throw new RuntimeError(`Expected non-empty vector or matrix with optional 0-dim batch size, but got: ${shapeString(x.shape)}`);
  const frames = x.ndim < 2 ? 1 : x.shape[0]!;
  const classes = x.ndim === 0 ? 1 : x.shape[x.ndim - 1]!;
  if (!(y.ndim <= 1 && y.numel() === frames)) throw new RuntimeError(`inconsistent target size, got: ${shapeString(y.shape)}`);
  requireClassIndices(y);
  // PyTorch 1.13 reads past a short weight; a longer one is fine (its first C entries count)
  if (weight !== null && weight.numel() < classes) throw new RuntimeError(`inconsistent weight size, expected ${classes} but got ${shapeString(weight.shape)}`);
  checkClassBounds(y, classes, null, () => new RuntimeError('target out of range'));
  const x2 = x.reshape([frames, classes]);
  const y1 = y.reshape([frames]);
  const mask = classMask(y1, classes, 1);
  const picked = where(mask, x2, 0).sum(1, { keepdim: true });
  const z = x2.sub(picked).add(a.margin).relu();
  let h = where(mask, 0, a.p === 1 ? z : z.square());
  if (weight !== null) h = h.mul(where(mask, weight.narrow(0, 0, classes), 0).sum(1, { keepdim: true }));
  let loss = h.sum(1).div(classes);
  if (!readsSync(y)) loss = where(outOfBounds(y1, classes, null), NaN, loss);
  if (reduction === 'none') return y.ndim > 0 ? loss : loss.reshape([]);
  return applyReduction(loss, reduction as Reduction);
}
