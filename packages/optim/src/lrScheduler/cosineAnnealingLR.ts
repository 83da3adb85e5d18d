// CosineAnnealingLR: the lr follows a cosine from its initial value down to etaMin over TMax epochs.

import { signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `CosineAnnealingLR`. */
export interface CosineAnnealingLROptions {
  TMax?: number;
  etaMin?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const COSINE_ANNEALING_LR = signature<{ '': { optimizer: Optimizer; TMax: number; etaMin: number; lastEpoch: number; verbose: boolean } }>(
  'CosineAnnealingLR(Any optimizer, int T_max, float eta_min=0, int last_epoch=-1, bool verbose=False)',
);

/**
 * Cosine annealing of each group's lr (PyTorch's `CosineAnnealingLR`, its recursive form).
 * @example new CosineAnnealingLR(opt, 100, 1e-5)
 */
export class CosineAnnealingLR extends LRScheduler {
  TMax: number;
  etaMin: number;
  protected override readonly stateKeys = ['T_max', 'eta_min'];

  constructor(optimizer: Optimizer, ...args: Args<[TMax: number, etaMin: number, lastEpoch: number, verbose: boolean], CosineAnnealingLROptions>) {
    const a = COSINE_ANNEALING_LR.parse([optimizer, ...args]);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.TMax = a.TMax;
    this.etaMin = a.etaMin;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const { TMax, etaMin, lastEpoch } = this;
    const lrs = this.groups.map((g) => g['lr'] as number);
    if (lastEpoch === 0) return lrs;
    if (this._stepCount === 1 && lastEpoch > 0) {
      return this.baseLrs.map((base) => etaMin + ((base - etaMin) * (1 + Math.cos((lastEpoch * Math.PI) / TMax))) / 2);
    }
    if ((lastEpoch - 1 - TMax) % (2 * TMax) === 0) {
      return lrs.map((lr, i) => lr + ((this.baseLrs[i]! - etaMin) * (1 - Math.cos(Math.PI / TMax))) / 2);
    }
    return lrs.map(
      (lr) => ((1 + Math.cos((Math.PI * lastEpoch) / TMax)) / (1 + Math.cos((Math.PI * (lastEpoch - 1)) / TMax))) * (lr - etaMin) + etaMin,
    );
  }

  protected override closedFormLr(): number[] {
    return this.baseLrs.map((base) => this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * this.lastEpoch) / this.TMax))) / 2);
  }
}
