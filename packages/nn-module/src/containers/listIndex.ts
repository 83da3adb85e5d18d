// Python's list indexing for the list-like containers: ints (negative from the end) and slices.

import type { Slice } from '@torchlet/tensor';
import { IndexError, ValueError } from '@torchlet/tensor';

/**
 * An index in [-length, length) as a position in [0, length), or PyTorch's IndexError.
 * @example absIndex(-1, 3) // 2
 */
export function absIndex(idx: number, length: number): number {
  if (!Number.isInteger(idx) || idx < -length || idx >= length) throw new IndexError(`index ${idx} is out of range`);
  return idx < 0 ? idx + length : idx;
}

/**
 * The positions a Python slice `[start:stop:step]` selects from a list of `length` (negative
 * steps included), as `range(*slice.indices(length))`.
 * @example sliceIndices([1, null], 4) // [1, 2, 3]; sliceIndices([null, null, -1], 3) // [2, 1, 0]
 */
export function sliceIndices(slice: Slice, length: number): number[] {
  const step = slice[2] ?? 1;
  if (step === 0) throw new ValueError('slice step cannot be zero');
  const lo = step < 0 ? -1 : 0;
  const hi = step < 0 ? length - 1 : length;
  const bound = (v: number | null | undefined, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    const r = v < 0 ? v + length : v;
    return Math.min(Math.max(r, lo), hi);
  };
  const start = bound(slice[0], step < 0 ? hi : lo);
  const stop = bound(slice[1], step < 0 ? lo : hi);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}
