// BatchSampler: groups another sampler's indices into batches.

import { ValueError, signature } from '@torchlet/tensor';
import { lengthOf } from '../dataset/types.js';
import { Sampler } from './sampler.js';

const ARGS = signature<{ '': { sampler: unknown; batchSize: number; dropLast: boolean } }>('BatchSampler(Any sampler, int batch_size, bool drop_last)');

/**
 * `torch.utils.data.BatchSampler(sampler, batch_size, drop_last)`: lists of `batchSize`
 * indices from `sampler`; the last one shorter unless `dropLast`.
 * @example [...new BatchSampler(new SequentialSampler([...Array(5)]), 2, false)] // [[0, 1], [2, 3], [4]]
 */
export class BatchSampler extends Sampler<number[]> {
  readonly sampler: Iterable<number>;
  readonly batchSize: number;
  readonly dropLast: boolean;

  constructor(sampler: Iterable<number>, ...rest: [batchSize: number, dropLast: boolean] | [batchSize: number, opts: { dropLast: boolean }] | [opts: { batchSize: number; dropLast: boolean }]) {
    super();
    const a = ARGS.parse([sampler, ...rest]);
    if (!(a.batchSize > 0)) throw new ValueError(`batch_size should be a positive integer value, but got batch_size=${a.batchSize}`);
    this.sampler = a.sampler as Iterable<number>;
    this.batchSize = a.batchSize;
    this.dropLast = a.dropLast;
  }

  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const idx of this.sampler) {
      batch.push(idx);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.dropLast) yield batch;
  }

  get length(): number {
    const n = lengthOf(this.sampler);
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }
}
