// ReduceLROnPlateau: reduce the lr when a metric stops improving.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, camelCase, getBackend, isTensor, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import type { Scheduler } from './scheduler.js';
import { EPOCH_DEPRECATION_WARNING, checkOptimizer, copyPlain, epochText, format4e } from './scheduler.js';

/** Options of `ReduceLROnPlateau`. */
export interface ReduceLROnPlateauOptions {
  mode?: 'min' | 'max';
  factor?: number;
  patience?: number;
  threshold?: number;
  thresholdMode?: 'rel' | 'abs';
  cooldown?: number;
  minLr?: number | readonly number[];
  eps?: number;
  verbose?: boolean;
}

type Bound = Required<ReduceLROnPlateauOptions> & { optimizer: Optimizer };

const REDUCE_LR_ON_PLATEAU = signature<{ '': Bound }>(
  "ReduceLROnPlateau(Any optimizer, str mode='min', float factor=0.1, int patience=10, float threshold=0.0001, str threshold_mode='rel', int cooldown=0, float|float[] min_lr=0, float eps=1e-08, bool verbose=False)",
);
const STEP = signature<{ '': { metrics: number | Tensor; epoch: number | null } }>('step(float|Tensor metrics, float? epoch=None)');

const STATE_KEYS = [
  'factor', 'min_lrs', 'patience', 'verbose', 'cooldown', 'cooldown_counter', 'mode', 'threshold', 'threshold_mode', 'best', 'num_bad_epochs', 'mode_worse',
  'eps', 'last_epoch', '_last_lr',
];

/**
 * Multiplies each group's lr by `factor` when the metric given to `step(metric)` has not
 * improved for `patience` epochs (PyTorch's `ReduceLROnPlateau`).
 * @example const s = new ReduceLROnPlateau(opt, 'min', { patience: 5 }); s.step(valLoss)
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly optimizer: Optimizer;
  factor: number;
  minLrs: number[];
  patience: number;
  verbose: boolean;
  cooldown: number;
  cooldownCounter = 0;
  mode: 'min' | 'max';
  threshold: number;
  thresholdMode: 'rel' | 'abs';
  best = Infinity;
  numBadEpochs = 0;
  modeWorse = Infinity;
  eps: number;
  lastEpoch = 0;
  /** @internal Set by the first `step`. */
  _lastLr: number[] | undefined;

  constructor(
    optimizer: Optimizer,
    ...args: Args<
      [mode: 'min' | 'max', factor: number, patience: number, threshold: number, thresholdMode: 'rel' | 'abs', cooldown: number, minLr: number | readonly number[], eps: number, verbose: boolean],
      ReduceLROnPlateauOptions
    >
  ) {
    const a = REDUCE_LR_ON_PLATEAU.parse([optimizer, ...args]);
    if (a.factor >= 1) throw new ValueError('Factor should be < 1.0.');
    this.factor = a.factor;
    this.optimizer = checkOptimizer(a.optimizer);
    const n = this.optimizer.paramGroups.length;
    if (Array.isArray(a.minLr)) {
      if (a.minLr.length !== n) throw new ValueError(`expected ${n} min_lrs, got ${a.minLr.length}`);
      this.minLrs = [...(a.minLr as number[])];
    } else this.minLrs = new Array<number>(n).fill(a.minLr as number);
    this.patience = a.patience;
    this.verbose = a.verbose;
    this.cooldown = a.cooldown;
    this.mode = a.mode;
    this.threshold = a.threshold;
    this.thresholdMode = a.thresholdMode;
    this.eps = a.eps;
    this.initIsBetter();
    this.reset();
  }

  /** Whether the cooldown after a reduction is still running. */
  get inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  /**
   * Records the epoch's metric (a number, or a one-element tensor read on the host) and
   * reduces the lr after `patience` epochs without improvement.
   * @example scheduler.step(await valLoss.item())
   */
  step(...args: [metrics: number | Tensor, epoch?: number | null]): void {
    const { metrics, epoch: given } = STEP.parse(args);
    const current = isTensor(metrics) ? readMetric(metrics) : metrics;
    let epoch = given;
    if (epoch === null) epoch = this.lastEpoch + 1;
    else console.warn(EPOCH_DEPRECATION_WARNING);
    this.lastEpoch = epoch;
    if (this.isBetter(current, this.best)) {
      this.best = current;
      this.numBadEpochs = 0;
    } else this.numBadEpochs += 1;
    if (this.inCooldown) {
      this.cooldownCounter -= 1;
      this.numBadEpochs = 0; // ignore any bad epochs in cooldown
    }
    if (this.numBadEpochs > this.patience) {
      this.reduceLr(epoch);
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this._lastLr = this.optimizer.paramGroups.map((g) => g['lr'] as number);
  }

  /**
   * The learning rates after the last `step`.
   * @example scheduler.getLastLr()
   */
  getLastLr(): number[] {
    return this._lastLr ?? this.optimizer.paramGroups.map((g) => g['lr'] as number);
  }

  /**
   * Whether metric `a` is better than `best` by the threshold.
   * @example scheduler.isBetter(0.5, 1) // true in 'min' mode
   */
  isBetter(a: number, best: number): boolean {
    if (this.mode === 'min' && this.thresholdMode === 'rel') return a < best * (1 - this.threshold);
    if (this.mode === 'min' && this.thresholdMode === 'abs') return a < best - this.threshold;
    if (this.mode === 'max' && this.thresholdMode === 'rel') return a > best * (this.threshold + 1);
    return a > best + this.threshold;
  }

  /**
   * The state under PyTorch's attribute names.
   * @example scheduler.stateDict().num_bad_epochs
   */
  stateDict(): Record<string, unknown> {
    const self = this as unknown as Record<string, unknown>;
    return Object.fromEntries(STATE_KEYS.filter((k) => self[camelCase(k)] !== undefined).map((k) => [k, copyPlain(self[camelCase(k)])]));
  }

  /**
   * Restores a state from `stateDict()` (or PyTorch's).
   * @example scheduler.loadStateDict(sd)
   */
  loadStateDict(stateDict: Record<string, unknown>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(stateDict)) self[camelCase(k)] = copyPlain(v);
    this.initIsBetter();
  }

  private reset(): void {
    this.best = this.modeWorse;
    this.cooldownCounter = 0;
    this.numBadEpochs = 0;
  }

  private reduceLr(epoch: number): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      const old = g['lr'] as number;
      const lr = Math.max(old * this.factor, this.minLrs[i]!);
      if (old - lr > this.eps) {
        g['lr'] = lr;
        if (this.verbose) {
          console.log(`Epoch ${epochText(epoch)}: reducing learning rate of group ${i} to ${format4e(lr)}.`);
        }
      }
    });
  }

  private initIsBetter(): void {
    if (this.mode !== 'min' && this.mode !== 'max') throw new ValueError(`mode ${String(this.mode)} is unknown!`);
    if (this.thresholdMode !== 'rel' && this.thresholdMode !== 'abs') throw new ValueError(`threshold mode ${String(this.thresholdMode)} is unknown!`);
    this.modeWorse = this.mode === 'min' ? Infinity : -Infinity;
  }
}

/** `float(metrics)` for a tensor: read on the host (CPU). */
function readMetric(t: Tensor): number {
  if (t.numel() !== 1) throw new ValueError(`only one element tensors can be converted to Python scalars (got ${t.numel()} elements)`);
  if (!getBackend(t.device).readSync) {
    throw new RuntimeError(`ReduceLROnPlateau.step() needs the metric's value, and device '${t.device}' cannot be read synchronously: pass await metric.item()`);
  }
  return Number(t.itemSync());
}
