// DataLoader: batches of a dataset, loaded in the main thread or in workers.

import type { Generator, Tensor } from '@torchlet/tensor';
import { ValueError, defaultGenerator, signature } from '@torchlet/tensor';
import type { DatasetLike, IterableDatasetLike } from '../dataset/types.js';
import { dataArgs, isIterableStyle, lengthOf, typeName } from '../dataset/types.js';
import { BatchSampler } from '../sampler/batchSampler.js';
import { RandomSampler } from '../sampler/randomSampler.js';
import { SequentialSampler } from '../sampler/sequentialSampler.js';
import type { Collated } from './collated.js';
import { defaultCollate, defaultConvert } from './collate.js';
import type { CollateFn } from './fetch.js';
import type { LoaderIterator } from './iterator.js';
import { SingleProcessIterator } from './iterator.js';
import { WorkerIterator } from './workerIterator.js';

// PyTorch 1.13's signature, plus PyTorch 2.6's keyword-only in_order
const ARGS = signature<{
  '': {
    dataset: unknown; batchSize: number | null; shuffle: boolean | null; sampler: unknown; batchSampler: unknown; numWorkers: number;
    collateFn: CollateFn | null; pinMemory: boolean; dropLast: boolean; timeout: number; workerInitFn: ((id: number) => unknown) | null;
    multiprocessingContext: unknown; generator: Generator | null; prefetchFactor: number; persistentWorkers: boolean; pinMemoryDevice: string; inOrder: boolean;
  };
}>(
  'DataLoader(Any dataset, int? batch_size=1, bool? shuffle=None, Any sampler=None, Any batch_sampler=None, int num_workers=0, ' +
    'Callable? collate_fn=None, bool pin_memory=False, bool drop_last=False, float timeout=0, Callable? worker_init_fn=None, ' +
    'Any multiprocessing_context=None, Generator? generator=None, *, int prefetch_factor=2, bool persistent_workers=False, ' +
    'str pin_memory_device="", bool in_order=True)',
);

/** Options of {@link DataLoader} (PyTorch's keyword arguments, camelCased). */
export interface DataLoaderOptions<T, B> {
  /** Samples per batch (1); `null` turns batching off (each sample goes through `defaultConvert`). */
  batchSize?: number | null;
  /** Reshuffle every epoch (a `RandomSampler` with `generator`). */
  shuffle?: boolean | null;
  /** The order of indices; exclusive with `shuffle`. */
  sampler?: Iterable<number> | null;
  /** Batches of indices; exclusive with `batchSize`, `shuffle`, `sampler`, `dropLast`. */
  batchSampler?: Iterable<number[]> | null;
  /** Workers loading in parallel (worker threads in Node, Web Workers in browsers); 0 loads in the main thread. */
  numWorkers?: number;
  /** Makes a batch of a list of samples (`defaultCollate`). With workers it runs in them: it needs a workerSpec (`workerFunction`). */
  collateFn?: ((batch: T[]) => B) | null;
  /** Accepted for compatibility; CPU memory needs no pinning. */
  pinMemory?: boolean;
  /** Drop the last, incomplete batch. */
  dropLast?: boolean;
  /** Seconds to wait for a batch from the workers before failing (0: forever). */
  timeout?: number;
  /** Called in each worker with its id, after seeding and before loading. Needs a workerSpec (`workerFunction`). */
  workerInitFn?: ((workerId: number) => unknown) | null;
  /** Only `'spawn'` (workers start fresh), or null. */
  multiprocessingContext?: string | null;
  /** The generator of the shuffle order and of the workers' base seed (else the default generator). */
  generator?: Generator | null;
  /** Batches each worker loads ahead (2). */
  prefetchFactor?: number;
  /** Keep the workers (and their dataset copies) between epochs. */
  persistentWorkers?: boolean;
  /** Accepted for compatibility. */
  pinMemoryDevice?: string;
  /** Yield batches in sampler order (true), or as workers finish them (false). */
  inOrder?: boolean;
}

/**
 * Where a loader stands, for checkpoints: `loader.stateDict()`, later `loader.loadStateDict(s)`,
 * and the next iteration yields the batches that were still to come.
 */
export interface DataLoaderState {
  /** Iterations (epochs) started; the one in progress counts. */
  readonly epoch: number;
  /** Batches the current iteration has yielded. */
  readonly batchesYielded: number;
  /** Whether the current iteration has run to its end. */
  readonly finished: boolean;
  /** The states (`getState()`) of the generators the iteration drew from, as they were when it started. */
  readonly generatorStates: readonly Tensor[];
  /** The sampler's `epoch` (DistributedSampler), when it has one. */
  readonly samplerEpoch: number | null;
}

/** Yields null forever: the index sampler of iterable-style datasets (PyTorch's _InfiniteConstantSampler). */
class InfiniteConstantSampler implements Iterable<null> {
  *[Symbol.iterator](): Iterator<null> {
    for (;;) yield null;
  }
}

function describe(v: unknown): string {
  return typeof v === 'boolean' ? (v ? 'True' : 'False') : typeName(v);
}

/**
 * `torch.utils.data.DataLoader(dataset, batch_size=1, shuffle=None, sampler=None, …)`: iterate it
 * with `for await` to get batches. `numWorkers > 0` loads in worker threads (Node) or Web Workers,
 * which rebuild the dataset from its `workerSpec()`; batches come back in sampler order (unless
 * `inOrder: false`) with their buffers transferred, not copied. With the same seed, the shuffle
 * order and the workers' seeds are PyTorch's.
 * @example
 * const loader = new DataLoader(new FashionMNIST('data', { transform: new ToTensor() }), { batchSize: 64, shuffle: true });
 * for await (const [images, labels] of loader) { ... }
 */
export class DataLoader<T = unknown, B = Collated<T>> implements AsyncIterable<B> {
  readonly dataset: DatasetLike<T> | IterableDatasetLike<T>;
  readonly batchSize: number | null;
  readonly numWorkers: number;
  readonly prefetchFactor: number;
  readonly pinMemory: boolean;
  readonly pinMemoryDevice: string;
  readonly timeout: number;
  readonly workerInitFn: ((workerId: number) => unknown) | null;
  readonly multiprocessingContext: string | null;
  readonly dropLast: boolean;
  readonly sampler: Iterable<number> | Iterable<null>;
  readonly batchSampler: Iterable<number[]> | Iterable<null[]> | null;
  readonly generator: Generator | null;
  readonly collateFn: (batch: T[]) => B;
  readonly persistentWorkers: boolean;
  readonly inOrder: boolean;
  /** @internal Whether the dataset is iterable-style. */
  readonly iterableStyle: boolean;
  private iterator: LoaderIterator<B> | undefined;
  private epochs = 0;
  private resume: DataLoaderState | undefined;

  constructor(dataset: DatasetLike<T> | IterableDatasetLike<T>, opts?: DataLoaderOptions<T, B>);
  constructor(dataset: DatasetLike<T> | IterableDatasetLike<T>, ...args: unknown[]);
  constructor(...args: unknown[]) {
    const a = ARGS.parse(dataArgs(args));
    if (a.numWorkers < 0) throw new ValueError('num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.');
    if (a.timeout < 0) throw new ValueError('timeout option should be non-negative');
    if (a.numWorkers === 0 && a.prefetchFactor !== 2) {
      throw new ValueError('prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing.');
    }
    if (!(a.prefetchFactor > 0)) throw new ValueError('prefetch_factor option should be positive');
    if (a.persistentWorkers && a.numWorkers === 0) throw new ValueError('persistent_workers option needs num_workers > 0');
    if (a.multiprocessingContext !== null) {
      if (a.numWorkers === 0) {
        throw new ValueError(`multiprocessing_context can only be used with multi-process loading (num_workers > 0), but got num_workers=${a.numWorkers}`);
      }
      if (a.multiprocessingContext !== 'spawn') {
        throw new ValueError(`multiprocessing_context option should specify a valid start method in ['spawn'], but got multiprocessing_context='${String(a.multiprocessingContext)}'`);
      }
    }
    this.dataset = a.dataset as DatasetLike<T>;
    this.iterableStyle = isIterableStyle(a.dataset);
    let { shuffle, sampler, batchSampler, batchSize, dropLast } = a;
    if (this.iterableStyle) {
      if (shuffle !== null && shuffle !== false) throw new ValueError(`DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=${describe(shuffle)}`);
      if (sampler !== null) throw new ValueError(`DataLoader with IterableDataset: expected unspecified sampler option, but got sampler=${describe(sampler)}`);
      if (batchSampler !== null) throw new ValueError(`DataLoader with IterableDataset: expected unspecified batch_sampler option, but got batch_sampler=${describe(batchSampler)}`);
    } else shuffle = shuffle === true;
    if (sampler !== null && shuffle) throw new ValueError('sampler option is mutually exclusive with shuffle');
    if (batchSampler !== null) {
      if (batchSize !== 1 || shuffle || sampler !== null || dropLast) {
        throw new ValueError('batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last');
      }
      batchSize = null;
      dropLast = false;
    } else if (batchSize === null && dropLast) {
      throw new ValueError('batch_size=None option disables auto-batching and is mutually exclusive with drop_last');
    }
    if (sampler === null) {
      if (this.iterableStyle) sampler = new InfiniteConstantSampler();
      else sampler = shuffle ? new RandomSampler(this.dataset as DatasetLike<T>, { generator: a.generator }) : new SequentialSampler(this.dataset as DatasetLike<T>);
    }
    if (batchSize !== null && batchSampler === null) batchSampler = new BatchSampler(sampler as Iterable<number>, batchSize, dropLast);
    this.batchSize = batchSize;
    this.dropLast = dropLast;
    this.sampler = sampler as Iterable<number>;
    this.batchSampler = batchSampler as Iterable<number[]> | null;
    this.generator = a.generator;
    this.numWorkers = a.numWorkers;
    this.prefetchFactor = a.prefetchFactor;
    this.pinMemory = a.pinMemory;
    this.pinMemoryDevice = a.pinMemoryDevice;
    this.timeout = a.timeout;
    this.workerInitFn = a.workerInitFn;
    this.multiprocessingContext = a.multiprocessingContext as string | null;
    this.persistentWorkers = a.persistentWorkers;
    this.inOrder = a.inOrder;
    this.collateFn = (a.collateFn ?? (this.autoCollation ? defaultCollate : defaultConvert)) as unknown as (batch: T[]) => B;
  }

  /** @internal Whether samples are batched (a batch sampler is set). */
  get autoCollation(): boolean {
    return this.batchSampler !== null;
  }

  /** @internal What the iterator draws indices from: the batch sampler, else the sampler. */
  get indexSampler(): Iterable<number | number[] | null | null[]> {
    return this.batchSampler ?? this.sampler;
  }

  /**
   * `len(loader)`: batches per epoch (the index sampler's length; for an iterable-style
   * dataset, its length divided by `batchSize`).
   * @example new DataLoader([...Array(10)], { batchSize: 3 }).length // 4
   */
  get length(): number {
    if (this.iterableStyle) {
      const n = lengthOf(this.dataset);
      if (this.batchSize === null) return n;
      return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
    }
    return lengthOf(this.indexSampler);
  }

  /** `iter(loader)`: a new pass over the data (with persistent workers, the same workers reset). @example const it = loader[Symbol.asyncIterator](); await it.next() */
  [Symbol.asyncIterator](): LoaderIterator<B> {
    const resume = this.resume;
    this.resume = undefined;
    this.epochs = resume !== undefined ? resume.epoch : this.epochs + 1;
    if (this.numWorkers > 0 && this.persistentWorkers && this.iterator instanceof WorkerIterator && !this.iterator.closed) {
      (this.iterator as WorkerIterator<B>).reset(resume);
      return this.iterator;
    }
    this.iterator?.abandon();
    const self = this as unknown as DataLoader<unknown, unknown>;
    this.iterator = this.numWorkers === 0 ? new SingleProcessIterator<B>(self, resume) : new WorkerIterator<B>(self, resume);
    return this.iterator;
  }

  /** @internal The generators an iteration draws from: the default one, the loader's, and any sampler's. */
  generators(): Generator[] {
    const out: Generator[] = [defaultGenerator];
    const add = (g: unknown): void => {
      if (g !== null && g !== undefined && typeof (g as Generator).getState === 'function' && !out.includes(g as Generator)) out.push(g as Generator);
    };
    add(this.generator);
    let s: unknown = this.indexSampler;
    for (let depth = 0; depth < 3 && s !== null && typeof s === 'object'; depth++) {
      add((s as { generator?: unknown }).generator);
      s = (s as { sampler?: unknown }).sampler;
    }
    return out;
  }

  /** @internal The sampler whose `epoch` the state records (DistributedSampler). */
  epochSampler(): { epoch: number } | undefined {
    let s: unknown = this.indexSampler;
    for (let depth = 0; depth < 3 && s !== null && typeof s === 'object'; depth++) {
      if (typeof (s as { epoch?: unknown }).epoch === 'number') return s as { epoch: number };
      s = (s as { sampler?: unknown }).sampler;
    }
    return undefined;
  }

  /**
   * Where the loader stands: epochs started, batches yielded in the current one, and the
   * generator states it started from. Save it with a training checkpoint.
   * @example const state = loader.stateDict();
   */
  stateDict(): DataLoaderState {
    const it = this.iterator;
    if (it === undefined) return { epoch: this.epochs, batchesYielded: 0, finished: true, generatorStates: [], samplerEpoch: this.epochSampler()?.epoch ?? null };
    return { epoch: this.epochs, batchesYielded: it.numYielded, finished: it.finished, generatorStates: it.startStates, samplerEpoch: it.samplerEpoch };
  }

  /**
   * Restores a position from `stateDict()`: the next iteration continues the interrupted epoch
   * with the batches it had not yet yielded (the same order, the same worker seeds). The
   * default generator is left as it is: a training checkpoint restores it. Batches already
   * yielded are skipped without loading them in the main thread; workers load and discard
   * theirs, so that their random state continues exactly.
   * @example loader.loadStateDict(checkpoint.loader); for await (const batch of loader) { ... }
   */
  loadStateDict(state: DataLoaderState): void {
    if (typeof state?.epoch !== 'number' || typeof state.batchesYielded !== 'number') throw new TypeError('loadStateDict: not a DataLoader state (from stateDict())');
    this.iterator?.abandon();
    this.iterator = undefined;
    this.epochs = state.epoch;
    const s = this.epochSampler();
    if (s !== undefined && state.samplerEpoch !== null) s.epoch = state.samplerEpoch;
    this.resume = state.finished ? undefined : state;
  }
}
