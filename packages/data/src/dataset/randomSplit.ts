// randomSplit: disjoint random subsets of given lengths or fractions.

import type { Generator } from '@torchlet/tensor';
import { ValueError, randperm, signature } from '@torchlet/tensor';
import { indicesOf } from '../sampler/sampler.js';
import { Subset } from './subset.js';
import type { DatasetLike } from './types.js';
import { dataArgs, lengthOf } from './types.js';

// PyTorch's default is torch.default_generator itself (None here means the same)
const ARGS = signature<{ '': { dataset: unknown; lengths: number[]; generator: Generator | null } }>(
  'random_split(Any dataset, float[] lengths, Generator? generator=None)',
);

/**
 * `torch.utils.data.random_split(dataset, lengths, generator=default_generator)`: splits a
 * dataset into non-overlapping random subsets. `lengths` are sizes, or fractions summing to 1
 * (each `floor(frac * len)`, the remainder handed out one by one from the first). Draws one
 * `randperm`, as PyTorch does.
 * @example const [train, val] = randomSplit(ds, [0.8, 0.2], { generator: new torch.Generator().manualSeed(42) });
 */
export function randomSplit<T>(dataset: DatasetLike<T>, lengths: readonly number[], opts?: { generator?: Generator | null }): Subset<T>[];
export function randomSplit<T>(dataset: DatasetLike<T>, lengths: readonly number[], generator?: Generator | null): Subset<T>[];
export function randomSplit<T>(...args: unknown[]): Subset<T>[] {
  const a = ARGS.parse(dataArgs(args));
  const dataset = a.dataset as DatasetLike<T>;
  const n = lengthOf(dataset);
  let lengths = a.lengths;
  const sum = lengths.reduce((s, v) => s + v, 0);
  // math.isclose(sum, 1) with its default rel_tol=1e-9
  if (Math.abs(sum - 1) <= 1e-9 * Math.max(Math.abs(sum), 1) && sum <= 1) {
    const sizes = lengths.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new ValueError(`Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - sizes.reduce((s, v) => s + v, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length]! += 1;
    lengths = sizes;
    lengths.forEach((len, i) => {
      if (len === 0) console.warn(`Length of split at index ${i} is 0. This might result in an empty dataset.`);
    });
  }
  const total = lengths.reduce((s, v) => s + v, 0);
  if (total !== n || lengths.some((l) => !Number.isInteger(l))) {
    throw new ValueError('Sum of input lengths does not equal the length of the input dataset!');
  }
  const indices = indicesOf(randperm(total, { generator: a.generator ?? undefined }));
  const out: Subset<T>[] = [];
  let offset = 0;
  for (const len of lengths) {
    out.push(new Subset(dataset, indices.slice(offset, offset + len)));
    offset += len;
  }
  return out;
}
