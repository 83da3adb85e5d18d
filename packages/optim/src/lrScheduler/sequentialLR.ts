// SequentialLR: one scheduler after another, switching at milestones.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import type { Scheduler } from './scheduler.js';
import { LRScheduler, checkOptimizer, copyPlain } from './scheduler.js';

/** Options of `SequentialLR`. */
export interface SequentialLROptions {
  schedulers?: readonly LRScheduler[];
  milestones?: readonly number[];
  lastEpoch?: number;
  verbose?: boolean;
}

const SEQUENTIAL_LR = signature<{ '': { optimizer: Optimizer; schedulers: LRScheduler[]; milestones: number[]; lastEpoch: number; verbose: boolean } }>(
  'SequentialLR(Any optimizer, Any[] schedulers, int[] milestones, int last_epoch=-1, bool verbose=False)',
);

/** `bisect.bisect_right(a, x)`: the index after the last entry <= x. */
function bisectRight(a: readonly number[], x: number): number {
  let i = 0;
  while (i < a.length && a[i]! <= x) i++;
  return i;
}

/**
 * Runs `schedulers[0]` until `milestones[0]`, then `schedulers[1]`, … (PyTorch's `SequentialLR`).
 * @example new SequentialLR(opt, [new LinearLR(opt, 0.1, 1, 5), new CosineAnnealingLR(opt, 95)], [5])
 */
export class SequentialLR implements Scheduler {
  readonly optimizer: Optimizer;
  lastEpoch: number;
  /** @internal */
  _schedulers: LRScheduler[];
  /** @internal */
  _milestones: number[];
  /** @internal */
  _lastLr: number[];

  constructor(optimizer: Optimizer, ...args: Args<[schedulers: readonly LRScheduler[], milestones: readonly number[], lastEpoch: number, verbose: boolean], SequentialLROptions>) {
    const a = SEQUENTIAL_LR.parse([optimizer, ...args]);
    this.optimizer = checkOptimizer(a.optimizer);
    a.schedulers.forEach((s, i) => {
      if (!(s instanceof LRScheduler)) throw new ValueError(`SequentialLR expects schedulers that are LRSchedulers, but the one at index ${i} is not`);
      if (s.optimizer !== a.optimizer) {
        throw new ValueError(
          `Sequential Schedulers expects all schedulers to belong to the same optimizer, but got schedulers at index ${i} to be different than the optimizer passed in.`,
        );
      }
    });
    if (a.milestones.length !== a.schedulers.length - 1) {
      throw new ValueError(
        'Sequential Schedulers expects number of schedulers provided to be one more than the number of milestone points, ' +
          `but got number of schedulers ${a.schedulers.length} and the number of milestones to be equal to ${a.milestones.length}`,
      );
    }
    this._schedulers = [...a.schedulers];
    this._milestones = [...a.milestones];
    this.lastEpoch = a.lastEpoch + 1;
    for (const g of this.optimizer.paramGroups) g['lr'] = g['initialLr'];
    for (const s of this._schedulers) s.lastEpoch -= 1;
    this._schedulers[0]!._initialStep();
    this._lastLr = this._schedulers[0]!.getLastLr();
  }

  /**
   * Steps the scheduler whose turn it is (restarting it at its milestone).
   * @example optimizer.step(); scheduler.step();
   */
  step(): void {
    this.lastEpoch += 1;
    const idx = bisectRight(this._milestones, this.lastEpoch);
    const scheduler = this._schedulers[idx]!;
    if (idx > 0 && this._milestones[idx - 1] === this.lastEpoch) scheduler.step(0);
    else scheduler.step();
    this._lastLr = scheduler.getLastLr();
  }

  /** The learning rates after the last `step`. @example scheduler.getLastLr() */
  getLastLr(): number[] {
    return this._lastLr;
  }

  /** The state under PyTorch's names, with each scheduler's own state dict. @example scheduler.stateDict()._schedulers */
  stateDict(): Record<string, unknown> {
    return {
      _milestones: [...this._milestones],
      last_epoch: this.lastEpoch,
      _last_lr: copyPlain(this._lastLr),
      _schedulers: this._schedulers.map((s) => s.stateDict()),
    };
  }

  /** Restores a state from `stateDict()` (or PyTorch's). @example scheduler.loadStateDict(sd) */
  loadStateDict(stateDict: Record<string, unknown>): void {
    const { _schedulers: subs, _milestones: milestones, last_epoch: lastEpoch, _last_lr: lastLr } = stateDict;
    if (milestones !== undefined) this._milestones = [...(milestones as number[])];
    if (lastEpoch !== undefined) this.lastEpoch = lastEpoch as number;
    if (lastLr !== undefined) this._lastLr = [...(lastLr as number[])];
    (subs as Record<string, unknown>[] | undefined)?.forEach((s, i) => this._schedulers[i]!.loadStateDict(s));
  }
}
