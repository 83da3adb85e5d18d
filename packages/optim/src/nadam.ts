// NAdam: Adam with Nesterov momentum (torch/optim/nadam.py, _single_tensor_nadam), plus
// PyTorch 2's `decoupled_weight_decay` and `maximize`.

import type { Tensor } from '@torchlet/tensor';
import { signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { adamChecks, nonNegative } from './validate.js';

/** Options of `NAdam` (PyTorch's keyword arguments, camelCased). */
export interface NAdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  momentumDecay?: number;
  foreach?: boolean | null;
  /** Decay weights by `lr * weightDecay` apart from the moments (NAdamW; PyTorch 2). */
  decoupledWeightDecay?: boolean;
  /** Maximize the objective (PyTorch 2). */
  maximize?: boolean;
}
/** The hyperparameters of an `NAdam` parameter group. */
export type NAdamHyperparameters = Required<NAdamOptions>;

const NADAM_ARGS = signature<{ '': { params: unknown } & NAdamHyperparameters }>(
  'NAdam(Any params, float lr=0.002, float[] betas=(0.9, 0.999), float eps=1e-08, float weight_decay=0, float momentum_decay=0.004, bool? foreach=None, *, bool decoupled_weight_decay=False, bool maximize=False)',
);

/** Per-parameter state of NAdam; `mu_product` is float32, as PyTorch's 0-d tensor. */
export interface NAdamState {
  [key: string]: unknown;
  step: number;
  mu_product: number;
  exp_avg: Tensor;
  exp_avg_sq: Tensor;
}

const f32 = Math.fround;

/**
 * One NAdam update of `param` (PyTorch's `_single_tensor_nadam`), in place.
 * @example nadamUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function nadamUpdate(param: Tensor, grad: Tensor, state: NAdamState, h: NAdamHyperparameters): void {
  const [beta1, beta2] = h.betas;
  let g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  const step = state.step;
  const bc2 = 1 - beta2 ** step;
  if (h.weightDecay !== 0) {
    if (h.decoupledWeightDecay) param.mul_(1 - h.lr * h.weightDecay);
    else g = g.add(param, { alpha: h.weightDecay });
  }
  const mu = beta1 * (1 - 0.5 * 0.96 ** (step * h.momentumDecay));
  const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * h.momentumDecay));
  // PyTorch multiplies a float32 tensor by the Python floats: each product rounds to float32
  state.mu_product = f32(state.mu_product * f32(mu));
  const muProductNext = f32(f32(state.mu_product * f32(mu)) * f32(muNext));
  state.exp_avg.mul_(beta1).add_(g, { alpha: 1 - beta1 });
  state.exp_avg_sq.mul_(beta2).add_(g.mul(1 - beta2).mul(g));
  const denom = state.exp_avg_sq.div(bc2).sqrt().add_(h.eps);
  param.add_(g.mul((-h.lr * (1 - mu)) / (1 - state.mu_product)).div(denom));
  param.add_(state.exp_avg.mul((-h.lr * muNext) / (1 - muProductNext)).div(denom));
}

/**
 * NAdam (PyTorch's `torch.optim.NAdam`).
 * @example const opt = new NAdam(model.parameters(), 2e-3, { momentumDecay: 4e-3 });
 */
export class NAdam extends Optimizer<NAdamHyperparameters> {
  protected override readonly scalarStateKeys = ['step', 'mu_product'];

  constructor(
    params: ParamsLike<NAdamHyperparameters>,
    ...args: Args<[lr: number, betas: readonly [number, number], eps: number, weightDecay: number, momentumDecay: number, foreach: boolean | null], NAdamOptions>
  ) {
    const { params: given, ...h } = NADAM_ARGS.parse([params, ...args]);
    h.betas = adamChecks(h);
    nonNegative(h.momentumDecay, 'momentum_decay value');
    super(given as ParamsLike<NAdamHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<NAdamHyperparameters>): void {
    this.forEachGrad(group, (p, g) =>
      nadamUpdate(p, g, this.stateOf<NAdamState>(p, () => ({ step: 0, mu_product: 1, exp_avg: zerosLike(p), exp_avg_sq: zerosLike(p) })), group),
    );
  }
}
