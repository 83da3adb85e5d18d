// LinearLR: a factor moving linearly from startFactor to endFactor over totalIters epochs.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `LinearLR`. */
export interface LinearLROptions {
  startFactor?: number;
  endFactor?: number;
  totalIters?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const LINEAR_LR = signature<{ '': { optimizer: Optimizer; startFactor: number; endFactor: number; totalIters: number; lastEpoch: number; verbose: boolean } }>(
  'LinearLR(Any optimizer, float start_factor=0.3333333333333333, float end_factor=1.0, int total_iters=5, int last_epoch=-1, bool verbose=False)',
);

/**
 * Scales each group's lr by a factor going linearly from `startFactor` to `endFactor` (PyTorch's `LinearLR`).
 * @example new LinearLR(opt, 0.1, 1, 10)
 */
export class LinearLR extends LRScheduler {
  startFactor: number;
  endFactor: number;
  totalIters: number;
  protected override readonly stateKeys = ['start_factor', 'end_factor', 'total_iters'];

  constructor(optimizer: Optimizer, ...args: Args<[startFactor: number, endFactor: number, totalIters: number, lastEpoch: number, verbose: boolean], LinearLROptions>) {
    const a = LINEAR_LR.parse([optimizer, ...args]);
    if (a.startFactor > 1 || a.startFactor < 0) throw new ValueError('Starting multiplicative factor expected to be between 0 and 1.');
    if (a.endFactor > 1 || a.endFactor < 0) throw new ValueError('Ending multiplicative factor expected to be between 0 and 1.');
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.startFactor = a.startFactor;
    this.endFactor = a.endFactor;
    this.totalIters = a.totalIters;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    if (this.lastEpoch === 0) return lrs.map((lr) => lr * this.startFactor);
    if (this.lastEpoch > this.totalIters) return lrs;
    const delta = this.endFactor - this.startFactor;
    return lrs.map((lr) => lr * (1 + delta / (this.totalIters * this.startFactor + (this.lastEpoch - 1) * delta)));
  }

  protected override closedFormLr(): number[] {
    const delta = this.endFactor - this.startFactor;
    return this.baseLrs.map((base) => base * (this.startFactor + (delta * Math.min(this.totalIters, this.lastEpoch)) / this.totalIters));
  }
}
