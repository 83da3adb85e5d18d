// MultiStepLR: decay by gamma at each milestone (counted with multiplicity, as PyTorch's Counter).

import { signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `MultiStepLR`. */
export interface MultiStepLROptions {
  milestones?: readonly number[];
  gamma?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const MULTI_STEP_LR = signature<{ '': { optimizer: Optimizer; milestones: number[]; gamma: number; lastEpoch: number; verbose: boolean } }>(
  'MultiStepLR(Any optimizer, int[] milestones, float gamma=0.1, int last_epoch=-1, bool verbose=False)',
);

/**
 * Multiplies each group's lr by `gamma` at each milestone epoch (PyTorch's `MultiStepLR`).
 * @example new MultiStepLR(opt, [30, 80], 0.1)
 */
export class MultiStepLR extends LRScheduler {
  /** Milestone epoch → how many times it was given (PyTorch's `Counter`). */
  milestones: Map<number, number>;
  gamma: number;
  protected override readonly stateKeys = ['milestones', 'gamma'];

  constructor(optimizer: Optimizer, ...args: Args<[milestones: readonly number[], gamma: number, lastEpoch: number, verbose: boolean], MultiStepLROptions>) {
    const a = MULTI_STEP_LR.parse([optimizer, ...args]);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.milestones = new Map();
    for (const m of a.milestones) this.milestones.set(m, (this.milestones.get(m) ?? 0) + 1);
    this.gamma = a.gamma;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const lrs = this.groups.map((g) => g['lr'] as number);
    const count = this.milestones.get(this.lastEpoch);
    if (count === undefined) return lrs;
    return lrs.map((lr) => lr * this.gamma ** count);
  }

  protected override closedFormLr(): number[] {
    let passed = 0;
    for (const [m, n] of this.milestones) if (m <= this.lastEpoch) passed += n;
    return this.baseLrs.map((base) => base * this.gamma ** passed);
  }

  /** `milestones` is saved as PyTorch's Counter: `{ epoch: count }`. */
  override stateDict(): Record<string, unknown> {
    return { ...super.stateDict(), milestones: Object.fromEntries(this.milestones) };
  }

  override loadStateDict(stateDict: Record<string, unknown>): void {
    const { milestones, ...rest } = stateDict;
    super.loadStateDict(rest);
    if (milestones !== undefined) {
      const entries = milestones instanceof Map ? [...milestones] : Object.entries(milestones as Record<string, number>);
      this.milestones = new Map(entries.map(([k, v]) => [Number(k), Number(v)]));
    }
  }
}
