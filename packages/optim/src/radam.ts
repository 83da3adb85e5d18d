// RAdam: rectified Adam (torch/optim/radam.py, _single_tensor_radam), plus PyTorch 2's
// `decoupled_weight_decay` and `maximize`.

import type { Tensor } from '@torchlet/tensor';
import { signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { adamChecks } from './validate.js';

/** Options of `RAdam` (PyTorch's keyword arguments, camelCased). */
export interface RAdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  foreach?: boolean | null;
  /** Decay weights by `lr * weightDecay` apart from the moments (PyTorch 2). */
  decoupledWeightDecay?: boolean;
  /** Maximize the objective (PyTorch 2). */
  maximize?: boolean;
}
/** The hyperparameters of an `RAdam` parameter group. */
export type RAdamHyperparameters = Required<RAdamOptions>;

const RADAM_ARGS = signature<{ '': { params: unknown } & RAdamHyperparameters }>(
  'RAdam(Any params, float lr=0.001, float[] betas=(0.9, 0.999), float eps=1e-08, float weight_decay=0, bool? foreach=None, *, bool decoupled_weight_decay=False, bool maximize=False)',
);

/** Per-parameter state of RAdam. */
export interface RAdamState {
  [key: string]: unknown;
  step: number;
  exp_avg: Tensor;
  exp_avg_sq: Tensor;
}

/**
 * One RAdam update of `param` (PyTorch's `_single_tensor_radam`), in place.
 * @example radamUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function radamUpdate(param: Tensor, grad: Tensor, state: RAdamState, h: RAdamHyperparameters): void {
  const [beta1, beta2] = h.betas;
  let g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  const step = state.step;
  const bc1 = 1 - beta1 ** step;
  const bc2 = 1 - beta2 ** step;
  if (h.weightDecay !== 0) {
    if (h.decoupledWeightDecay) param.mul_(1 - h.lr * h.weightDecay);
    else g = g.add(param, { alpha: h.weightDecay });
  }
  state.exp_avg.mul_(beta1).add_(g, { alpha: 1 - beta1 });
  state.exp_avg_sq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
  const corrected = state.exp_avg.div(bc1);
  const rhoInf = 2 / (1 - beta2) - 1;
  const rhoT = rhoInf - (2 * step * beta2 ** step) / bc2;
  if (rhoT > 5) {
    const rect = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
    // Python's `float / tensor` is `tensor.reciprocal() * float`
    const adaptiveLr = state.exp_avg_sq.sqrt().add_(h.eps).reciprocal().mul(Math.sqrt(bc2));
    param.sub_(corrected.mul(h.lr).mul(adaptiveLr).mul(rect));
  } else param.sub_(corrected.mul(h.lr));
}

/**
 * RAdam (PyTorch's `torch.optim.RAdam`).
 * @example const opt = new RAdam(model.parameters(), 1e-3);
 */
export class RAdam extends Optimizer<RAdamHyperparameters> {
  protected override readonly scalarStateKeys = ['step'];

  constructor(params: ParamsLike<RAdamHyperparameters>, ...args: Args<[lr: number, betas: readonly [number, number], eps: number, weightDecay: number, foreach: boolean | null], RAdamOptions>) {
    const { params: given, ...h } = RADAM_ARGS.parse([params, ...args]);
    h.betas = adamChecks(h);
    super(given as ParamsLike<RAdamHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<RAdamHyperparameters>): void {
    this.forEachGrad(group, (p, g) => radamUpdate(p, g, this.stateOf<RAdamState>(p, () => ({ step: 0, exp_avg: zerosLike(p), exp_avg_sq: zerosLike(p) })), group));
  }
}
