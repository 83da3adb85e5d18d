// ConcatDataset: several map-style datasets one after the other.

import { ValueError, signature } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { Dataset } from './dataset.js';
import type { DatasetLike } from './types.js';
import { getItem, isIterableStyle, lengthOf } from './types.js';

const ARGS = signature<{ '': { datasets: unknown } }>('ConcatDataset(Any datasets)');

/**
 * `torch.utils.data.ConcatDataset(datasets)`: the samples of each dataset in turn.
 * @example new ConcatDataset([[1, 2], [3]]).get(2) // 3
 */
export class ConcatDataset<T> extends Dataset<T> {
  readonly datasets: readonly DatasetLike<T>[];
  /** The running totals of the datasets' lengths, as PyTorch's `cumulative_sizes`. */
  readonly cumulativeSizes: readonly number[];

  constructor(datasets: Iterable<DatasetLike<T>>) {
    super();
    const a = ARGS.parse([datasets]);
    this.datasets = [...(a.datasets as Iterable<DatasetLike<T>>)];
    if (this.datasets.length === 0) throw new ValueError('datasets should not be an empty iterable');
    for (const d of this.datasets) {
      if (isIterableStyle(d)) throw new ValueError('ConcatDataset does not support IterableDataset');
    }
    let total = 0;
    this.cumulativeSizes = this.datasets.map((d) => (total += lengthOf(d)));
  }

  get length(): number {
    return this.cumulativeSizes[this.cumulativeSizes.length - 1]!;
  }

  /** Sample `index` (negative counts from the end, as PyTorch). @example ds.get(-1) */
  get(index: number): T | Promise<T> {
    let idx = index;
    if (idx < 0) {
      if (-idx > this.length) throw new ValueError('absolute value of index should not exceed dataset length');
      idx += this.length;
    }
    // bisect_right: the first dataset whose running total exceeds idx
    let lo = 0;
    let hi = this.cumulativeSizes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulativeSizes[mid]! <= idx) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.datasets.length) throw new RangeError(`index ${index} is out of range for a dataset of ${this.length}`);
    const sample = lo === 0 ? idx : idx - this.cumulativeSizes[lo - 1]!;
    return getItem(this.datasets[lo]!, sample);
  }

  /** @example ds.workerSpec().name // 'ConcatDataset' */
  override workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: 'ConcatDataset', args: [this.datasets] };
  }
}
