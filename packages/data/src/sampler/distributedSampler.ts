// DistributedSampler: each of numReplicas processes sees its own share of the indices.

import { Generator, RuntimeError, ValueError, randperm, signature } from '@torchlet/tensor';
import type { Sized } from '../dataset/types.js';
import { dataArgs, lengthOf } from '../dataset/types.js';
import { Sampler, indicesOf } from './sampler.js';

const ARGS = signature<{ '': { dataset: unknown; numReplicas: number | null; rank: number | null; shuffle: boolean; seed: number; dropLast: boolean } }>(
  'DistributedSampler(Any dataset, int? num_replicas=None, int? rank=None, bool shuffle=True, int seed=0, bool drop_last=False)',
);

/** Options of {@link DistributedSampler}. */
export interface DistributedSamplerOptions {
  numReplicas?: number | null;
  rank?: number | null;
  shuffle?: boolean;
  seed?: number;
  dropLast?: boolean;
}

/**
 * `torch.utils.data.DistributedSampler(dataset, num_replicas, rank, shuffle=True, seed=0, drop_last=False)`:
 * the indices of replica `rank` out of `numReplicas` (every `numReplicas`-th of a permutation
 * seeded with `seed + epoch`, padded or cut to a multiple of `numReplicas`). torchlet has no
 * process group: pass `numReplicas` and `rank`. Call `setEpoch(e)` before each epoch.
 * @example
 * const s = new DistributedSampler(ds, { numReplicas: 4, rank: 1 });
 * s.setEpoch(3); [...s]
 */
export class DistributedSampler extends Sampler<number> {
  readonly dataset: Sized;
  readonly numReplicas: number;
  readonly rank: number;
  readonly shuffle: boolean;
  readonly seed: number;
  readonly dropLast: boolean;
  /** The samples of one replica per epoch. */
  readonly numSamples: number;
  /** `numSamples * numReplicas`. */
  readonly totalSize: number;
  /** The epoch `setEpoch` set (the permutation is seeded with `seed + epoch`). */
  epoch = 0;

  constructor(dataset: Sized, ...rest: [numReplicas?: number | null, rank?: number | null, shuffle?: boolean, seed?: number, dropLast?: boolean, opts?: DistributedSamplerOptions] | [opts: DistributedSamplerOptions]) {
    super();
    const a = ARGS.parse(dataArgs([dataset, ...rest]));
    if (a.numReplicas === null || a.rank === null) {
      // what torch.distributed says without init_process_group; torchlet has none
      throw new RuntimeError('Default process group has not been initialized, please make sure to call init_process_group.');
    }
    if (a.rank >= a.numReplicas || a.rank < 0) throw new ValueError(`Invalid rank ${a.rank}, rank should be in the interval [0, ${a.numReplicas - 1}]`);
    this.dataset = a.dataset as Sized;
    this.numReplicas = a.numReplicas;
    this.rank = a.rank;
    this.shuffle = a.shuffle;
    this.seed = a.seed;
    this.dropLast = a.dropLast;
    const n = lengthOf(this.dataset);
    this.numSamples = this.dropLast && n % this.numReplicas !== 0 ? Math.ceil((n - this.numReplicas) / this.numReplicas) : Math.ceil(n / this.numReplicas);
    this.totalSize = this.numSamples * this.numReplicas;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = lengthOf(this.dataset);
    let indices: number[];
    if (this.shuffle) indices = indicesOf(randperm(n, { generator: new Generator().manualSeed(this.seed + this.epoch) }));
    else indices = Array.from({ length: n }, (_, i) => i);
    if (!this.dropLast) {
      const padding = this.totalSize - indices.length;
      if (padding <= indices.length) indices = indices.concat(indices.slice(0, padding));
      else {
        const reps = Math.ceil(padding / indices.length);
        const repeated: number[] = [];
        for (let r = 0; r < reps; r++) repeated.push(...indices);
        indices = indices.concat(repeated.slice(0, padding));
      }
    } else indices = indices.slice(0, this.totalSize);
    for (let i = this.rank; i < this.totalSize; i += this.numReplicas) yield indices[i]!;
  }

  get length(): number {
    return this.numSamples;
  }

  /** `sampler.set_epoch(epoch)`: the next epoch's permutation is seeded with `seed + epoch`. @example s.setEpoch(2) */
  setEpoch(epoch: number): void {
    this.epoch = epoch;
  }
}
