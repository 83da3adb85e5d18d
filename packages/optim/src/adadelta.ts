// Adadelta (torch/optim/adadelta.py, _single_tensor_adadelta).

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import { pyNumber } from './pyRepr.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative } from './validate.js';

/** Options of `Adadelta` (PyTorch's keyword arguments, camelCased). */
export interface AdadeltaOptions {
  lr?: number;
  rho?: number;
  eps?: number;
  weightDecay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}
/** The hyperparameters of an `Adadelta` parameter group. */
export type AdadeltaHyperparameters = Required<AdadeltaOptions>;

const ADADELTA_ARGS = signature<{ '': { params: unknown } & AdadeltaHyperparameters }>(
  'Adadelta(Any params, float lr=1.0, float rho=0.9, float eps=1e-06, float weight_decay=0, bool? foreach=None, *, bool maximize=False)',
);

/** Per-parameter state of Adadelta (`step` is a plain count, as in PyTorch). */
export interface AdadeltaState {
  [key: string]: unknown;
  step: number;
  square_avg: Tensor;
  acc_delta: Tensor;
}

/**
 * One Adadelta update of `param` (PyTorch's `_single_tensor_adadelta`), in place.
 * @example adadeltaUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function adadeltaUpdate(param: Tensor, grad: Tensor, state: AdadeltaState, h: AdadeltaHyperparameters): void {
  state.step += 1;
  let g = h.maximize ? grad.neg() : grad;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  state.square_avg.mul_(h.rho).add_(g.mul(1 - h.rho).mul(g));
  const std = state.square_avg.add(h.eps).sqrt_();
  const delta = state.acc_delta.add(h.eps).sqrt_().div_(std).mul_(g);
  state.acc_delta.mul_(h.rho).add_(delta.mul(1 - h.rho).mul(delta));
  param.add_(delta, { alpha: -h.lr });
}

/**
 * Adadelta (PyTorch's `torch.optim.Adadelta`).
 * @example const opt = new Adadelta(model.parameters(), 1.0, 0.9);
 */
export class Adadelta extends Optimizer<AdadeltaHyperparameters> {
  constructor(params: ParamsLike<AdadeltaHyperparameters>, ...args: Args<[lr: number, rho: number, eps: number, weightDecay: number, foreach: boolean | null], AdadeltaOptions>) {
    const { params: given, ...h } = ADADELTA_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    if (!(h.rho >= 0 && h.rho <= 1)) throw new ValueError(`Invalid rho value: ${pyNumber(h.rho)}`);
    nonNegative(h.eps, 'epsilon value');
    nonNegative(h.weightDecay, 'weight_decay value');
    super(given as ParamsLike<AdadeltaHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<AdadeltaHyperparameters>): void {
    this.forEachGrad(group, (p, g) =>
      adadeltaUpdate(p, g, this.stateOf<AdadeltaState>(p, () => ({ step: 0, square_avg: zerosLike(p), acc_delta: zerosLike(p) })), group),
    );
  }
}
