// Small stand-ins for Module, Optimizer, scheduler and DataLoader (which are not in torchlet yet),
// built from tensor ops, each with PyTorch's stateDict()/loadStateDict() pair.
import * as torch from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';

/** A linear model y = x·w + b as a parameter list. */
export class TinyModel {
  params: Record<string, Tensor>;
  constructor(inF: number, outF: number, g: torch.Generator) {
    this.params = { 'fc.weight': torch.randn([outF, inF], { generator: g }), 'fc.bias': torch.zeros(outF), 'bn.num_batches_tracked': torch.tensor(0) };
  }
  stateDict(): Record<string, Tensor> {
    return { ...this.params };
  }
  loadStateDict(sd: Record<string, Tensor>): void {
    for (const k of Object.keys(this.params)) {
      if (!(k in sd)) throw new Error(`missing key ${k}`);
      this.params[k] = sd[k]!.clone();
    }
  }
}

/** SGD with momentum's state, in PyTorch's { state, param_groups } shape. */
export class TinySGD {
  momentum: (Tensor | null)[];
  lr: number;
  constructor(readonly n: number, lr: number) {
    this.momentum = Array.from({ length: n }, () => null);
    this.lr = lr;
  }
  stateDict() {
    const state: Record<string, { momentum_buffer: Tensor }> = {};
    this.momentum.forEach((m, i) => {
      if (m) state[i] = { momentum_buffer: m };
    });
    return { state, param_groups: [{ lr: this.lr, momentum: 0.9, dampening: 0, weight_decay: 0, nesterov: false, params: [...Array(this.n).keys()] }] };
  }
  loadStateDict(sd: { state: Record<string, { momentum_buffer: Tensor }>; param_groups: { lr: number }[] }): void {
    this.momentum = Array.from({ length: this.n }, (_, i) => sd.state[i]?.momentum_buffer.clone() ?? null);
    this.lr = sd.param_groups[0]!.lr;
  }
}

/** A step-decay scheduler's state. */
export class TinyScheduler {
  lastEpoch = 0;
  stateDict() {
    return { last_epoch: this.lastEpoch, step_size: 2, gamma: 0.5, _last_lr: [0.1 * 0.5 ** Math.floor(this.lastEpoch / 2)] };
  }
  loadStateDict(sd: { last_epoch: number }): void {
    this.lastEpoch = sd.last_epoch;
  }
}

/** A shuffling loader's position: epoch, batch index, and the permutation of this epoch. */
export class TinyLoader {
  epoch = 0;
  batch = 0;
  perm: Tensor = torch.arange(0);
  stateDict() {
    return { epoch: this.epoch, batch: this.batch, perm: this.perm };
  }
  loadStateDict(sd: { epoch: number; batch: number; perm: Tensor }): void {
    Object.assign(this, { epoch: sd.epoch, batch: sd.batch, perm: sd.perm.clone() });
  }
}
