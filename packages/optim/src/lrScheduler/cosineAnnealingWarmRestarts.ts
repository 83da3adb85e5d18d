// CosineAnnealingWarmRestarts (SGDR): cosine annealing restarted every T_i epochs, T_i growing by TMult.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** Options of `CosineAnnealingWarmRestarts`. */
export interface CosineAnnealingWarmRestartsOptions {
  T0?: number;
  TMult?: number;
  etaMin?: number;
  lastEpoch?: number;
  verbose?: boolean;
}

const COSINE_WARM_RESTARTS = signature<{ '': { optimizer: Optimizer; T0: number; TMult: number; etaMin: number; lastEpoch: number; verbose: boolean } }>(
  'CosineAnnealingWarmRestarts(Any optimizer, int T_0, int T_mult=1, float eta_min=0, int last_epoch=-1, bool verbose=False)',
);
const STEP = signature<{ '': { epoch: number | null } }>('step(float? epoch=None)');

/**
 * Cosine annealing with warm restarts (PyTorch's `CosineAnnealingWarmRestarts`); `step(epoch)` may
 * take fractional epochs, as PyTorch's.
 * @example new CosineAnnealingWarmRestarts(opt, 10, 2)
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  T0: number;
  TI: number;
  TMult: number;
  etaMin: number;
  TCur: number;
  protected override readonly stateKeys = ['T_0', 'T_i', 'T_mult', 'eta_min', 'T_cur'];

  constructor(optimizer: Optimizer, ...args: Args<[T0: number, TMult: number, etaMin: number, lastEpoch: number, verbose: boolean], CosineAnnealingWarmRestartsOptions>) {
    const a = COSINE_WARM_RESTARTS.parse([optimizer, ...args]);
    if (a.T0 <= 0) throw new ValueError(`Expected positive integer T_0, but got ${a.T0}`);
    if (a.TMult < 1) throw new ValueError(`Expected integer T_mult >= 1, but got ${a.TMult}`);
    super(a.optimizer, a.lastEpoch, a.verbose);
    this.T0 = a.T0;
    this.TI = a.T0;
    this.TMult = a.TMult;
    this.etaMin = a.etaMin;
    this.TCur = a.lastEpoch;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    return this.baseLrs.map((base) => this.etaMin + ((base - this.etaMin) * (1 + Math.cos((Math.PI * this.TCur) / this.TI))) / 2);
  }

  /**
   * Advances one epoch, or goes to `epoch` (fractional epochs allowed).
   * @example for (let i = 0; i < iters; i++) scheduler.step(epoch + i / iters)
   */
  override step(...args: [epoch?: number | null]): void {
    let { epoch } = STEP.parse(args);
    if (epoch === null && this.lastEpoch < 0) epoch = 0;
    if (epoch === null) {
      epoch = this.lastEpoch + 1;
      this.TCur = this.TCur + 1;
      if (this.TCur >= this.TI) {
        this.TCur = this.TCur - this.TI;
        this.TI = this.TI * this.TMult;
      }
    } else {
      if (epoch < 0) throw new ValueError(`Expected non-negative epoch, but got ${epoch}`);
      if (epoch >= this.T0) {
        if (this.TMult === 1) this.TCur = epoch % this.T0;
        else {
          const n = Math.trunc(Math.log((epoch / this.T0) * (this.TMult - 1) + 1) / Math.log(this.TMult));
          this.TCur = epoch - (this.T0 * (this.TMult ** n - 1)) / (this.TMult - 1);
          this.TI = this.T0 * this.TMult ** n;
        }
      } else {
        this.TI = this.T0;
        this.TCur = epoch;
      }
    }
    this.lastEpoch = Math.floor(epoch);
    this.applyLrs(this.withinStep(() => this.getLr()), epoch);
  }
}
