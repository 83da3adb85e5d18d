// The two dataset base classes: map-style (`length`, `get(i)`) and iterable-style (a stream).

import type { WorkerSpec } from '../worker/spec.js';

/** The error a dataset without a workerSpec() gives when a worker needs it. */
export function noWorkerSpec(self: object): TypeError {
  const name = self.constructor.name;
  return new TypeError(
    `${name} cannot be rebuilt in a DataLoader worker: give it a workerSpec() method returning ` +
      `{ module: import.meta.url, name: '${name}', args: [...constructor arguments] }`,
  );
}

/**
 * `torch.utils.data.Dataset`: a map from indices to samples. Subclasses define `length`
 * and `get(index)` (which may return a Promise); for `numWorkers > 0` also `workerSpec()`,
 * which says how a worker rebuilds the dataset.
 * @example
 * class Squares extends Dataset<number> {
 *   get length() { return 10; }
 *   get(i: number) { return i * i; }
 * }
 */
export abstract class Dataset<T> {
  /** `len(dataset)`. */
  abstract get length(): number;
  /** `dataset[index]`: sample `index`, or a Promise of it. */
  abstract get(index: number): T | Promise<T>;

  /** How a DataLoader worker rebuilds this dataset; override it in datasets used with workers. @example ds.workerSpec() // { module, name, args } */
  workerSpec(): WorkerSpec {
    throw noWorkerSpec(this);
  }
}

/**
 * `torch.utils.data.IterableDataset`: a stream of samples, iterated with `for await`.
 * In a DataLoader worker each worker iterates its own copy: shard the stream with
 * `getWorkerInfo()` (its `id` and `numWorkers`).
 * @example
 * class Range extends IterableDataset<number> {
 *   async *[Symbol.asyncIterator]() {
 *     const info = getWorkerInfo();
 *     for (let i = info?.id ?? 0; i < 10; i += info?.numWorkers ?? 1) yield i;
 *   }
 * }
 */
export abstract class IterableDataset<T> implements AsyncIterable<T> {
  abstract [Symbol.asyncIterator](): AsyncIterator<T>;

  /** How a DataLoader worker rebuilds this dataset; override it in datasets used with workers. @example ds.workerSpec() // { module, name, args } */
  workerSpec(): WorkerSpec {
    throw noWorkerSpec(this);
  }
}
