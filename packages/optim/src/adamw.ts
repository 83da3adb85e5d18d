// AdamW: Adam with decoupled weight decay (torch/optim/adamw.py, _single_tensor_adamw).

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { AdamState } from './adam.js';
import { adamInitState, adamMoments } from './adam.js';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { adamChecks } from './validate.js';

/** Options of `AdamW` (PyTorch's keyword arguments, camelCased). */
export interface AdamWOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  weightDecay?: number;
  amsgrad?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  capturable?: boolean;
}
/** The hyperparameters of an `AdamW` parameter group. */
export type AdamWHyperparameters = Required<AdamWOptions>;

const ADAMW_ARGS = signature<{ '': { params: unknown } & AdamWHyperparameters }>(
  'AdamW(Any params, float lr=0.001, float[] betas=(0.9, 0.999), float eps=1e-08, float weight_decay=0.01, bool amsgrad=False, *, bool maximize=False, bool? foreach=None, bool capturable=False)',
);

/**
 * One AdamW update of `param` (PyTorch's `_single_tensor_adamw`), in place.
 * @example adamwUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function adamwUpdate(param: Tensor, grad: Tensor, state: AdamState, h: AdamWHyperparameters): void {
  const g = h.maximize ? grad.neg() : grad;
  state.step += 1;
  param.mul_(1 - h.lr * h.weightDecay);
  adamMoments(param, g, state, h);
}

/**
 * AdamW (PyTorch's `torch.optim.AdamW`): weights decay by `lr * weightDecay` each step,
 * apart from the gradient's moments.
 * @example const opt = new AdamW(model.parameters(), 1e-3, { weightDecay: 0.05 });
 */
export class AdamW extends Optimizer<AdamWHyperparameters> {
  protected override readonly scalarStateKeys = ['step'];

  constructor(params: ParamsLike<AdamWHyperparameters>, ...args: Args<[lr: number, betas: readonly [number, number], eps: number, weightDecay: number, amsgrad: boolean], AdamWOptions>) {
    const { params: given, ...h } = ADAMW_ARGS.parse([params, ...args]);
    h.betas = adamChecks(h);
    super(given as ParamsLike<AdamWHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<AdamWHyperparameters>): void {
    this.forEachGrad(group, (p, g) => adamwUpdate(p, g, this.stateOf(p, () => adamInitState(p, group.amsgrad)), group));
  }
}
