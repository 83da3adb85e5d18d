// Adagrad (torch/optim/adagrad.py, _single_tensor_adagrad, dense gradients).

import type { Tensor } from '@torchlet/tensor';
import { fullLike, signature } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative } from './validate.js';

/** Options of `Adagrad` (PyTorch's keyword arguments, camelCased). */
export interface AdagradOptions {
  lr?: number;
  lrDecay?: number;
  weightDecay?: number;
  initialAccumulatorValue?: number;
  eps?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}
/** The hyperparameters of an `Adagrad` parameter group. */
export type AdagradHyperparameters = Required<AdagradOptions>;

const ADAGRAD_ARGS = signature<{ '': { params: unknown } & AdagradHyperparameters }>(
  'Adagrad(Any params, float lr=0.01, float lr_decay=0, float weight_decay=0, float initial_accumulator_value=0, float eps=1e-10, bool? foreach=None, *, bool maximize=False)',
);

/** Per-parameter state of Adagrad. */
export interface AdagradState {
  [key: string]: unknown;
  step: number;
  sum: Tensor;
}

/**
 * One Adagrad update of `param` (PyTorch's `_single_tensor_adagrad`), in place.
 * @example adagradUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function adagradUpdate(param: Tensor, grad: Tensor, state: AdagradState, h: AdagradHyperparameters): void {
  state.step += 1;
  let g = h.maximize ? grad.neg() : grad;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  const clr = h.lr / (1 + (state.step - 1) * h.lrDecay);
  state.sum.add_(g.mul(g));
  const std = state.sum.sqrt().add_(h.eps);
  param.add_(g.mul(-clr).div(std));
}

/**
 * Adagrad (PyTorch's `torch.optim.Adagrad`); its state exists from construction, as PyTorch's.
 * @example const opt = new Adagrad(model.parameters(), 0.01, { lrDecay: 1e-4 });
 */
export class Adagrad extends Optimizer<AdagradHyperparameters> {
  protected override readonly scalarStateKeys = ['step'];

  constructor(
    params: ParamsLike<AdagradHyperparameters>,
    ...args: Args<[lr: number, lrDecay: number, weightDecay: number, initialAccumulatorValue: number, eps: number, foreach: boolean | null], AdagradOptions>
  ) {
    const { params: given, ...h } = ADAGRAD_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    nonNegative(h.lrDecay, 'lr_decay value');
    nonNegative(h.weightDecay, 'weight_decay value');
    nonNegative(h.initialAccumulatorValue, 'initial_accumulator_value value');
    nonNegative(h.eps, 'epsilon value');
    super(given as ParamsLike<AdagradHyperparameters>, h);
    for (const group of this.paramGroups) for (const p of group.params) this.stateOf(p, () => this.initState(p));
  }

  protected override updateGroup(group: ParamGroup<AdagradHyperparameters>): void {
    this.forEachGrad(group, (p, g) => adagradUpdate(p, g, this.stateOf(p, () => this.initState(p)), group));
  }

  /** As PyTorch: the constructor's `initialAccumulatorValue` for every group. */
  private initState(p: Tensor): AdagradState {
    return { step: 0, sum: fullLike(p, this.defaults.initialAccumulatorValue) };
  }
}
