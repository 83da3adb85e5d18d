// The margin losses of pairs and ±1 targets: margin_ranking_loss, hinge_embedding_loss,
// soft_margin_loss and cosine_embedding_loss, composed as PyTorch composes them.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, broadcastShapes, signature, where, zerosLike } from '@torchlet/tensor';
import { sameShape, shapeString, sizeString } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs } from './reduction.js';
import { isGradEnabled } from '@torchlet/autograd';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions, LegacyReductionParams } from './regression.js';

/** Options of the margin losses that take a `margin`. */
export interface MarginLossOptions extends LegacyReductionOptions {
  margin?: number;
}

type MarginParams = [margin: number, ...LegacyReductionParams];
type TripleArgs = LegacyReductionArgs & { input1: Tensor; input2: Tensor; target: Tensor; margin: number };

const MARGIN_RANKING_LOSS = signature<{ '': TripleArgs }>(
  'margin_ranking_loss(Tensor input1, Tensor input2, Tensor target, float margin=0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const HINGE_EMBEDDING_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; margin: number } }>(
  'hinge_embedding_loss(Tensor input, Tensor target, float margin=1.0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const SOFT_MARGIN_LOSS = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor } }>(
  'soft_margin_loss(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const COSINE_EMBEDDING_LOSS = signature<{ '': TripleArgs }>(
  'cosine_embedding_loss(Tensor input1, Tensor input2, Tensor target, float margin=0, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
/** PyTorch's guard against zero norms in cosine_embedding_loss. */
const EPSILON = 1e-12;

/**
 * `F.margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
 * reduction='mean')`: `max(0, -target * (input1 - input2) + margin)` for targets ±1.
 * @example marginRankingLoss(torch.tensor([1, 2]).float(), torch.tensor([2, 1]).float(), torch.tensor([1, 1]).float()) // tensor(0.5000)
 */
export function marginRankingLoss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args<MarginParams, MarginLossOptions>): Tensor {
  const a = MARGIN_RANKING_LOSS.parse([input1, input2, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input1: x1, input2: x2, target: y } = a;
  if (x1.ndim !== x2.ndim || x1.ndim !== y.ndim) {
    throw new RuntimeError(
      `margin_ranking_loss : All input tensors should have same dimension but got sizes: input1: ${sizeString(x1.shape)}, input2: ${sizeString(x2.shape)}, target: ${sizeString(y.shape)} `,
    );
  }
  return applyReduction(y.neg().mul(x1.sub(x2)).add(a.margin).clampMin(0), reduction);
}

/**
 * `F.hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None,
 * reduction='mean')`: `input` where target is 1, `max(0, margin - input)` where it is -1.
 * @example hingeEmbeddingLoss(torch.tensor([0.5, 2]), torch.tensor([1, -1]).float(), { reduction: 'none' }) // tensor([0.5000, 0.0000])
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, ...rest: Args<MarginParams, MarginLossOptions>): Tensor {
  const a = HINGE_EMBEDDING_LOSS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input: x, target: y } = a;
  const zeros = zerosLike(x);
  const marginPart = where(y.ne(1), x.neg().add(a.margin).clampMin(0), zeros);
  const selfPart = where(y.ne(-1), x, zeros);
  return applyReduction(marginPart.add(selfPart), reduction);
}

/**
 * `F.soft_margin_loss(input, target, size_average=None, reduce=None, reduction='mean')`:
 * `log(1 + exp(-target * input))` for targets ±1.
 * @example softMarginLoss(torch.tensor([0]).float(), torch.tensor([1]).float()) // tensor(0.6931)
 */
export function softMarginLoss(input: Tensor, target: Tensor, ...rest: Args<LegacyReductionParams, LegacyReductionOptions>): Tensor {
  const a = SOFT_MARGIN_LOSS.parse([input, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input: x, target: y } = a;
  // PyTorch computes into a tensor of the input's shape and dtype
  const shape = broadcastShapes(x.shape, y.shape);
  if (!sameShape(shape, x.shape)) throw new RuntimeError(`output with shape ${shapeString(x.shape)} doesn't match the broadcast shape ${shapeString(shape)}`);
  if (!x.isFloatingPoint()) throw new RuntimeError(`result type Float can't be cast to the desired output type ${SCALAR_TYPE_NAME[x.dtype]}`);
  if (y.requiresGrad && isGradEnabled()) {
    throw new RuntimeError("The function 'soft_margin_loss' is not differentiable with respect to argument 'target'. This input cannot have requires_grad True.");
  }
  return applyReduction(x.neg().mul(y).exp().log1p(), reduction);
}

/**
 * `F.cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
 * reduction='mean')`: `1 - cos(x1, x2)` where target is 1, `max(0, cos(x1, x2) - margin)` where
 * it is -1; inputs (N, D) with target (N), or (D) with a 0-d target.
 * @example cosineEmbeddingLoss(torch.tensor([[1, 0]]).float(), torch.tensor([[0, 1]]).float(), torch.tensor([1]).float()) // tensor(1.)
 */
export function cosineEmbeddingLoss(input1: Tensor, input2: Tensor, target: Tensor, ...rest: Args<MarginParams, MarginLossOptions>): Tensor {
  const a = COSINE_EMBEDDING_LOSS.parse([input1, input2, target, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const { input1: x1, input2: x2, target: y } = a;
  const dim = y.ndim;
  if (dim !== 0 && dim !== 1) throw new RuntimeError('0D or 1D target tensor expected, multi-target not supported');
  if (dim === 1 && !(x1.ndim === 2 && x2.ndim === 2)) {
    throw new RuntimeError(`1D target tensor expects 2D input tensors, but found inputs with sizes ${shapeString(x1.shape)} and ${shapeString(x2.shape)}.`);
  }
  if (dim === 0 && !(x1.ndim === 1 && x2.ndim === 1)) {
    throw new RuntimeError(`0D target tensor expects 1D input tensors, but found inputs with sizes ${shapeString(x1.shape)} and ${shapeString(x2.shape)}.`);
  }
  const prodSum = x1.mul(x2).sum(dim);
  const mag1 = x1.mul(x1).sum(dim).add(EPSILON);
  const mag2 = x2.mul(x2).sum(dim).add(EPSILON);
  const cos = prodSum.div(mag1.mul(mag2).sqrt());
  const zeros = zerosLike(cos);
  const pos = where(y.eq(1), cos.neg().add(1), zeros);
  const neg = where(y.eq(-1), cos.sub(a.margin).clampMin(0), zeros);
  return applyReduction(pos.add(neg), reduction);
}
