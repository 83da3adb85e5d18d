// Subset: a dataset seen through a list of indices.

import { signature } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { Dataset } from './dataset.js';
import type { DatasetLike } from './types.js';
import { getItem } from './types.js';

const ARGS = signature<{ '': { dataset: unknown; indices: number[] } }>('Subset(Any dataset, int[] indices)');

/**
 * `torch.utils.data.Subset(dataset, indices)`: sample `i` is `dataset[indices[i]]`.
 * @example new Subset(['a', 'b', 'c'], [2, 0]).get(0) // 'c'
 */
export class Subset<T> extends Dataset<T> {
  readonly dataset: DatasetLike<T>;
  readonly indices: readonly number[];

  constructor(dataset: DatasetLike<T>, indices: readonly number[]) {
    super();
    const a = ARGS.parse([dataset, indices]);
    this.dataset = a.dataset as DatasetLike<T>;
    this.indices = a.indices;
  }

  get length(): number {
    return this.indices.length;
  }

  /** `dataset[indices[index]]`. @example subset.get(0) */
  get(index: number): T | Promise<T> {
    const i = this.indices[index < 0 ? index + this.indices.length : index];
    if (i === undefined) throw new RangeError(`list index out of range (index ${index} of ${this.indices.length})`);
    return getItem(this.dataset, i);
  }

  /** @example subset.workerSpec().name // 'Subset' */
  override workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: 'Subset', args: [this.dataset, this.indices] };
  }
}
