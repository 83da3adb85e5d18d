// ExponentialLR: decay by gamma every epoch.

import { signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `ExponentialLR`. */
export interface ExponentialLROptions {
  gamma?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const EXPONENTIAL_LR = signature<{ '': { optimizer: Optimizer; gamma: number; lastEpoch: number; verbose: boolean } }>(
  'ExponentialLR(Any optimizer, float gamma, int last_epoch=-1, bool verbose=False)',
);

/**
 * Multiplies each group's lr by `gamma` every epoch (PyTorch's `ExponentialLR`).
 * @example new ExponentialLR(opt, 0.9)
 */
export class ExponentialLR extends LRScheduler {
  gamma: number;
  protected override readonly stateKeys = ['gamma'];

  constructor(optimizer: Optimizer, ...args: Args<[gamma: number, lastEpoch: number, verbose: boolean], ExponentialLROptions>) {
    const a = EXPONENTIAL_LR.parse([optimizer, ...args]);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.gamma = a.gamma;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    return this.lastEpoch === 0 ? lrs : lrs.map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** this.lastEpoch);
  }
}
