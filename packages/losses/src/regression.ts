// The pointwise regression losses: l1_loss, mse_loss, huber_loss and smooth_l1_loss. The target
// broadcasts against the input (PyTorch warns when their sizes differ).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, SCALAR_TYPE_NAME, broadcastTensors, signature, where } from '@torchlet/tensor';
import { warnIfSizesDiffer } from './checks.js';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { applyReduction, reductionEnum, resolveReduction } from './reduction.js';

/** The options every loss with the deprecated `size_average` / `reduce` flags takes. */
export interface LegacyReductionOptions {
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction;
}

/** The positional parameters after the tensors of a loss with only the reduction options. */
export type LegacyReductionParams = [sizeAverage: boolean | null, reduce: boolean | null, reduction: Reduction];

type PairArgs = LegacyReductionArgs & { input: Tensor; target: Tensor };

const L1_LOSS = signature<{ '': PairArgs }>('l1_loss(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean")');
const MSE_LOSS = signature<{ '': PairArgs }>('mse_loss(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean")');
const HUBER_LOSS = signature<{ '': { input: Tensor; target: Tensor; reduction: string; delta: number } }>(
  'huber_loss(Tensor input, Tensor target, str reduction="mean", float delta=1.0)',
);
const SMOOTH_L1_LOSS = signature<{ '': PairArgs & { beta: number } }>(
  'smooth_l1_loss(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean", float beta=1.0)',
);

/**
 * What the Python side of these losses does first, in its order: the size warning, the legacy
 * flags, then the broadcast of input and target. Returns both broadcast, and the reduction.
 */
function prepare(a: { input: Tensor; target: Tensor } & Partial<LegacyReductionArgs>): [Tensor, Tensor, Reduction] {
  warnIfSizesDiffer(a.input, a.target);
  const reduction = 'sizeAverage' in a ? resolveReduction(a as LegacyReductionArgs) : a.reduction!;
  const [x, y] = broadcastTensors(a.input, a.target);
  return [x!, y!, reductionEnum(reduction)];
}

/** The kernel's refusal of non-float inputs: `"mse_cpu" not implemented for 'Long'`. */
function requireFloat(x: Tensor, kernel: string): void {
  if (!x.isFloatingPoint()) throw new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
}

/**
 * `F.l1_loss(input, target, size_average=None, reduce=None, reduction='mean')`: |input - target|.
 * @example l1Loss(torch.tensor([1, 2, 5]).float(), torch.tensor([1, 2, 3]).float()) // tensor(0.6667)
 */
export function l1Loss(input: Tensor, target: Tensor, ...rest: Args<LegacyReductionParams, LegacyReductionOptions>): Tensor {
  const [x, y, reduction] = prepare(L1_LOSS.parse([input, target, ...rest]));
  return applyReduction(x.sub(y).abs(), reduction);
}

/**
 * `F.mse_loss(input, target, size_average=None, reduce=None, reduction='mean')`: (input - target)².
 * @example mseLoss(torch.tensor([1, 2, 5]).float(), torch.tensor([1, 2, 3]).float()) // tensor(1.3333)
 */
export function mseLoss(input: Tensor, target: Tensor, ...rest: Args<LegacyReductionParams, LegacyReductionOptions>): Tensor {
  const [x, y, reduction] = prepare(MSE_LOSS.parse([input, target, ...rest]));
  requireFloat(x, 'mse_cpu');
  return applyReduction(x.sub(y).square(), reduction);
}

/** Options of `huberLoss`. */
export interface HuberLossOptions {
  reduction?: Reduction;
  delta?: number;
}

/**
 * `F.huber_loss(input, target, reduction='mean', delta=1.0)`: ½d² where |d| < delta, else
 * delta·(|d| - ½delta), for d = input - target.
 * @example huberLoss(torch.tensor([0.5, 3]), torch.zeros(2), { reduction: 'none' }) // tensor([0.1250, 2.5000])
 */
export function huberLoss(input: Tensor, target: Tensor, ...rest: Args<[reduction: Reduction, delta: number], HuberLossOptions>): Tensor {
  const a = HUBER_LOSS.parse([input, target, ...rest]);
  const [x, y, reduction] = prepare(a);
  if (!(a.delta > 0)) throw new RuntimeError('huber_loss does not support non-positive values for delta.');
  requireFloat(x, 'huber_cpu');
  const d = x.sub(y);
  const ad = d.abs();
  return applyReduction(where(ad.lt(a.delta), d.square().mul(0.5), ad.sub(0.5 * a.delta).mul(a.delta)), reduction);
}

/** Options of `smoothL1Loss`. */
export interface SmoothL1LossOptions extends LegacyReductionOptions {
  beta?: number;
}

/**
 * `F.smooth_l1_loss(input, target, size_average=None, reduce=None, reduction='mean', beta=1.0)`:
 * ½d²/beta where |d| < beta, else |d| - ½beta (beta = 0 is the L1 loss).
 * @example smoothL1Loss(torch.tensor([0.5, 3]), torch.zeros(2), { reduction: 'none' }) // tensor([0.1250, 2.5000])
 */
export function smoothL1Loss(input: Tensor, target: Tensor, ...rest: Args<[...LegacyReductionParams, beta: number], SmoothL1LossOptions>): Tensor {
  const a = SMOOTH_L1_LOSS.parse([input, target, ...rest]);
  const [x, y, reduction] = prepare(a);
  if (a.beta === 0) {
    // the L1 loss with smooth_l1's gradient, which is -1 for both input and target where they
    // are equal (l1_loss's is 0): there the loss is written (x + y) - x - y, x + y held constant
    const d = x.sub(y);
    const tie = x.add(y).detach().sub(x).sub(y);
    return applyReduction(where(d.gt(0), d, where(d.lt(0), d.neg(), tie)), reduction);
  }
  if (a.beta < 0) throw new RuntimeError('smooth_l1_loss does not support negative values for beta.');
  requireFloat(x, 'smooth_l1_cpu');
  const d = x.sub(y);
  const ad = d.abs();
  return applyReduction(where(ad.lt(a.beta), d.square().mul(0.5 / a.beta), ad.sub(0.5 * a.beta)), reduction);
}
