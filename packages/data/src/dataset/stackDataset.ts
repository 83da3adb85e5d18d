// StackDataset: several datasets of one length side by side (PyTorch 2.1's StackDataset).

import { ValueError, isPlainObject } from '@torchlet/tensor';
import type { WorkerSpec } from '../worker/spec.js';
import { BUILTIN } from '../worker/spec.js';
import { Dataset } from './dataset.js';
import type { DatasetLike } from './types.js';
import { getItem, lengthOf } from './types.js';

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/**
 * `torch.utils.data.StackDataset(*datasets)` or `StackDataset(**datasets)`: sample `i` is
 * `[d0[i], d1[i], …]`, or, given one object of named datasets, `{ name: d[i], … }`.
 * (PyTorch 1.13 has no StackDataset; this follows PyTorch 2.1's. Its keyword form is the one
 * plain object, so it takes no options.)
 * @example
 * new StackDataset([1, 2], ['a', 'b']).get(1) // [2, 'b']
 * new StackDataset({ x: [1, 2], y: ['a', 'b'] }).get(0) // { x: 1, y: 'a' }
 */
export class StackDataset<S extends unknown[] | Record<string, unknown> = unknown[]> extends Dataset<S> {
  /** The datasets: an array (tuple samples) or an object (named samples). */
  readonly datasets: readonly DatasetLike<unknown>[] | Readonly<Record<string, DatasetLike<unknown>>>;
  private readonly n: number;

  constructor(...datasets: { [K in keyof S]: DatasetLike<S[K]> } & unknown[]);
  constructor(datasets: { [K in keyof S]: DatasetLike<S[K]> });
  constructor(...datasets: unknown[]) {
    super();
    const named = datasets.length === 1 && isPlainObject(datasets[0]);
    if (named) {
      this.datasets = datasets[0] as Record<string, DatasetLike<unknown>>;
    } else {
      this.datasets = datasets as DatasetLike<unknown>[];
    }
    const all = Object.values(this.datasets) as DatasetLike<unknown>[];
    if (all.length === 0) throw new ValueError('At least one dataset should be passed');
    this.n = lengthOf(all[0]);
    if (all.some((d) => lengthOf(d) !== this.n)) throw new ValueError('Size mismatch between datasets');
  }

  get length(): number {
    return this.n;
  }

  /** The samples `index` of every dataset, as an array or an object. @example ds.get(0) */
  get(index: number): S | Promise<S> {
    if (Array.isArray(this.datasets)) {
      const parts = (this.datasets as DatasetLike<unknown>[]).map((d) => getItem(d, index));
      return (parts.some(isThenable) ? Promise.all(parts) : parts) as S | Promise<S>;
    }
    const entries = Object.entries(this.datasets as Record<string, DatasetLike<unknown>>).map(([k, d]) => [k, getItem(d, index)] as const);
    if (!entries.some(([, v]) => isThenable(v))) return Object.fromEntries(entries) as S;
    return Promise.all(entries.map(async ([k, v]) => [k, await v] as const)).then((e) => Object.fromEntries(e) as S);
  }

  /** @example ds.workerSpec().name // 'StackDataset' */
  override workerSpec(): WorkerSpec {
    return { module: BUILTIN, name: 'StackDataset', args: Array.isArray(this.datasets) ? this.datasets : [this.datasets] };
  }
}
