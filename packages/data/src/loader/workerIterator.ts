// Loading in workers, as PyTorch's _MultiProcessingDataLoaderIter: batches are
// handed to the workers round-robin, `prefetchFactor` per worker ahead, and come
// back in sampler order (or as they finish, with inOrder: false).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, defaultGenerator } from '@torchlet/tensor';
import { END } from './fetch.js';
import type { DataLoader, DataLoaderState } from './dataLoader.js';
import type { Index } from './iterator.js';
import { LoaderIterator } from './iterator.js';
import type { WorkerHandle } from '../worker/host.js';
import { spawnWorker } from '../worker/host.js';
import { resolveModuleUrl, workerModules } from '../worker/modules.js';
import type { FromWorker, InitMessage } from '../worker/protocol.js';
import { deserializeError } from '../worker/protocol.js';
import { encodeForWorker } from '../worker/spec.js';
import { unpackResult } from '../worker/transfer.js';

type AnyLoader = DataLoader<unknown, unknown>;

/**
 * A loading error raised in a DataLoader worker: which worker, which sample (or batch of
 * indices; null while the worker was starting), and the original error as `cause`.
 * @example try { for await (const b of loader) {} } catch (e) { if (e instanceof DataLoaderWorkerError) console.log(e.workerId, e.sampleIndex, e.cause) }
 */
export class DataLoaderWorkerError extends Error {
  override readonly name = 'DataLoaderWorkerError';
  constructor(readonly workerId: number, readonly sampleIndex: number | number[] | null, override readonly cause: Error) {
    const where = sampleIndex === null ? 'while starting' : Array.isArray(sampleIndex) ? `loading samples [${sampleIndex.join(', ')}]` : `loading sample ${sampleIndex}`;
    super(`Caught ${cause.name} in DataLoader worker ${workerId} ${where}: ${cause.message}\nOriginal ${cause.stack ?? cause.message}`);
  }
}

interface Task {
  readonly worker: number;
  readonly discard: boolean;
  msg?: FromWorker;
}

const DISCARDED: unique symbol = Symbol('discarded');

/** Terminates the workers of iterators that were dropped without being finished. */
const orphans = new FinalizationRegistry<WorkerHandle[]>((workers) => {
  for (const w of workers) w.terminate();
});

export class WorkerIterator<B> extends LoaderIterator<B> {
  /** Whether the workers have been shut down. */
  closed = false;
  private readonly workers: WorkerHandle[] = [];
  private readonly active: boolean[] = [];
  /** Workers sent `resume` whose acknowledgement has not come yet: their messages until then belong to the last pass. */
  private readonly resuming: boolean[] = [];
  private inbox: FromWorker[] = [];
  private waiter: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;
  private failure: Error | undefined;
  private sendIdx = 0;
  private rcvdIdx = 0;
  private tasks = new Map<number, Task>();
  private outstanding = 0;
  private cycle = 0;

  constructor(loader: AnyLoader, resume: DataLoaderState | undefined) {
    super(loader);
    const restore = this.begin(resume);
    const l = this.loader;
    // encoded once: every worker gets a structured clone of the same tree
    const dataset = encodeForWorker(l.dataset, 'dataset');
    const collateFn = encodeForWorker(l.collateFn, 'collateFn');
    const initFn = encodeForWorker(l.workerInitFn, 'workerInitFn');
    const url = resolveModuleUrl(new URL('../worker/main.js', import.meta.url));
    // the workers reach this iterator weakly, so that a dropped iterator can be collected (and its workers stopped)
    const self = new WeakRef(this);
    for (let id = 0; id < l.numWorkers; id++) {
      const w = spawnWorker(url, `DataLoader worker ${id}`);
      w.listen((m) => self.deref()?.receive(id, m), (reason, error) => self.deref()?.failed(id, reason, error));
      const init: InitMessage = {
        type: 'init', modules: [...workerModules()], workerId: id, numWorkers: l.numWorkers, seed: this.baseSeed + BigInt(id),
        iterable: l.iterableStyle, dataset, autoCollation: l.autoCollation, collateFn, dropLast: l.dropLast, initFn,
      };
      w.post(init);
      this.workers.push(w);
      this.active.push(true);
      this.resuming.push(false);
    }
    orphans.register(this, this.workers, this);
    this.startPass(resume, restore);
  }

  /** A new pass over persistent workers (PyTorch's `_reset`): no new base seed, the workers carry on. */
  reset(resume: DataLoaderState | undefined): void {
    const restore = this.begin(resume, false);
    this.inbox = [];
    this.tasks = new Map();
    for (let id = 0; id < this.workers.length; id++) {
      this.active[id] = true;
      this.resuming[id] = true;
      this.workers[id]!.post({ type: 'resume' });
    }
    this.startPass(resume, restore);
  }

  private startPass(resume: DataLoaderState | undefined, restore: Tensor | undefined): void {
    this.sendIdx = 0;
    this.rcvdIdx = 0;
    this.outstanding = 0;
    this.cycle = 0;
    // resuming: the batches already yielded are loaded and dropped by the workers they went to,
    // so that every worker's random state is where it was
    for (let k = 0; k < (resume?.batchesYielded ?? 0); k++) {
      if (!this.put(true)) break;
      this.numYielded++;
    }
    for (let k = 0; k < this.loader.prefetchFactor * this.workers.length; k++) this.put(false);
    if (restore !== undefined) defaultGenerator.setState(restore);
  }

  /** Sends the next index to the next active worker (PyTorch's `_try_put_index`). */
  private put(discard: boolean): boolean {
    if (!discard && this.outstanding >= this.loader.prefetchFactor * this.workers.length) return false;
    const index = this.nextIndex();
    if (index === END) return false;
    let worker = -1;
    for (let k = 0; k < this.workers.length; k++) {
      const w = this.cycle;
      this.cycle = (this.cycle + 1) % this.workers.length;
      if (this.active[w]) {
        worker = w;
        break;
      }
    }
    if (worker < 0) return false;
    this.workers[worker]!.post({ type: 'task', idx: this.sendIdx, index: index as Index, discard });
    this.tasks.set(this.sendIdx, { worker, discard });
    if (!discard) this.outstanding++;
    this.sendIdx++;
    return true;
  }

  private receive(worker: number, m: FromWorker): void {
    if (this.resuming[worker]) {
      if (m.type === 'resumed') this.resuming[worker] = false;
      return;
    }
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.resolve(m);
    } else this.inbox.push(m);
  }

  private failed(worker: number, reason: string, error: Error | undefined): void {
    if (this.closed) return;
    const detail = error !== undefined ? `: ${error.message}` : '';
    const e = new RuntimeError(`DataLoader worker ${worker} ${reason}${detail}`);
    if (error !== undefined) (e as { cause?: unknown }).cause = error;
    this.failure ??= e;
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(e);
    }
  }

  /** The next message from any worker (PyTorch's `_get_data`), within `timeout` seconds if set. */
  private getData(): Promise<FromWorker> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise<FromWorker>((resolve, reject) => {
      // the workers are unref'd: this keeps the process alive while a batch is awaited
      const keepAlive = setInterval(() => undefined, 1 << 30);
      const timeout = this.loader.timeout;
      const timer = timeout > 0 ? setTimeout(() => {
        this.waiter = undefined;
        clearInterval(keepAlive);
        reject(new RuntimeError(`DataLoader timed out after ${timeout} seconds`));
      }, timeout * 1000) : undefined;
      const done = (): void => {
        clearInterval(keepAlive);
        if (timer !== undefined) clearTimeout(timer);
      };
      this.waiter = {
        resolve: (m) => (done(), resolve(m)),
        reject: (e) => (done(), reject(e)),
      };
    });
  }

  protected async nextData(): Promise<unknown> {
    for (;;) {
      if (this.loader.inOrder) {
        // skip the tasks of workers whose stream has ended (PyTorch's _next_data)
        while (this.rcvdIdx < this.sendIdx) {
          const t = this.tasks.get(this.rcvdIdx)!;
          if (t.msg !== undefined || this.active[t.worker]) break;
          this.tasks.delete(this.rcvdIdx);
          this.rcvdIdx++;
        }
        if (this.rcvdIdx >= this.sendIdx) return END;
        const t = this.tasks.get(this.rcvdIdx)!;
        if (t.msg !== undefined) {
          this.tasks.delete(this.rcvdIdx);
          const r = this.process(t.msg, t);
          if (r !== DISCARDED) return r;
          continue;
        }
      } else {
        for (const [idx, t] of this.tasks) if (t.msg === undefined && !this.active[t.worker]) this.tasks.delete(idx);
        if (this.tasks.size === 0) return END;
      }
      const m = await this.getData();
      if (m.type === 'resumed') continue;
      if (m.type === 'error' && m.idx < 0) throw new DataLoaderWorkerError(m.workerId, null, deserializeError(m.error));
      const t = this.tasks.get(m.idx);
      if (t === undefined) continue;
      if (!t.discard) this.outstanding--;
      if (m.type === 'end') {
        this.endWorker(m.workerId);
        this.put(false);
        continue;
      }
      if (this.loader.inOrder && m.idx !== this.rcvdIdx) {
        t.msg = m;
        continue;
      }
      this.tasks.delete(m.idx);
      const r = this.process(m, t);
      if (r !== DISCARDED) return r;
    }
  }

  /** One message in order: the next index goes out, then the batch (or its error) comes in. */
  private process(m: FromWorker, t: Task): unknown {
    if (this.loader.inOrder) this.rcvdIdx++;
    if (!t.discard) this.put(false);
    if (m.type === 'discarded') return DISCARDED;
    if (m.type === 'error') throw new DataLoaderWorkerError(m.workerId, m.index, deserializeError(m.error));
    if (m.type !== 'result') throw new RuntimeError(`DataLoader: unexpected message '${m.type}' from worker ${t.worker}`);
    return unpackResult(m.data);
  }

  /** A worker's stream ended: it takes no more tasks this pass (and stops, unless persistent). */
  private endWorker(worker: number): void {
    this.active[worker] = false;
    if (!this.loader.persistentWorkers) this.workers[worker]!.terminate();
  }

  protected shutdown(): void {
    if (this.closed || this.loader.persistentWorkers) return;
    this.close();
  }

  /** Stops every worker now. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    orphans.unregister(this);
    for (const w of this.workers) w.terminate();
    if (this.waiter !== undefined) {
      const w = this.waiter;
      this.waiter = undefined;
      w.reject(new RuntimeError('DataLoader: the workers were shut down'));
    }
  }

  /** @internal The loader moved on: persistent workers stop too. */
  override abandon(): void {
    this.finished = true;
    this.close();
  }
}
