// OneCycleLR: the 1cycle policy (warm up to maxLr, anneal far below the start), with momentum
// (or Adam's beta1) cycling the other way.

import { ValueError, camelCase, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler, perGroup } from './scheduler.js';

/** Options of `OneCycleLR`. */
export interface OneCycleLROptions {
  maxLr?: number | readonly number[];
  totalSteps?: number | null;
  epochs?: number | null;
  stepsPerEpoch?: number | null;
  pctStart?: number;
  annealStrategy?: 'cos' | 'linear';
  cycleMomentum?: boolean;
  baseMomentum?: number | readonly number[];
  maxMomentum?: number | readonly number[];
  divFactor?: number;
  finalDivFactor?: number;
  threePhase?: boolean;
  lastEpoch?: number;
  verbose?: boolean;
}

type Bound = Required<OneCycleLROptions> & { optimizer: Optimizer };

const ONE_CYCLE_LR = signature<{ '': Bound }>(
  "OneCycleLR(Any optimizer, float|float[] max_lr, int? total_steps=None, int? epochs=None, int? steps_per_epoch=None, float pct_start=0.3, str anneal_strategy='cos', bool cycle_momentum=True, float|float[] base_momentum=0.85, float|float[] max_momentum=0.95, float div_factor=25.0, float final_div_factor=10000.0, bool three_phase=False, int last_epoch=-1, bool verbose=False)",
);

/** One phase of the schedule, with the group keys (PyTorch's names) it anneals between. */
interface Phase {
  end_step: number;
  start_lr: string;
  end_lr: string;
  start_momentum: string;
  end_momentum: string;
}

const annealCos = (start: number, end: number, pct: number): number => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);
const annealLinear = (start: number, end: number, pct: number): number => (end - start) * pct + start;

/**
 * The 1cycle learning-rate policy (PyTorch's `OneCycleLR`); step it after every batch.
 * @example new OneCycleLR(opt, 0.1, { totalSteps: 1000 })
 */
export class OneCycleLR extends LRScheduler {
  totalSteps: number;
  _schedulePhases: Phase[];
  annealFunc: (start: number, end: number, pct: number) => number;
  cycleMomentum: boolean;
  useBeta1?: boolean;
  protected override readonly stateKeys = ['total_steps', '_schedule_phases', 'anneal_func', 'cycle_momentum', 'use_beta1'];

  constructor(
    optimizer: Optimizer,
    ...args: Args<
      [
        maxLr: number | readonly number[], totalSteps: number | null, epochs: number | null, stepsPerEpoch: number | null, pctStart: number,
        annealStrategy: 'cos' | 'linear', cycleMomentum: boolean, baseMomentum: number | readonly number[], maxMomentum: number | readonly number[],
        divFactor: number, finalDivFactor: number, threePhase: boolean, lastEpoch: number, verbose: boolean,
      ],
      OneCycleLROptions
    >
  ) {
    const a = ONE_CYCLE_LR.parse([optimizer, ...args]);
    const opt = a.optimizer;
    let totalSteps: number;
    if (a.totalSteps === null && a.epochs === null && a.stepsPerEpoch === null) {
      throw new ValueError('You must define either total_steps OR (epochs AND steps_per_epoch)');
    } else if (a.totalSteps !== null) {
      if (a.totalSteps <= 0) throw new ValueError(`Expected positive integer total_steps, but got ${a.totalSteps}`);
      totalSteps = a.totalSteps;
    } else {
      if (a.epochs === null || a.epochs <= 0) throw new ValueError(`Expected positive integer epochs, but got ${a.epochs}`);
      if (a.stepsPerEpoch === null || a.stepsPerEpoch <= 0) throw new ValueError(`Expected positive integer steps_per_epoch, but got ${a.stepsPerEpoch}`);
      totalSteps = a.epochs * a.stepsPerEpoch;
    }
    const phases: Phase[] = a.threePhase
      ? [
          { end_step: a.pctStart * totalSteps - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: 2 * a.pctStart * totalSteps - 2, start_lr: 'max_lr', end_lr: 'initial_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
          { end_step: totalSteps - 1, start_lr: 'initial_lr', end_lr: 'min_lr', start_momentum: 'max_momentum', end_momentum: 'max_momentum' },
        ]
      : [
          { end_step: a.pctStart * totalSteps - 1, start_lr: 'initial_lr', end_lr: 'max_lr', start_momentum: 'max_momentum', end_momentum: 'base_momentum' },
          { end_step: totalSteps - 1, start_lr: 'max_lr', end_lr: 'min_lr', start_momentum: 'base_momentum', end_momentum: 'max_momentum' },
        ];
    if (a.pctStart < 0 || a.pctStart > 1) throw new ValueError(`Expected float between 0 and 1 pct_start, but got ${a.pctStart}`);
    if (a.annealStrategy !== 'cos' && a.annealStrategy !== 'linear') {
      throw new ValueError(`anneal_strategy must by one of 'cos' or 'linear', instead got ${a.annealStrategy as string}`);
    }
    const maxLrs = perGroup('max_lr', opt, a.maxLr);
    if (a.lastEpoch === -1) {
      opt.paramGroups.forEach((g, i) => {
        g['initialLr'] = maxLrs[i]! / a.divFactor;
        g['maxLr'] = maxLrs[i]!;
        g['minLr'] = (g['initialLr'] as number) / a.finalDivFactor;
      });
    }
    let useBeta1: boolean | undefined;
    if (a.cycleMomentum) {
      if (!('momentum' in opt.defaults) && !('betas' in opt.defaults)) throw new ValueError('optimizer must support momentum with `cycle_momentum` option enabled');
      useBeta1 = 'betas' in opt.defaults;
      const maxMomentums = perGroup('max_momentum', opt, a.maxMomentum);
      const baseMomentums = perGroup('base_momentum', opt, a.baseMomentum);
      if (a.lastEpoch === -1) {
        opt.paramGroups.forEach((g, i) => {
          if (useBeta1) g['betas'] = [maxMomentums[i]!, ...(g['betas'] as number[]).slice(1)];
          else g['momentum'] = maxMomentums[i]!;
          g['maxMomentum'] = maxMomentums[i]!;
          g['baseMomentum'] = baseMomentums[i]!;
        });
      }
    }
    super(opt, a.lastEpoch, a.verbose);
    this.totalSteps = totalSteps;
    this._schedulePhases = phases;
    this.annealFunc = a.annealStrategy === 'cos' ? annealCos : annealLinear;
    this.cycleMomentum = a.cycleMomentum;
    this.useBeta1 = useBeta1;
    this._initialStep();
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new ValueError(`Tried to step ${stepNum + 1} times. The specified number of total steps is ${this.totalSteps}`);
    }
    return this.groups.map((g) => {
      let start = 0;
      let lr = 0;
      let momentum = 0;
      const phases = this._schedulePhases;
      for (let i = 0; i < phases.length; i++) {
        const phase = phases[i]!;
        if (stepNum <= phase.end_step || i === phases.length - 1) {
          const pct = (stepNum - start) / (phase.end_step - start);
          lr = this.annealFunc(g[camelCase(phase.start_lr)] as number, g[camelCase(phase.end_lr)] as number, pct);
          if (this.cycleMomentum) momentum = this.annealFunc(g[camelCase(phase.start_momentum)] as number, g[camelCase(phase.end_momentum)] as number, pct);
          break;
        }
        start = phase.end_step;
      }
      if (this.cycleMomentum) {
        if (this.useBeta1) g['betas'] = [momentum, ...(g['betas'] as number[]).slice(1)];
        else g['momentum'] = momentum;
      }
      return lr;
    });
  }
}
