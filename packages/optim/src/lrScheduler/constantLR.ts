// ConstantLR: a constant factor for the first totalIters epochs.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `ConstantLR`. */
export interface ConstantLROptions {
  factor?: number;
  totalIters?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const CONSTANT_LR = signature<{ '': { optimizer: Optimizer; factor: number; totalIters: number; lastEpoch: number; verbose: boolean } }>(
  'ConstantLR(Any optimizer, float factor=0.3333333333333333, int total_iters=5, int last_epoch=-1, bool verbose=False)',
);

/**
 * Multiplies each group's lr by `factor` until epoch `totalIters` (PyTorch's `ConstantLR`).
 * @example new ConstantLR(opt, 0.5, 4)
 */
export class ConstantLR extends LRScheduler {
  factor: number;
  totalIters: number;
  protected override readonly stateKeys = ['factor', 'total_iters'];

  constructor(optimizer: Optimizer, ...args: Args<[factor: number, totalIters: number, lastEpoch: number, verbose: boolean], ConstantLROptions>) {
    const a = CONSTANT_LR.parse([optimizer, ...args]);
    if (a.factor > 1 || a.factor < 0) throw new ValueError('Constant multiplicative factor expected to be between 0 and 1.');
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.factor = a.factor;
    this.totalIters = a.totalIters;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    if (this.lastEpoch === 0) return lrs.map((lr) => lr * this.factor);
    if (this.lastEpoch !== this.totalIters) return lrs;
    return lrs.map((lr) => lr * (1 / this.factor));
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * (this.factor + (this.lastEpoch >= this.totalIters ? 1 : 0) * (1 - this.factor)));
  }
}
