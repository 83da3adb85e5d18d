// Fetching one batch: the part of loading that runs where the dataset is (the
// main thread with numWorkers 0, else a worker). Map-style datasets are indexed,
// iterable-style ones pulled from their stream.

import type { DatasetLike, IterableDatasetLike } from '../dataset/types.js';
import { getItem } from '../dataset/types.js';

/** What a fetch returns when an iterable dataset has no more samples (PyTorch's StopIteration). */
export const END: unique symbol = Symbol('end of stream');

/** A loading error with the index of the sample (or batch) that raised it. */
export class FetchError extends Error {
  constructor(readonly index: number | number[] | null, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** One batch from indices (map-style), or the next items of the stream (iterable-style). */
export interface Fetcher {
  fetch(index: number | number[] | null): Promise<unknown>;
}

/** The collate step's signature: a list of samples in, a batch out. */
export type CollateFn = (batch: unknown) => unknown;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/** `dataset[index]`, with a failure tagged with the index. */
function sample(dataset: DatasetLike<unknown>, index: number): unknown {
  try {
    const v = getItem(dataset, index);
    return isThenable(v) ? Promise.resolve(v).catch((e: unknown) => Promise.reject(new FetchError(index, e))) : v;
  } catch (e) {
    throw new FetchError(index, e);
  }
}

function collateTagged(collate: CollateFn, samples: unknown, index: number | number[] | null): unknown {
  try {
    return collate(samples);
  } catch (e) {
    throw new FetchError(index, e);
  }
}

/** PyTorch's _MapDatasetFetcher. */
class MapFetcher implements Fetcher {
  constructor(private readonly dataset: DatasetLike<unknown>, private readonly autoCollation: boolean, private readonly collate: CollateFn) {}

  async fetch(index: number | number[] | null): Promise<unknown> {
    if (this.autoCollation) {
      const indices = index as number[];
      let samples = indices.map((i) => sample(this.dataset, i));
      if (samples.some(isThenable)) samples = await Promise.all(samples);
      return collateTagged(this.collate, samples, indices);
    }
    let one = sample(this.dataset, index as number);
    if (isThenable(one)) one = await one;
    return collateTagged(this.collate, one, index);
  }
}

/** PyTorch's _IterableDatasetFetcher. */
class IterableFetcher implements Fetcher {
  private readonly it: AsyncIterator<unknown> | Iterator<unknown>;
  private ended = false;
  private pulled = 0;

  constructor(dataset: IterableDatasetLike<unknown>, private readonly autoCollation: boolean, private readonly collate: CollateFn, private readonly dropLast: boolean) {
    const asyncIt = (dataset as AsyncIterable<unknown>)[Symbol.asyncIterator];
    this.it = typeof asyncIt === 'function' ? asyncIt.call(dataset) : (dataset as Iterable<unknown>)[Symbol.iterator]();
  }

  private async pull(): Promise<{ done: boolean; value: unknown }> {
    try {
      const r = await this.it.next();
      this.pulled++;
      return { done: r.done === true, value: r.value };
    } catch (e) {
      throw new FetchError(this.pulled, e);
    }
  }

  async fetch(index: number | number[] | null): Promise<unknown> {
    if (this.ended) return END;
    if (this.autoCollation) {
      const want = (index as number[]).length;
      const data: unknown[] = [];
      for (let k = 0; k < want; k++) {
        const r = await this.pull();
        if (r.done) {
          this.ended = true;
          break;
        }
        data.push(r.value);
      }
      if (data.length === 0 || (this.dropLast && data.length < want)) return END;
      return collateTagged(this.collate, data, null);
    }
    const r = await this.pull();
    if (r.done) {
      this.ended = true;
      return END;
    }
    return collateTagged(this.collate, r.value, null);
  }
}

/**
 * The fetcher for a dataset kind (PyTorch's `_DatasetKind.create_fetcher`).
 * @example const f = createFetcher(false, [1, 2, 3], true, defaultCollate, false); await f.fetch([0, 2])
 */
export function createFetcher(iterable: boolean, dataset: unknown, autoCollation: boolean, collate: CollateFn, dropLast: boolean): Fetcher {
  return iterable
    ? new IterableFetcher(dataset as IterableDatasetLike<unknown>, autoCollation, collate, dropLast)
    : new MapFetcher(dataset as DatasetLike<unknown>, autoCollation, collate);
}
