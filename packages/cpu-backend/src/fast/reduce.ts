// The reduction fast path for float32/float64/int32 data: reduced dims that are
// contiguous (each output reduces one block), or kept dims that are contiguous
// (rows of the reduced dims folded element-wise, column-sum style).

import { elementOffsets, isContiguousLayout, numel } from '@torchlet/tensor/backend';
import type { ReduceOp } from '@torchlet/tensor/backend';
import type { CpuView } from '../buffer.js';
import type { Offsets } from '../storage.js';
import { isFastDType, smallIndex } from './dtypes.js';
import type { NumArray } from './dtypes.js';
import { foldRow, reduceBlockFast } from './reduceKernels.js';
import type { FastReduceOp } from './reduceKernels.js';

const FAST_OPS: ReadonlySet<ReduceOp> = new Set(['sum', 'prod', 'max', 'min', 'argmax', 'argmin']);

/** x's layout split into kept and reduced dims (see splitDims in reduce.ts). */
export interface Split {
  readonly keptShape: readonly number[];
  readonly keptStrides: readonly number[];
  readonly redShape: readonly number[];
  readonly redStrides: readonly number[];
}

/**
 * The result of `op` for each output element (at x-offsets `outer`), as the general
 * path's reduceBlock gives them (values, positions for arg ops, float64 sums), or
 * null when the layout or dtype has no fast path.
 *
 * @example
 * const results = fastReduce('sum', x, split, outer) ?? generalPath();
 */
export function fastReduce(op: ReduceOp, x: CpuView, split: Split, outer: Offsets): Float64Array | null {
  if (!FAST_OPS.has(op) || !isFastDType(x.dtype) || !smallIndex(x.buf.data)) return null;
  const fop = op as FastReduceOp;
  const n = outer.length;
  const m = numel(split.redShape);
  if (n === 0 || m === 0) return null;
  const a = x.buf.data as NumArray;
  if (isContiguousLayout(split.redShape, split.redStrides)) {
    const results = new Float64Array(n);
    for (let i = 0; i < n; i++) results[i] = reduceBlockFast(fop, a, outer[i]!, m);
    return results;
  }
  if (n >= 8 && isContiguousLayout(split.keptShape, split.keptStrides)) {
    const starts = elementOffsets(split.redShape, split.redStrides, x.offset);
    const acc = new Float64Array(n).fill(op === 'prod' ? 1 : 0);
    const at = new Float64Array(n);
    for (let j = 0; j < m; j++) foldRow(fop, a, starts[j]!, n, acc, at, j);
    return op === 'argmax' || op === 'argmin' ? at : acc;
  }
  return null;
}
