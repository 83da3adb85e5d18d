// SGD with momentum, dampening, Nesterov and weight decay (torch/optim/sgd.py,
// _single_tensor_sgd).

import type { Tensor } from '@torchlet/tensor';
import { ValueError, keep, signature } from '@torchlet/tensor';
import { Optimizer } from './optimizer.js';
import type { Args, ParamGroup, ParamsLike } from './types.js';
import { nonNegative } from './validate.js';

/** Options of `SGD` (PyTorch's keyword arguments, camelCased). */
export interface SGDOptions {
  lr?: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
  maximize?: boolean;
  foreach?: boolean | null;
  differentiable?: boolean;
}
/** The hyperparameters of an `SGD` parameter group. */
export type SGDHyperparameters = Required<SGDOptions>;

const SGD_ARGS = signature<{ '': { params: unknown } & SGDHyperparameters }>(
  'SGD(Any params, float lr, float momentum=0, float dampening=0, float weight_decay=0, bool nesterov=False, *, bool maximize=False, bool? foreach=None, bool differentiable=False)',
);

/** Per-parameter state of SGD: the momentum buffer (null until momentum is used). */
export interface SGDState {
  [key: string]: unknown;
  momentum_buffer: Tensor | null;
}

/**
 * One SGD update of `param` (PyTorch's `_single_tensor_sgd`), in place; a fused backend path
 * would replace exactly this.
 * @example sgdUpdate(w, w.grad!, state, optimizer.paramGroups[0])
 */
export function sgdUpdate(param: Tensor, grad: Tensor, state: SGDState, h: SGDHyperparameters): void {
  let d = h.maximize ? grad.neg() : grad;
  if (h.weightDecay !== 0) d = d.add(param, { alpha: h.weightDecay });
  if (h.momentum !== 0) {
    let buf = state.momentum_buffer;
    if (buf === null) {
      buf = keep(d.clone().detach());
      state.momentum_buffer = buf;
    } else buf.mul_(h.momentum).add_(d, { alpha: 1 - h.dampening });
    d = h.nesterov ? d.add(buf, { alpha: h.momentum }) : buf;
  }
  param.add_(d, { alpha: -h.lr });
}

/**
 * Stochastic gradient descent, optionally with momentum (PyTorch's `torch.optim.SGD`).
 * @example const opt = new SGD(model.parameters(), 0.01, { momentum: 0.9 });
 */
export class SGD extends Optimizer<SGDHyperparameters> {
  constructor(params: ParamsLike<SGDHyperparameters>, ...args: Args<[lr: number, momentum: number, dampening: number, weightDecay: number, nesterov: boolean], SGDOptions>) {
    const { params: given, ...h } = SGD_ARGS.parse([params, ...args]);
    nonNegative(h.lr, 'learning rate');
    nonNegative(h.momentum, 'momentum value');
    nonNegative(h.weightDecay, 'weight_decay value');
    if (h.nesterov && (h.momentum <= 0 || h.dampening !== 0)) throw new ValueError('Nesterov momentum requires a momentum and zero dampening');
    super(given as ParamsLike<SGDHyperparameters>, h);
  }

  protected override updateGroup(group: ParamGroup<SGDHyperparameters>): void {
    this.forEachGrad(group, (p, g) => sgdUpdate(p, g, this.stateOf<SGDState>(p, () => ({ momentum_buffer: null })), group));
  }
}
