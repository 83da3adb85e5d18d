// ChainDataset: several iterable-style datasets streamed one after the other.

import { signature } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { IterableDataset } from './dataset.js';
import type { IterableDatasetLike } from './types.js';
import { isIterableStyle, lengthOf } from './types.js';

const ARGS = signature<{ '': { datasets: unknown } }>('ChainDataset(Any datasets)');

function checkIterable(d: unknown): void {
  if (!isIterableStyle(d)) throw new TypeError('ChainDataset only supports IterableDataset');
}

/**
 * `torch.utils.data.ChainDataset(datasets)`: the streams of each dataset in turn.
 * @example for await (const x of new ChainDataset([streamA, streamB])) console.log(x);
 */
export class ChainDataset<T> extends IterableDataset<T> {
  readonly datasets: readonly IterableDatasetLike<T>[];

  constructor(datasets: Iterable<IterableDatasetLike<T>>) {
    super();
    this.datasets = [...(ARGS.parse([datasets]).datasets as Iterable<IterableDatasetLike<T>>)];
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (const d of this.datasets) {
      checkIterable(d);
      yield* d as AsyncIterable<T>;
    }
  }

  /** The sum of the datasets' lengths (each must have one). @example new ChainDataset([a, b]).length */
  get length(): number {
    let total = 0;
    for (const d of this.datasets) {
      checkIterable(d);
      total += lengthOf(d);
    }
    return total;
  }

  /** @example ds.workerSpec().name // 'ChainDataset' */
  override workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: 'ChainDataset', args: [this.datasets] };
  }
}
