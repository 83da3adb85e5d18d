// RandomSampler: a random permutation per epoch, or draws with replacement.

import type { Generator } from '@torchlet/tensor';
import { Generator as TorchGenerator, ValueError, randint, randperm, signature } from '@torchlet/tensor';
import type { Sized } from '../dataset/types.js';
import { dataArgs, lengthOf } from '../dataset/types.js';
import { Sampler, drawSeed, indicesOf } from './sampler.js';

const ARGS = signature<{ '': { dataSource: unknown; replacement: boolean; numSamples: number | null; generator: Generator | null } }>(
  'RandomSampler(Any data_source, bool replacement=False, int? num_samples=None, Generator? generator=None)',
);

/** Options of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  replacement?: boolean;
  numSamples?: number | null;
  generator?: Generator | null;
}

/**
 * `torch.utils.data.RandomSampler(data_source, replacement=False, num_samples=None, generator=None)`:
 * a shuffled order each epoch. Draws exactly what PyTorch draws: without a generator it seeds a
 * fresh one from the default generator when iteration starts, so the same `torch.manualSeed`
 * gives PyTorch's order.
 * @example torch.manualSeed(0); [...new RandomSampler([0, 0, 0, 0])] // PyTorch's order for seed 0
 */
export class RandomSampler extends Sampler<number> {
  readonly dataSource: Sized;
  readonly replacement: boolean;
  readonly generator: Generator | null;
  private readonly requested: number | null;

  constructor(dataSource: Sized, ...rest: [replacement?: boolean, numSamples?: number | null, generator?: Generator | null, opts?: RandomSamplerOptions] | [opts: RandomSamplerOptions]) {
    super();
    const a = ARGS.parse(dataArgs([dataSource, ...rest]));
    this.dataSource = a.dataSource as Sized;
    this.replacement = a.replacement;
    this.requested = a.numSamples;
    this.generator = a.generator;
    const n = this.numSamples;
    if (!Number.isInteger(n) || n <= 0) throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${n}`);
  }

  /** How many indices an epoch yields: `numSamples`, else the dataset's length. @example new RandomSampler([1, 2]).numSamples // 2 */
  get numSamples(): number {
    return this.requested ?? lengthOf(this.dataSource);
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = lengthOf(this.dataSource);
    const generator = this.generator ?? new TorchGenerator().manualSeed(drawSeed(null));
    const total = this.numSamples;
    if (this.replacement) {
      for (let k = 0; k < Math.floor(total / 32); k++) yield* indicesOf(randint(n, [32], { dtype: 'int64', generator }));
      yield* indicesOf(randint(n, [total % 32], { dtype: 'int64', generator }));
    } else {
      for (let k = 0; k < Math.floor(total / n); k++) yield* indicesOf(randperm(n, { generator }));
      yield* indicesOf(randperm(n, { generator })).slice(0, total % n);
    }
  }

  get length(): number {
    return this.numSamples;
  }
}
