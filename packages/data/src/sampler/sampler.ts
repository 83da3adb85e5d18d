// The sampler base class and the draws samplers share.

import type { Generator, Tensor } from '@torchlet/tensor';
import { empty } from '@torchlet/tensor';

/**
 * `torch.utils.data.Sampler`: an iterable of dataset indices (or of index batches),
 * with a `length` where it has one. Any `Iterable` works as a sampler; this base
 * class is for samplers written as classes.
 * @example
 * class Evens extends Sampler<number> {
 *   constructor(readonly n: number) { super(); }
 *   get length() { return Math.ceil(this.n / 2); }
 *   *[Symbol.iterator]() { for (let i = 0; i < this.n; i += 2) yield i; }
 * }
 */
export abstract class Sampler<T = number> implements Iterable<T> {
  abstract [Symbol.iterator](): Iterator<T>;
}

/** A tensor's values as JS numbers (int64 indices are small here). */
export function indicesOf(t: Tensor): number[] {
  const data = t.dataSync();
  const out = new Array<number>(data.length);
  for (let i = 0; i < data.length; i++) out[i] = Number(data[i]!);
  return out;
}

/**
 * `int(torch.empty((), dtype=torch.int64).random_(generator=g).item())`: the 63-bit seed
 * RandomSampler and the DataLoader draw (from the default generator when `g` is null).
 * @example const seed = drawSeed(null); new torch.Generator().manualSeed(seed)
 */
export function drawSeed(generator: Generator | null | undefined): bigint {
  const t = empty([], { dtype: 'int64' }).random_({ generator: generator ?? undefined });
  return (t.dataSync() as BigInt64Array)[0]!;
}
