// getWorkerInfo: which DataLoader worker this code runs in (null in the main thread).

/** What `getWorkerInfo()` returns inside a worker. */
export interface WorkerInfo {
  /** This worker's id, in `[0, numWorkers)`. */
  readonly id: number;
  /** How many workers the loader runs. */
  readonly numWorkers: number;
  /** The seed the worker's default generator got: the loader's base seed plus `id`, as PyTorch's. */
  readonly seed: bigint;
  /** This worker's copy of the dataset. */
  readonly dataset: unknown;
}

let current: WorkerInfo | null = null;

/**
 * `torch.utils.data.get_worker_info()`: this worker's id, the number of workers, its seed and
 * its copy of the dataset; `null` in the main thread. Use it to shard an `IterableDataset`.
 * @example const info = getWorkerInfo(); const shard = info === null ? all : all.filter((_, i) => i % info.numWorkers === info.id);
 */
export function getWorkerInfo(): WorkerInfo | null {
  return current;
}

/** @internal Set by the worker's main loop. */
export function setWorkerInfo(info: WorkerInfo): void {
  current = Object.freeze({ ...info });
}
