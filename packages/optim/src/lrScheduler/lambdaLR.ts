// LambdaLR and MultiplicativeLR: the lr from a function of the epoch, one per group.

import { ValueError, signature } from '@torchlet/tensor';
import type { Optimizer } from '../optimizer.js';
import type { Args } from '../types.js';
import { LRScheduler } from './scheduler.js';

/** A function of the epoch giving a multiplicative factor. */
export type LrLambda = (epoch: number) => number;

/** Options of `LambdaLR` and `MultiplicativeLR`. */
export interface LambdaLROptions {
  lrLambda?: LrLambda | readonly LrLambda[];
  lastEpoch?: number;
  verbose?: boolean;
}

type LambdaArgs = Args<[lrLambda: LrLambda | readonly LrLambda[], lastEpoch: number, verbose: boolean], LambdaLROptions>;
interface Bound {
  optimizer: Optimizer;
  lrLambda: LrLambda | LrLambda[];
  lastEpoch: number;
  verbose: boolean;
}

const LAMBDA_LR = signature<{ '': Bound }>('LambdaLR(Any optimizer, Callable|Callable[] lr_lambda, int last_epoch=-1, bool verbose=False)');
const MULTIPLICATIVE_LR = signature<{ '': Bound }>('MultiplicativeLR(Any optimizer, Callable|Callable[] lr_lambda, int last_epoch=-1, bool verbose=False)');

/** The schedulers driven by `lr_lambda` functions, which state dicts do not save (PyTorch saves only callable objects' attributes). */
abstract class LambdaScheduler extends LRScheduler {
  lrLambdas: LrLambda[];

  constructor(a: Bound) {
    super(a.optimizer, a.lastEpoch, a.verbose);
    const n = a.optimizer.paramGroups.length;
    if (!Array.isArray(a.lrLambda)) this.lrLambdas = new Array<LrLambda>(n).fill(a.lrLambda as LrLambda);
    else {
      if (a.lrLambda.length !== n) throw new ValueError(`Expected ${n} lr_lambdas, but got ${a.lrLambda.length}`);
      this.lrLambdas = [...a.lrLambda];
    }
    this._initialStep();
  }

  override stateDict(): Record<string, unknown> {
    return { ...super.stateDict(), lr_lambdas: this.lrLambdas.map(() => null) };
  }

  override loadStateDict(stateDict: Record<string, unknown>): void {
    const { lr_lambdas: _, ...rest } = stateDict;
    super.loadStateDict(rest);
  }
}

/**
 * Sets each group's lr to its initial lr times `lrLambda(epoch)` (PyTorch's `LambdaLR`).
 * @example new LambdaLR(opt, (epoch) => 0.95 ** epoch)
 */
export class LambdaLR extends LambdaScheduler {
  constructor(optimizer: Optimizer, ...args: LambdaArgs) {
    super(LAMBDA_LR.parse([optimizer, ...args]));
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    return this.baseLrs.map((base, i) => base * this.lrLambdas[i]!(this.lastEpoch));
  }
}

/**
 * Multiplies each group's lr by `lrLambda(epoch)` every epoch after the first (PyTorch's `MultiplicativeLR`).
 * @example new MultiplicativeLR(opt, () => 0.95)
 */
export class MultiplicativeLR extends LambdaScheduler {
  constructor(optimizer: Optimizer, ...args: LambdaArgs) {
    super(MULTIPLICATIVE_LR.parse([optimizer, ...args]));
  }

  override getLr(): number[] {
    this.warnOutsideStep();
    if (this.lastEpoch > 0) return this.groups.map((g, i) => (g['lr'] as number) * this.lrLambdas[i]!(this.lastEpoch));
    return this.groups.map((g) => g['lr'] as number);
  }
}
