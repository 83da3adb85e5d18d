// StepLR: decay by gamma every stepSize epochs.

import { signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `StepLR`. */
export interface StepLROptions {
  stepSize?: number;
  gamma?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const STEP_LR = signature<{ '': { optimizer: Optimizer; stepSize: number; gamma: number; lastEpoch: number; verbose: boolean } }>(
  'StepLR(Any optimizer, int step_size, float gamma=0.1, int last_epoch=-1, bool verbose=False)',
);

/**
 * Multiplies each group's lr by `gamma` every `stepSize` epochs (PyTorch's `StepLR`).
 * @example new StepLR(opt, 30, 0.1)
 */
export class StepLR extends LRScheduler {
  stepSize: number;
  gamma: number;
  protected override readonly stateKeys = ['step_size', 'gamma'];

  constructor(optimizer: Optimizer, ...args: Args<[stepSize: number, gamma: number, lastEpoch: number, verbose: boolean], StepLROptions>) {
    const a = STEP_LR.parse([optimizer, ...args]);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.stepSize = a.stepSize;
    this.gamma = a.gamma;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    if (this.lastEpoch === 0 || this.lastEpoch % this.stepSize !== 0) return lrs;
    return lrs.map((lr) => lr * this.gamma);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }
}
