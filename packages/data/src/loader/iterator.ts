// What `for await (const batch of loader)` iterates: one pass over the data. The
// base class starts an epoch as PyTorch's _BaseDataLoaderIter does (the index
// sampler's iterator, then the base seed drawn from the loader's generator) and
// keeps the position a checkpoint saves; SingleProcessIterator loads in the
// main thread.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, defaultGenerator } from '@torchlet/tensor';
import { drawSeed } from '../sampler/sampler.js';
import type { DataLoader, DataLoaderState } from './dataLoader.js';
import type { Fetcher } from './fetch.js';
import { END, FetchError, createFetcher } from './fetch.js';

/** What the index sampler yields: a batch of indices, one index, or null (a stream). */
export type Index = number | number[] | null;

type AnyLoader = DataLoader<unknown, unknown>;

/**
 * One pass over a DataLoader (PyTorch's `_BaseDataLoaderIter`); `for await` drives it.
 * `return()` (a `break`) ends it and stops its workers.
 */
export abstract class LoaderIterator<B> implements AsyncIterableIterator<B> {
  /** Batches yielded so far in this pass. */
  numYielded = 0;
  /** Whether the pass has ended (all batches yielded, an error, or `return()`). */
  finished = false;
  /** @internal Generator states when the pass started (for `stateDict`). */
  startStates: Tensor[] = [];
  /** @internal The sampler's epoch when the pass started. */
  samplerEpoch: number | null = null;
  /** The base seed of this pass (workers get `baseSeed + id`). */
  baseSeed = 0n;
  protected samplerIter!: Iterator<Index>;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(protected readonly loader: AnyLoader) {}

  /**
   * Starts a pass: snapshots the generators, starts the index sampler, draws the base seed.
   * Resuming, the snapshot of `resume` is put in place first; the returned default-generator
   * state is put back by `finishResume` once the skipped batches are drawn.
   */
  protected begin(resume: DataLoaderState | undefined, drawBaseSeed = true): Tensor | undefined {
    const gens = this.loader.generators();
    let current: Tensor | undefined;
    if (resume !== undefined) {
      if (resume.generatorStates.length !== gens.length) {
        throw new RuntimeError(`loadStateDict: the state has ${resume.generatorStates.length} generator states, this loader draws from ${gens.length} generators`);
      }
      current = defaultGenerator.getState();
      gens.forEach((g, i) => g.setState(resume.generatorStates[i]!));
    }
    this.startStates = gens.map((g) => g.getState());
    this.samplerEpoch = this.loader.epochSampler()?.epoch ?? null;
    this.samplerIter = this.loader.indexSampler[Symbol.iterator]() as Iterator<Index>;
    if (drawBaseSeed) this.baseSeed = drawSeed(this.loader.generator);
    this.numYielded = 0;
    this.finished = false;
    return current;
  }

  /** The next index from the sampler, or END. */
  protected nextIndex(): Index | typeof END {
    const r = this.samplerIter.next();
    return r.done === true ? END : r.value;
  }

  /** `next(it)`: the next batch. Calls are served one after the other. @example const { value, done } = await it.next(); */
  next(): Promise<IteratorResult<B>> {
    const run = this.chain.then(async (): Promise<IteratorResult<B>> => {
      if (this.finished) return { done: true, value: undefined };
      let data: unknown;
      try {
        data = await this.nextData();
      } catch (e) {
        this.finished = true;
        this.shutdown();
        throw e;
      }
      if (data === END) {
        this.finished = true;
        this.shutdown();
        return { done: true, value: undefined };
      }
      this.numYielded++;
      return { done: false, value: data as B };
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Ends the pass (`break` out of `for await`); workers stop unless they are persistent. @example await it.return() */
  async return(): Promise<IteratorResult<B>> {
    await this.chain;
    this.finished = true;
    this.shutdown();
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** `len(it)`: batches in this pass. @example it.length */
  get length(): number {
    return this.loader.length;
  }

  /** @internal The loader moved on (a new pass, or loadStateDict): release everything. */
  abandon(): void {
    this.finished = true;
    this.shutdown();
  }

  protected abstract nextData(): Promise<unknown>;
  protected abstract shutdown(): void;
}

/** Loading in the main thread (`numWorkers: 0`), as PyTorch's `_SingleProcessDataLoaderIter`. */
export class SingleProcessIterator<B> extends LoaderIterator<B> {
  private readonly fetcher: Fetcher;
  private skip = 0;
  private restoreDefault: Tensor | undefined;

  constructor(loader: AnyLoader, resume: DataLoaderState | undefined) {
    super(loader);
    this.restoreDefault = this.begin(resume);
    const l = this.loader;
    this.fetcher = createFetcher(l.iterableStyle, l.dataset, l.autoCollation, l.collateFn as (b: unknown) => unknown, l.dropLast);
    this.skip = resume?.batchesYielded ?? 0;
    // map-style: the skipped batches are only drawn from the sampler, not loaded
    if (!l.iterableStyle) this.skipBatches();
  }

  private skipBatches(): void {
    for (; this.skip > 0; this.skip--) {
      if (this.nextIndex() === END) break;
      this.numYielded++;
    }
    if (this.restoreDefault !== undefined) defaultGenerator.setState(this.restoreDefault);
    this.restoreDefault = undefined;
  }

  protected async nextData(): Promise<unknown> {
    // iterable-style: the skipped batches are pulled from the stream (there is no other way past them)
    for (; this.skip > 0; this.skip--) {
      const index = this.nextIndex();
      if (index === END || (await this.fetchOne(index)) === END) break;
      this.numYielded++;
    }
    if (this.restoreDefault !== undefined) this.skipBatches();
    const index = this.nextIndex();
    if (index === END) return END;
    return this.fetchOne(index);
  }

  private async fetchOne(index: Index): Promise<unknown> {
    try {
      return await this.fetcher.fetch(index);
    } catch (e) {
      // in the main thread the dataset's own error surfaces unchanged, as in PyTorch
      throw e instanceof FetchError ? e.cause : e;
    }
  }

  protected shutdown(): void {
    // nothing to release in the main thread
  }
}
