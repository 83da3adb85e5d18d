// The casting copy between float32/float64/int32 views: coalesced rows, one typed
// loop per row. A store into a Float32Array rounds as Math.fround and into a
// Float64Array is exact, so those casts are plain moves; float → int32 calls the
// general path's converter per element.

import { numel } from '@torchlet/tensor/backend';
import type { CpuView } from '../buffer.js';
import { converter } from '../cast.js';
import type { Offsets } from '../storage.js';
import { isFastDType } from './dtypes.js';
import type { NumArray } from './dtypes.js';
import { rows } from './rows.js';

/** `d[db + i*ds] = s[sb + i*ss]` for `i < n`. */
function moveRow(d: NumArray, db: number, ds: number, s: NumArray, sb: number, ss: number, n: number): void {
  for (let i = 0; i < n; i++) d[db + i * ds] = s[sb + i * ss]!;
}

/** `d[db + i*ds] = f(s[sb + i*ss])` for `i < n`. */
function convertRow(f: (v: number) => number, d: NumArray, db: number, ds: number, s: NumArray, sb: number, ss: number, n: number): void {
  for (let i = 0; i < n; i++) d[db + i * ds] = f(s[sb + i * ss]!);
}

/**
 * `dst = cast(src)` for float32/float64/int32 views of different dtypes; false (nothing written) for others.
 *
 * @example
 * fastCastCopy(float32View, float64Out);
 */
export function fastCastCopy(src: CpuView, dst: CpuView): boolean {
  if (!isFastDType(src.dtype) || !isFastDType(dst.dtype) || numel(dst.shape) === 0) return false;
  const f = converter(src.dtype, dst.dtype);
  const r = rows(dst.shape, [dst.strides, src.strides], [dst.offset, src.offset]);
  const [ds, ss] = r.inner as [number, number];
  const [dStarts, sStarts] = r.starts as [Offsets, Offsets];
  const d = dst.buf.data as NumArray;
  const s = src.buf.data as NumArray;
  const plain = f === null || f === Math.fround;
  for (let i = 0; i < r.count; i++) {
    if (plain) moveRow(d, dStarts[i]!, ds, s, sStarts[i]!, ss, r.len);
    else convertRow(f, d, dStarts[i]!, ds, s, sStarts[i]!, ss, r.len);
  }
  return true;
}
