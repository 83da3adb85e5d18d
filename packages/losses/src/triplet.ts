// The triplet losses: triplet_margin_loss (p-norm distances) and
// triplet_margin_with_distance_loss (any distance function), with the distance swap.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, TorchTypeError, describeValue, minimum, signature } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import { F } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';
import type { LegacyReductionOptions } from './regression.js';

/** Options of `tripletMarginLoss`. */
export interface TripletMarginLossOptions extends LegacyReductionOptions {
  margin?: number;
  p?: number;
  eps?: number;
  swap?: boolean;
}

/** A distance between two batches of vectors: a function, or a module (anything with `call`). */
export type DistanceFunction = ((x1: Tensor, x2: Tensor) => Tensor) | { call(x1: Tensor, x2: Tensor): Tensor };

/** Options of `tripletMarginWithDistanceLoss` (all keyword-only, as in PyTorch). */
export interface TripletMarginWithDistanceLossOptions {
  distanceFunction?: DistanceFunction | null;
  margin?: number;
  swap?: boolean;
  reduction?: Reduction;
}

const TRIPLET_MARGIN_LOSS = signature<{
  '': LegacyReductionArgs & { anchor: Tensor; positive: Tensor; negative: Tensor; margin: number; p: number; eps: number; swap: boolean };
}>(
  'triplet_margin_loss(Tensor anchor, Tensor positive, Tensor negative, float margin=1.0, float p=2, float eps=1e-06, bool swap=False, bool? size_average=None, bool? reduce=None, str reduction="mean")',
);
const TRIPLET_MARGIN_WITH_DISTANCE_LOSS = signature<{
  '': { anchor: Tensor; positive: Tensor; negative: Tensor; distanceFunction: unknown; margin: number; swap: boolean; reduction: string };
}>(
  'triplet_margin_with_distance_loss(Tensor anchor, Tensor positive, Tensor negative, *, Any? distance_function=None, float margin=1.0, bool swap=False, str reduction="mean")',
);

/**
 * `F.triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False,
 * size_average=None, reduce=None, reduction='mean')`: `max(0, d(a, p) - d(a, n) + margin)` with
 * p-norm distances; `swap` takes `min(d(a, n), d(p, n))` as the negative distance.
 * @example tripletMarginLoss(torch.zeros(1, 2), torch.zeros(1, 2), torch.ones(1, 2)) // tensor(0.)
 */
export function tripletMarginLoss(
  anchor: Tensor,
  positive: Tensor,
  negative: Tensor,
  ...rest: Args<
    [margin: number, p: number, eps: number, swap: boolean, sizeAverage: boolean | null, reduce: boolean | null, reduction: Reduction],
    TripletMarginLossOptions
  >
): Tensor {
  const a = TRIPLET_MARGIN_LOSS.parse([anchor, positive, negative, ...rest]);
  const reduction = reductionEnum(resolveReduction(a));
  const dims = [a.anchor.ndim, a.positive.ndim, a.negative.ndim];
  if (dims[0] !== dims[1] || dims[1] !== dims[2]) {
    throw new RuntimeError(`All inputs should have same dimension but got ${dims[0]}D, ${dims[1]}D and ${dims[2]}D inputs.`);
  }
  const distance = (x1: Tensor, x2: Tensor): Tensor => F.pairwiseDistance(x1, x2, a.p, a.eps);
  return tripletTerms(a.anchor, a.positive, a.negative, distance, a.margin, a.swap, reduction);
}

/**
 * `F.triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None,
 * margin=1.0, swap=False, reduction='mean')`: the triplet loss with any distance (default:
 * the Euclidean pairwise distance).
 * @example tripletMarginWithDistanceLoss(torch.zeros(1, 2), torch.zeros(1, 2), torch.ones(1, 2), { margin: 2 }) // tensor(0.5858)
 */
export function tripletMarginWithDistanceLoss(anchor: Tensor, positive: Tensor, negative: Tensor, opts?: TripletMarginWithDistanceLossOptions): Tensor {
  const a = TRIPLET_MARGIN_WITH_DISTANCE_LOSS.parse([anchor, positive, negative, ...(opts === undefined ? [] : [opts])]);
  const distance = distanceOf(a.distanceFunction);
  const positiveDist = distance(a.anchor, a.positive);
  let negativeDist = distance(a.anchor, a.negative);
  if (a.swap) negativeDist = minimum(negativeDist, distance(a.positive, a.negative));
  const output = positiveDist.sub(negativeDist).add(a.margin).clampMin(0);
  return applyReduction(output, reductionEnum(a.reduction));
}

/** `max(0, d(a, p) - d(a, n) + margin)` with the swap, reduced (triplet_margin_loss's order of ops). */
function tripletTerms(a: Tensor, p: Tensor, n: Tensor, distance: (x1: Tensor, x2: Tensor) => Tensor, margin: number, swap: boolean, reduction: Reduction): Tensor {
  const distPos = distance(a, p);
  let distNeg = distance(a, n);
  if (swap) distNeg = minimum(distNeg, distance(p, n));
  return applyReduction(distPos.add(margin).sub(distNeg).clampMin(0), reduction);
}

/** The distance function as a plain function (a module is called through `call`), or PyTorch's TypeError. */
function distanceOf(d: unknown): (x1: Tensor, x2: Tensor) => Tensor {
  if (d === null) return (x1, x2) => F.pairwiseDistance(x1, x2);
  if (typeof d === 'function') return d as (x1: Tensor, x2: Tensor) => Tensor;
  if (typeof d === 'object' && typeof (d as { call?: unknown }).call === 'function') {
    const m = d as { call(x1: Tensor, x2: Tensor): Tensor };
    return (x1, x2) => m.call(x1, x2);
  }
  throw new TorchTypeError(`'${describeValue(d)}' object is not callable`);
}
