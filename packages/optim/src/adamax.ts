// Adamax: Adam with the infinity norm (torch/optim/adamax.py, _single_tensor_adamax).

import type { Tensor } from '@torchlet/tensor';
import { maximum, signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { adamChecks } from './validate.js';

/** Options of `Adamax` (PyTorch's keyword arguments, camelCased). */
export interface AdamaxOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  foreach?: boolean | null;
  maximize?: boolean;
}
/** The hyperparameters of an `Adamax` parameter group. */
export type AdamaxHyperparameters = Required<AdamaxOptions>;

const ADAMAX_ARGS = signature<{ '': { params: unknown } & AdamaxHyperparameters }>(
  'Adamax(Any params, float lr=0.002, float[] betas=(0.9, 0.999), float eps=1e-08, float weight_decay=0, bool? foreach=None, *, bool maximize=False)',
);

/** Per-parameter state of Adamax. */
export interface AdamaxState {
  [key: string]: unknown;
  step: number;
  exp_avg: Tensor;
  exp_inf: Tensor;
}

/**
 * One Adamax update of `param` (PyTorch's `_single_tensor_adamax`), in place.
 * @example adamaxUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function adamaxUpdate(param: Tensor, grad: Tensor, state: AdamaxState, h: AdamaxHyperparameters): void {
  const [beta1, beta2] = h.betas;
  let g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  state.exp_avg.mul_(beta1).add_(g, { alpha: 1 - beta1 });
  // amax over [exp_inf * beta2, |g| + eps]: the elementwise maximum (NaN propagates, as amax)
  state.exp_inf.mul_(beta2);
  state.exp_inf.copy_(maximum(state.exp_inf, g.abs().add_(h.eps)));
  const clr = h.lr / (1 - beta1 ** state.step);
  param.add_(state.exp_avg.mul(-clr).div(state.exp_inf));
}

/**
 * Adamax (PyTorch's `torch.optim.Adamax`).
 * @example const opt = new Adamax(model.parameters(), 2e-3);
 */
export class Adamax extends Optimizer<AdamaxHyperparameters> {
  protected override readonly scalarStateKeys = ['step'];

  constructor(params: ParamsLike<AdamaxHyperparameters>, ...args: Args<[lr: number, betas: readonly [number, number], eps: number, weightDecay: number, foreach: boolean | null], AdamaxOptions>) {
    const { params: given, ...h } = ADAMAX_ARGS.parse([params, ...args]);
    h.betas = adamChecks(h);
    super(given as ParamsLike<AdamaxHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<AdamaxHyperparameters>): void {
    this.forEachGrad(group, (p, g) =>
      adamaxUpdate(p, g, this.stateOf<AdamaxState>(p, () => ({ step: 0, exp_avg: zerosLike(p), exp_inf: zerosLike(p) })), group),
    );
  }
}
