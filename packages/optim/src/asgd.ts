// ASGD: averaged SGD (torch/optim/asgd.py, _single_tensor_asgd).

import type { Tensor } from '@torchlet/tensor';
import { signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative } from './validate.js';

/** Options of `ASGD` (PyTorch's keyword arguments, camelCased). */
export interface ASGDOptions {
  lr?: number;
  lambd?: number;
  alpha?: number;
  t0?: number;
  weightDecay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}
/** The hyperparameters of an `ASGD` parameter group. */
export type ASGDHyperparameters = Required<ASGDOptions>;

const ASGD_ARGS = signature<{ '': { params: unknown } & ASGDHyperparameters }>(
  'ASGD(Any params, float lr=0.01, float lambd=0.0001, float alpha=0.75, float t0=1000000.0, float weight_decay=0, bool? foreach=None, bool maximize=False)',
);

/** Per-parameter state of ASGD; `eta` and `mu` are float32, as PyTorch's 0-d tensors. */
export interface ASGDState {
  [key: string]: unknown;
  step: number;
  eta: number;
  mu: number;
  ax: Tensor;
}

const f32 = Math.fround;

/**
 * One ASGD update of `param` (PyTorch's `_single_tensor_asgd`), in place; `ax` is the average.
 * @example asgdUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function asgdUpdate(param: Tensor, grad: Tensor, state: ASGDState, h: ASGDHyperparameters): void {
  let g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  const step = state.step;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  param.mul_(1 - h.lambd * state.eta);
  param.add_(g, { alpha: -state.eta });
  if (state.mu !== 1) state.ax.add_(param.sub(state.ax).mul(state.mu));
  else state.ax.copy_(param);
  state.eta = f32(h.lr / (1 + h.lambd * h.lr * step) ** h.alpha);
  state.mu = f32(1 / Math.max(1, step - h.t0));
}

/**
 * ASGD (PyTorch's `torch.optim.ASGD`): after `t0` steps, `state.get(p).ax` averages the iterates.
 * @example const opt = new ASGD(model.parameters(), 0.01, { t0: 100 });
 */
export class ASGD extends Optimizer<ASGDHyperparameters> {
  protected override readonly scalarStateKeys = ['step', 'eta', 'mu'];

  constructor(
    params: ParamsLike<ASGDHyperparameters>,
    ...args: Args<[lr: number, lambd: number, alpha: number, t0: number, weightDecay: number, foreach: boolean | null, maximize: boolean], ASGDOptions>
  ) {
    const { params: given, ...h } = ASGD_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    nonNegative(h.weightDecay, 'weight_decay value');
    super(given as ParamsLike<ASGDHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<ASGDHyperparameters>): void {
    this.forEachGrad(group, (p, g) =>
      asgdUpdate(p, g, this.stateOf<ASGDState>(p, () => ({ step: 0, eta: f32(group.lr), mu: 1, ax: zerosLike(p) })), group),
    );
  }
}
