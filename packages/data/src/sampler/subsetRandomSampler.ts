// SubsetRandomSampler: given indices in a random order.

import type { Generator } from '@torchlet/tensor';
import { randperm, signature } from '@torchlet/tensor';
import { Sampler, indicesOf } from './sampler.js';

const ARGS = signature<{ '': { indices: number[]; generator: Generator | null } }>('SubsetRandomSampler(int[] indices, Generator? generator=None)');

/**
 * `torch.utils.data.SubsetRandomSampler(indices, generator=None)`: `indices`, shuffled anew each epoch.
 * @example [...new SubsetRandomSampler([3, 7, 9])] // e.g. [7, 3, 9]
 */
export class SubsetRandomSampler extends Sampler<number> {
  readonly indices: readonly number[];
  readonly generator: Generator | null;

  constructor(indices: readonly number[], ...rest: [generator?: Generator | null] | [opts: { generator?: Generator | null }]) {
    super();
    const a = ARGS.parse([indices, ...rest]);
    this.indices = a.indices;
    this.generator = a.generator;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (const i of indicesOf(randperm(this.indices.length, { generator: this.generator ?? undefined }))) yield this.indices[i]!;
  }

  get length(): number {
    return this.indices.length;
  }
}
