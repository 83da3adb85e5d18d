// ChainedScheduler: several schedulers stepped together, each applied on top of the others.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Scheduler } from './scheduler.js';
import { LRScheduler, copyPlain } from './scheduler.js';

const CHAINED_SCHEDULER = signature<{ '': { schedulers: LRScheduler[] } }>('ChainedScheduler(Any[] schedulers)');

/**
 * Steps every scheduler in `schedulers` at each `step()` (PyTorch's `ChainedScheduler`).
 * @example new ChainedScheduler([new ConstantLR(opt, 0.1, 2), new ExponentialLR(opt, 0.9)])
 */
export class ChainedScheduler implements Scheduler {
  readonly optimizer: Optimizer;
  /** @internal */
  _schedulers: LRScheduler[];
  /** @internal */
  _lastLr: number[];

  constructor(...args: [schedulers: readonly LRScheduler[]] | [opts: { schedulers: readonly LRScheduler[] }]) {
    const { schedulers } = CHAINED_SCHEDULER.parse(args);
    if (schedulers.length === 0 || !schedulers.every((s) => s instanceof LRScheduler)) {
      throw new ValueError('ChainedScheduler expects a non-empty list of LRSchedulers');
    }
    for (let i = 1; i < schedulers.length; i++) {
      if (schedulers[i]!.optimizer !== schedulers[0]!.optimizer) {
        throw new ValueError(`ChainedScheduler expects all schedulers to belong to the same optimizer, but got schedulers at index 0 and ${i} to be different`);
      }
    }
    this._schedulers = [...schedulers];
    this.optimizer = schedulers[0]!.optimizer;
    this._lastLr = this.lrs();
  }

  /** Steps every scheduler, in order. @example optimizer.step(); scheduler.step(); */
  step(): void {
    for (const s of this._schedulers) s.step();
    this._lastLr = this.lrs();
  }

  /** The learning rates after the last `step`. @example scheduler.getLastLr() */
  getLastLr(): number[] {
    return this._lastLr;
  }

  /** The state under PyTorch's names, with each scheduler's own state dict. @example scheduler.stateDict()._schedulers */
  stateDict(): Record<string, unknown> {
    return { _last_lr: copyPlain(this._lastLr), _schedulers: this._schedulers.map((s) => s.stateDict()) };
  }

  /** Restores a state from `stateDict()` (or PyTorch's). @example scheduler.loadStateDict(sd) */
  loadStateDict(stateDict: Record<string, unknown>): void {
    const { _schedulers: subs, _last_lr: lastLr } = stateDict;
    if (lastLr !== undefined) this._lastLr = [...(lastLr as number[])];
    (subs as Record<string, unknown>[] | undefined)?.forEach((s, i) => this._schedulers[i]!.loadStateDict(s));
  }

  private lrs(): number[] {
    return this._schedulers[this._schedulers.length - 1]!.optimizer.paramGroups.map((g) => g['lr'] as number);
  }
}
