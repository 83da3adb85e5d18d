// Rprop: resilient backpropagation (torch/optim/rprop.py, _single_tensor_rprop).

import type { Tensor } from '@torchlet/tensor';
import { ValueError, fullLike, signature, where, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import { pyNumber } from './pyRepr.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative, pair } from './validate.js';

/** Options of `Rprop` (PyTorch's keyword arguments, camelCased). */
export interface RpropOptions {
  lr?: number;
  etas?: readonly [number, number];
  stepSizes?: readonly [number, number];
  foreach?: boolean | null;
  maximize?: boolean;
}
/** The hyperparameters of an `Rprop` parameter group. */
export type RpropHyperparameters = Required<RpropOptions>;

const RPROP_ARGS = signature<{ '': { params: unknown } & RpropHyperparameters }>(
  'Rprop(Any params, float lr=0.01, float[] etas=(0.5, 1.2), float[] step_sizes=(1e-06, 50), bool? foreach=None, bool maximize=False)',
);

/** Per-parameter state of Rprop (`step` is a plain count, as in PyTorch). */
export interface RpropState {
  [key: string]: unknown;
  step: number;
  prev: Tensor;
  step_size: Tensor;
}

/**
 * One Rprop update of `param` (PyTorch's `_single_tensor_rprop`), in place.
 * @example rpropUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function rpropUpdate(param: Tensor, grad: Tensor, state: RpropState, h: RpropHyperparameters): void {
  const [etaminus, etaplus] = h.etas;
  const [stepSizeMin, stepSizeMax] = h.stepSizes;
  state.step += 1;
  const g = h.maximize ? grad.neg() : grad;
  const sign = g.mul(state.prev).sign();
  const decrease = sign.lt(0);
  // PyTorch overwrites sign: > 0 → etaplus, < 0 → etaminus, == 0 → 1 (NaN stays NaN)
  const factor = where(sign.gt(0), etaplus, where(decrease, etaminus, where(sign.eq(0), 1, sign)));
  state.step_size.mul_(factor).clamp_(stepSizeMin, stepSizeMax);
  // where the sign flipped, the gradient counts as zero: no step now, no sign next time
  const kept = where(decrease, 0, g);
  param.add_(kept.sign().mul(-1).mul(state.step_size));
  state.prev.copy_(kept);
}

/**
 * Rprop (PyTorch's `torch.optim.Rprop`).
 * @example const opt = new Rprop(model.parameters(), 0.01, { etas: [0.5, 1.2] });
 */
export class Rprop extends Optimizer<RpropHyperparameters> {
  constructor(params: ParamsLike<RpropHyperparameters>, ...args: Args<[lr: number, etas: readonly [number, number], stepSizes: readonly [number, number], foreach: boolean | null, maximize: boolean], RpropOptions>) {
    const { params: given, ...h } = RPROP_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    h.etas = pair(h.etas, 'etas');
    h.stepSizes = pair(h.stepSizes, 'step_sizes');
    if (!(h.etas[0] > 0 && h.etas[0] < 1 && h.etas[1] > 1)) throw new ValueError(`Invalid eta values: ${pyNumber(h.etas[0])}, ${pyNumber(h.etas[1])}`);
    super(given as ParamsLike<RpropHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<RpropHyperparameters>): void {
    this.forEachGrad(group, (p, g) =>
      rpropUpdate(p, g, this.stateOf<RpropState>(p, () => ({ step: 0, prev: zerosLike(p), step_size: fullLike(g, group.lr) })), group),
    );
  }
}
