// What the gather/scatter suites (indexing.ts, indexingFastPaths.ts) share: the
// shape of a case and how its random in-range index tensor is made.

import type { DType } from '@torchlet/tensor/backend';
import type { Harness, Pair } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { sizeOf } from '../reference/index.js';

/** One gather/scatter case: shapes, the dim indexed along, and each operand's layout. */
export interface IndexCase {
  readonly name: string;
  /** x for gather, out for the scatters. */
  readonly shape: readonly number[];
  readonly dim: number;
  readonly index: readonly number[];
  /** Layout of x for gather, of out for the scatters. */
  readonly data: LayoutKind;
  readonly indexLayout: LayoutKind;
  /** Layout of out for gather, of src for the scatters. */
  readonly other: LayoutKind;
  /** Scatters: src larger than index (only its index-shaped corner is read). */
  readonly srcShape?: readonly number[];
  /** Enough writes that the reference scatterReduce reduces the same-target matrix in several blocks (slow: run for one op and dtype). */
  readonly long?: boolean;
  /** The index dtype: int64 (PyTorch's) unless given; backends take int32 indices too (`index_select`). */
  readonly indexDtype?: 'int32';
}

/**
 * A random index tensor of shape `c.index` in `c.indexLayout`, every value in range along `c.dim`.
 *
 * @example const index = makeIndex(h, { name: '1-d', shape: [10], dim: 0, index: [15], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' });
 */
export function makeIndex(h: Harness, c: IndexCase): Pair {
  const size = c.shape[c.dim] ?? 1;
  const dtype: DType = c.indexDtype ?? 'int64';
  const values = Array.from({ length: sizeOf(c.index) }, () => h.rng.int(0, size - 1)).map((v) => (dtype === 'int64' ? BigInt(v) : v));
  return h.fromValues(dtype, c.index, values, c.indexLayout);
}
