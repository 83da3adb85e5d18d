// PolynomialLR: decay to zero over totalIters epochs along (1 - t/T)^power.

import { signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `PolynomialLR`. */
export interface PolynomialLROptions {
  totalIters?: number;
  power?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const POLYNOMIAL_LR = signature<{ '': { optimizer: Optimizer; totalIters: number; power: number; lastEpoch: number; verbose: boolean } }>(
  'PolynomialLR(Any optimizer, int total_iters=5, float power=1.0, int last_epoch=-1, bool verbose=False)',
);

/**
 * Decays each group's lr polynomially to zero by epoch `totalIters` (PyTorch's `PolynomialLR`).
 * @example new PolynomialLR(opt, 100, 2)
 */
export class PolynomialLR extends LRScheduler {
  totalIters: number;
  power: number;
  protected override readonly stateKeys = ['total_iters', 'power'];

  constructor(optimizer: Optimizer, ...args: Args<[totalIters: number, power: number, lastEpoch: number, verbose: boolean], PolynomialLROptions>) {
    const a = POLYNOMIAL_LR.parse([optimizer, ...args]);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.totalIters = a.totalIters;
    this.power = a.power;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    if (this.lastEpoch === 0 || this.lastEpoch > this.totalIters) return lrs;
    const decay = ((1 - this.lastEpoch / this.totalIters) / (1 - (this.lastEpoch - 1) / this.totalIters)) ** this.power;
    return lrs.map((lr) => lr * decay);
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => base * (1 - Math.min(this.totalIters, this.lastEpoch) / this.totalIters) ** this.power);
  }
}
