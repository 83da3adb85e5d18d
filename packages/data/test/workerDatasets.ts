// Datasets, streams and functions the DataLoader tests send to workers: each
// says how a worker rebuilds it (workerSpec / workerFunction with this module's URL).
import type { Tensor } from '@torchlet/tensor';
import { initialSeed, rand, tensor } from '@torchlet/tensor';
import { Dataset, IterableDataset, getWorkerInfo, workerFunction } from '../src/index.js';
import type { WorkerSpec } from '../src/index.js';

const HERE = import.meta.url;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What a worker's generator gives: sample i is { index, worker, seed, rand: rand(2) }. */
export class SeedProbe extends Dataset<{ index: number; worker: number; seed: bigint; rand: Tensor }> {
  constructor(readonly n: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  get(i: number): { index: number; worker: number; seed: bigint; rand: Tensor } {
    return { index: i, worker: getWorkerInfo()?.id ?? -1, seed: initialSeed(), rand: rand(2) };
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'SeedProbe', args: [this.n] };
  }
}

/** Sample i is [tensor([i, i*i]) as float32, i]; `delayMs` makes early samples slower (out-of-order completion). */
export class Squares extends Dataset<[Tensor, number]> {
  constructor(readonly n: number, readonly delayMs = 0) {
    super();
  }
  get length(): number {
    return this.n;
  }
  async get(i: number): Promise<[Tensor, number]> {
    if (this.delayMs > 0) await sleep(i % 2 === 0 ? this.delayMs : 0);
    return [tensor([i, i * i], { dtype: 'float32' }), i];
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'Squares', args: [this.n, this.delayMs] };
  }
}

/** Throws a TypeError at sample `bad`. */
export class Faulty extends Dataset<number> {
  constructor(readonly n: number, readonly bad: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  get(i: number): number {
    if (i === this.bad) throw new TypeError(`sample ${i} is broken`);
    return i;
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'Faulty', args: [this.n, this.bad] };
  }
}

/** Kills its worker at sample `fatal`: `exit` ends the thread, `uncaught` throws outside any task. */
export class Deadly extends Dataset<number> {
  constructor(readonly n: number, readonly fatal: number, readonly how: 'exit' | 'uncaught') {
    super();
  }
  get length(): number {
    return this.n;
  }
  async get(i: number): Promise<number> {
    if (i === this.fatal) {
      if (this.how === 'exit') process.exit(3);
      setTimeout(() => {
        throw new RangeError('out of the blue');
      }, 0);
      await sleep(60_000);
    }
    return i;
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'Deadly', args: [this.n, this.fatal, this.how] };
  }
}

/** Takes `ms` for every sample. */
export class Slow extends Dataset<number> {
  constructor(readonly n: number, readonly ms: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  async get(i: number): Promise<number> {
    await sleep(this.ms);
    return i;
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'Slow', args: [this.n, this.ms] };
  }
}

/** 0..n-1, each worker streaming every numWorkers-th from its id (sharding with getWorkerInfo). */
export class RangeStream extends IterableDataset<number> {
  constructor(readonly n: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  async *[Symbol.asyncIterator](): AsyncIterator<number> {
    const info = getWorkerInfo();
    const step = info?.numWorkers ?? 1;
    for (let i = info?.id ?? 0; i < this.n; i += step) yield i * 10 + (info?.id ?? 0);
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'RangeStream', args: [this.n] };
  }
}

/** Sample i: [i, the tag workerInitFn set in this worker]. */
export class Tagged extends Dataset<[number, string]> {
  constructor(readonly n: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  get(i: number): [number, string] {
    return [i, (globalThis as { workerTag?: string }).workerTag ?? 'none'];
  }
  override workerSpec(): WorkerSpec {
    return { module: HERE, name: 'Tagged', args: [this.n] };
  }
}

/** A workerInitFn: tags the worker's samples with its id. */
export const tagWorker = workerFunction(HERE, 'tagWorker', (id: number): void => {
  (globalThis as { workerTag?: string }).workerTag = `worker ${id}`;
});

/** A workerInitFn that fails. */
export const failingInit = workerFunction(HERE, 'failingInit', (id: number): void => {
  throw new Error(`init of worker ${id} failed`);
});

/** A collateFn: the sum of the samples. */
export const sumCollate = workerFunction(HERE, 'sumCollate', (batch: number[]): number => batch.reduce((s, v) => s + v, 0));
