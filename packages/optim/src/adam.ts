// Adam (torch/optim/adam.py, _single_tensor_adam). The moment updates and the bias-corrected
// step are shared with AdamW, which differs only in how it decays weights.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, maximum, signature, zerosLike } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { adamChecks } from './validate.js';

/** Options of `Adam` (PyTorch's keyword arguments, camelCased). */
export interface AdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  foreach?: boolean | null;
  maximize?: boolean;
  capturable?: boolean;
  differentiable?: boolean;
  fused?: boolean;
}
/** The hyperparameters of an `Adam` parameter group. */
export type AdamHyperparameters = Required<AdamOptions>;

const ADAM_ARGS = signature<{ '': { params: unknown } & AdamHyperparameters }>(
  'Adam(Any params, float lr=0.001, float[] betas=(0.9, 0.999), float eps=1e-08, float weight_decay=0, bool amsgrad=False, *, bool? foreach=None, bool maximize=False, bool capturable=False, bool differentiable=False, bool fused=False)',
);

/** Per-parameter state of Adam and AdamW. */
export interface AdamState {
  [key: string]: unknown;
  step: number;
  exp_avg: Tensor;
  exp_avg_sq: Tensor;
  max_exp_avg_sq?: Tensor;
}

/** The state Adam and AdamW start a parameter with. */
export function adamInitState(p: Tensor, amsgrad: boolean): AdamState {
  const s: AdamState = { step: 0, exp_avg: zerosLike(p), exp_avg_sq: zerosLike(p) };
  if (amsgrad) s.max_exp_avg_sq = zerosLike(p);
  return s;
}

/** What the Adam step needs from a group (Adam and AdamW alike). */
export interface AdamStepHyperparameters {
  lr: number;
  betas: readonly number[];
  eps: number;
  amsgrad: boolean;
}

/**
 * The moment updates and bias-corrected step shared by Adam and AdamW, in place; `grad` is
 * already negated (maximize) and weight-decayed. Bias corrections are JS numbers from the step count.
 * @example adamMoments(w, g, state, group)
 */
export function adamMoments(param: Tensor, grad: Tensor, state: AdamState, h: AdamStepHyperparameters): void {
  const [beta1, beta2] = h.betas as [number, number];
  const step = state.step;
  state.exp_avg.mul_(beta1).add_(grad, { alpha: 1 - beta1 });
  // addcmul_(grad, grad, value=1 - beta2): (value * grad) * grad, as PyTorch's kernel
  state.exp_avg_sq.mul_(beta2).add_(grad.mul(1 - beta2).mul(grad));
  const stepSize = h.lr / (1 - beta1 ** step);
  const bc2Sqrt = Math.sqrt(1 - beta2 ** step);
  let second = state.exp_avg_sq;
  if (h.amsgrad) {
    const max = state.max_exp_avg_sq!;
    max.copy_(maximum(max, state.exp_avg_sq));
    second = max;
  }
  const denom = second.sqrt().div(bc2Sqrt).add_(h.eps);
  // addcdiv_(exp_avg, denom, value=-step_size): (value * exp_avg) / denom
  param.add_(state.exp_avg.mul(-stepSize).div(denom));
}

/**
 * One Adam update of `param` (PyTorch's `_single_tensor_adam`), in place; a fused backend path
 * would replace exactly this.
 * @example adamUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function adamUpdate(param: Tensor, grad: Tensor, state: AdamState, h: AdamHyperparameters): void {
  let g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  if (h.weightDecay !== 0) g = g.add(param, { alpha: h.weightDecay });
  adamMoments(param, g, state, h);
}

/**
 * Adam (PyTorch's `torch.optim.Adam`): `foreach`, `fused` and `capturable` are accepted and
 * give the same results as the plain path.
 * @example const opt = new Adam(model.parameters(), 1e-3, { betas: [0.9, 0.99] });
 */
export class Adam extends Optimizer<AdamHyperparameters> {
  protected override readonly scalarStateKeys = ['step'];

  constructor(params: ParamsLike<AdamHyperparameters>, ...args: Args<[lr: number, betas: readonly [number, number], eps: number, weightDecay: number, amsgrad: boolean], AdamOptions>) {
    const { params: given, ...h } = ADAM_ARGS.parse([params, ...args]);
    h.betas = adamChecks(h);
    if (h.fused && h.differentiable) throw new RuntimeError('`fused` cannot be `differentiable`');
    super(given as ParamsLike<AdamHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<AdamHyperparameters>): void {
    this.forEachGrad(group, (p, g) => adamUpdate(p, g, this.stateOf(p, () => adamInitState(p, group.amsgrad)), group));
  }
}
