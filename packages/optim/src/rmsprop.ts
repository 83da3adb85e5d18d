// RMSprop (torch/optim/rmsprop.py, _single_tensor_rmsprop).

import type { Tensor } from '@torchlet/tensor';
import { signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative } from './validate.js';

/** Options of `RMSprop` (PyTorch's keyword arguments, camelCased). */
export interface RMSpropOptions {
  lr?: number;
  alpha?: number;
  eps?: number;
  weightDecay?: number;
  momentum?: number;
  centered?: boolean;
  foreach?: boolean | null;
  maximize?: boolean;
  differentiable?: boolean;
}
/** The hyperparameters of an `RMSprop` parameter group. */
export type RMSpropHyperparameters = Required<RMSpropOptions>;

const RMSPROP_ARGS = signature<{ '': { params: unknown } & RMSpropHyperparameters }>(
  'RMSprop(Any params, float lr=0.01, float alpha=0.99, float eps=1e-08, float weight_decay=0, float momentum=0, bool centered=False, bool? foreach=None, bool maximize=False, bool differentiable=False)',
);

/** Per-parameter state of RMSprop (`step` is a plain count, as in PyTorch). */
export interface RMSpropState {
  [key: string]: unknown;
  step: number;
  square_avg: Tensor;
  momentum_buffer?: Tensor;
  grad_avg?: Tensor;
}

/**
 * One RMSprop update of `param` (PyTorch's `_single_tensor_rmsprop`), in place.
 * @example rmspropUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function rmspropUpdate(param: Tensor, grad: Tensor, state: RMSpropState, h: RMSpropHyperparameters): void {
  state.step += 1;
  let g = h.maximize ? grad.neg() : grad;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  state.square_avg.mul_(h.alpha).add_(g.mul(1 - h.alpha).mul(g));
  let avg: Tensor;
  if (h.centered) {
    const gradAvg = state.grad_avg!;
    gradAvg.mul_(h.alpha).add_(g, { alpha: 1 - h.alpha });
    avg = state.square_avg.add(gradAvg.mul(-1).mul(gradAvg)).sqrt_();
  } else avg = state.square_avg.sqrt();
  avg = h.differentiable ? avg.add(h.eps) : avg.add_(h.eps);
  if (h.momentum > 0) {
    const buf = state.momentum_buffer!;
    buf.mul_(h.momentum).add_(g.div(avg));
    param.add_(buf, { alpha: -h.lr });
  } else param.add_(g.mul(-h.lr).div(avg));
}

/**
 * RMSprop (PyTorch's `torch.optim.RMSprop`).
 * @example const opt = new RMSprop(model.parameters(), 0.01, { momentum: 0.9, centered: true });
 */
export class RMSprop extends Optimizer<RMSpropHyperparameters> {
  constructor(
    params: ParamsLike<RMSpropHyperparameters>,
    ...args: Args<[lr: number, alpha: number, eps: number, weightDecay: number, momentum: number, centered: boolean, foreach: boolean | null, maximize: boolean, differentiable: boolean], RMSpropOptions>
  ) {
    const { params: given, ...h } = RMSPROP_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    nonNegative(h.eps, 'epsilon value');
    nonNegative(h.momentum, 'momentum value');
    nonNegative(h.weightDecay, 'weight_decay value');
    nonNegative(h.alpha, 'alpha value');
    super(given as ParamsLike<RMSpropHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<RMSpropHyperparameters>): void {
    this.forEachGrad(group, (p, g) => rmspropUpdate(p, g, this.stateOf(p, () => initState(p, group)), group));
  }
}

function initState(p: Tensor, group: RMSpropHyperparameters): RMSpropState {
  const s: RMSpropState = { step: 0, square_avg: zerosLike(p) };
  if (group.momentum > 0) s.momentum_buffer = zerosLike(p);
  if (group.centered) s.grad_avg = zerosLike(p);
  return s;
}
