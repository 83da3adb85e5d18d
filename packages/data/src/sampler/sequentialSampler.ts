// SequentialSampler: 0, 1, …, len - 1.

import { signature } from '@torchlet/tensor';
import type { Sized } from '../dataset/types.js';
import { dataArgs, lengthOf } from '../dataset/types.js';
import { Sampler } from './sampler.js';

const ARGS = signature<{ '': { dataSource: unknown } }>('SequentialSampler(Any data_source)');

/**
 * `torch.utils.data.SequentialSampler(data_source)`: the indices in order.
 * @example [...new SequentialSampler([7, 8, 9])] // [0, 1, 2]
 */
export class SequentialSampler extends Sampler<number> {
  readonly dataSource: Sized;

  constructor(dataSource: Sized) {
    super();
    this.dataSource = ARGS.parse(dataArgs([dataSource])).dataSource as Sized;
  }

  *[Symbol.iterator](): Iterator<number> {
    const n = lengthOf(this.dataSource);
    for (let i = 0; i < n; i++) yield i;
  }

  get length(): number {
    return lengthOf(this.dataSource);
  }
}
