// CyclicLR: the lr (and momentum) cycles between two boundaries (triangular, triangular2,
// exp_range or a custom scale function).

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler, perGroup } from './scheduler.js';

/** `CyclicLR`'s built-in policies. */
export type CyclicMode = 'triangular' | 'triangular2' | 'exp_range';

/** Options of `CyclicLR`. */
export interface CyclicLROptions {
  baseLr?: number | readonly number[];
  maxLr?: number | readonly number[];
  stepSizeUp?: number;
  stepSizeDown?: number | null;
  mode?: CyclicMode;
  gamma?: number;
  scaleFn?: ((x: number) => number) | null;
  scaleMode?: 'cycle' | 'iterations';
  cycleMomentum?: boolean;
  baseMomentum?: number | readonly number[];
  maxMomentum?: number | readonly number[];
  lastEpoch?: number;
  verbose?: boolean;
}

type Bound = Required<CyclicLROptions> & { optimizer: Optimizer };

const CYCLIC_LR = signature<{ '': Bound }>(
  "CyclicLR(Any optimizer, float|float[] base_lr, float|float[] max_lr, float step_size_up=2000, float? step_size_down=None, str mode='triangular', float gamma=1.0, Callable? scale_fn=None, str scale_mode='cycle', bool cycle_momentum=True, float|float[] base_momentum=0.8, float|float[] max_momentum=0.9, int last_epoch=-1, bool verbose=False)",
);

/**
 * Cyclical learning rates (PyTorch's `CyclicLR`); step it after every batch.
 * @example new CyclicLR(opt, 0.01, 0.1, { stepSizeUp: 2000, mode: 'triangular2' })
 */
export class CyclicLR extends LRScheduler {
  maxLrs: number[];
  totalSize: number;
  stepRatio: number;
  mode: string;
  gamma: number;
  _scaleFnCustom: ((x: number) => number) | null;
  scaleMode: string;
  cycleMomentum: boolean;
  baseMomentums?: number[];
  maxMomentums?: number[];
  protected override readonly stateKeys = [
    'max_lrs', 'total_size', 'step_ratio', 'mode', 'gamma', '_scale_fn_custom', 'scale_mode', 'cycle_momentum', 'base_momentums', 'max_momentums',
  ];

  constructor(
    optimizer: Optimizer,
    ...args: Args<
      [
        baseLr: number | readonly number[], maxLr: number | readonly number[], stepSizeUp: number, stepSizeDown: number | null, mode: CyclicMode, gamma: number,
        scaleFn: ((x: number) => number) | null, scaleMode: 'cycle' | 'iterations', cycleMomentum: boolean, baseMomentum: number | readonly number[],
        maxMomentum: number | readonly number[], lastEpoch: number, verbose: boolean,
      ],
      CyclicLROptions
    >
  ) {
    const a = CYCLIC_LR.parse([optimizer, ...args]);
    const opt = a.optimizer;
    const baseLrs = perGroup('base_lr', opt, a.baseLr);
    if (a.lastEpoch === -1) opt.paramGroups.forEach((g, i) => (g['lr'] = baseLrs[i]!));
    const maxLrs = perGroup('max_lr', opt, a.maxLr);
    const up = a.stepSizeUp;
    const down = a.stepSizeDown ?? up;
    if (!['triangular', 'triangular2', 'exp_range'].includes(a.mode) && a.scaleFn === null) throw new ValueError('mode is invalid and scale_fn is None');
    let baseMomentums: number[] | undefined;
    let maxMomentums: number[] | undefined;
    if (a.cycleMomentum) {
      if (!('momentum' in opt.defaults)) throw new ValueError('optimizer must support momentum with `cycle_momentum` option enabled');
      const bases = perGroup('base_momentum', opt, a.baseMomentum);
      if (a.lastEpoch === -1) opt.paramGroups.forEach((g, i) => (g['momentum'] = bases[i]!));
      baseMomentums = opt.paramGroups.map((g) => g['momentum'] as number);
      maxMomentums = perGroup('max_momentum', opt, a.maxMomentum);
    }
    super(opt, a.lastEpoch, a.verbose);
    this.maxLrs = maxLrs;
    this.totalSize = up + down;
    this.stepRatio = up / this.totalSize;
    this.mode = a.mode;
    this.gamma = a.gamma;
    this._scaleFnCustom = a.scaleFn;
    this.scaleMode = a.scaleFn === null ? (a.mode === 'exp_range' ? 'iterations' : 'cycle') : a.scaleMode;
    this.cycleMomentum = a.cycleMomentum;
    this.baseMomentums = baseMomentums;
    this.maxMomentums = maxMomentums;
    this._initialStep();
    this.baseLrs = baseLrs;
  }

  /** The amplitude scale at `x` (a cycle number or an iteration, by `scaleMode`). */
  scaleFn(x: number): number {
    if (this._scaleFnCustom !== null) return this._scaleFnCustom(x);
    if (this.mode === 'triangular') return 1;
    if (this.mode === 'triangular2') return 1 / 2 ** (x - 1);
    return this.gamma ** x;
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const cycle = Math.floor(1 + this.lastEpoch / this.totalSize);
    const x = 1 + this.lastEpoch / this.totalSize - cycle;
    const scaleFactor = x <= this.stepRatio ? x / this.stepRatio : (x - 1) / (this.stepRatio - 1);
    const scale = this.scaleFn(this.scaleMode === 'cycle' ? cycle : this.lastEpoch);
    const lrs = this.baseLrs.map((base, i) => base + (this.maxLrs[i]! - base) * scaleFactor * scale);
    if (this.cycleMomentum) {
      this.groups.forEach((g, i) => {
        const max = this.maxMomentums![i]!;
        g['momentum'] = max - (max - this.baseMomentums![i]!) * scaleFactor * scale;
      });
    }
    return lrs;
  }
}
