// The same-dtype strided copy: raw element moves (bits, as integers of the element's
// width) over coalesced layouts; a 2-D plane whose two layouts step differently
// (a transpose) is copied in square tiles so that both sides stay in cache.

import { coalesce } from '@torchlet/tensor/backend';
import type { StorageArray } from '@torchlet/tensor/backend';
import type { CpuView } from '../buffer.js';
import type { Offsets } from '../storage.js';
import { rows } from './rows.js';

/** Storage seen as integers of the element's width (float64 as itself: its moves keep the bits). */
type RawArray = Int32Array | Float64Array | Uint16Array | Uint8Array;

/** Tile side: two tiles of 4-byte elements fill 8 KiB. */
const TILE = 32;

/** `data` as a {@link RawArray} over the same memory, or null for int64 (bigints). */
function rawArray(data: StorageArray): RawArray | null {
  if (data instanceof BigInt64Array) return null;
  if (data instanceof Float64Array) return data;
  const { buffer, byteOffset, length } = data;
  switch (data.BYTES_PER_ELEMENT) {
    case 4:
      return new Int32Array(buffer, byteOffset, length);
    case 2:
      return new Uint16Array(buffer, byteOffset, length);
    default:
      return new Uint8Array(buffer, byteOffset, length);
  }
}

/** One R×C plane: `d[db + i*dR + j*dC] = s[sb + i*sR + j*sC]`, tiled unless both rows step by 1. */
function copyPlane(s: RawArray, sb: number, sR: number, sC: number, d: RawArray, db: number, dR: number, dC: number, R: number, C: number): void {
  if (sC === 1 && dC === 1 && C >= 64) {
    // rows of one array type (same dtype): block moves
    const from = s as Int32Array;
    for (let i = 0; i < R; i++) (d as Int32Array).set(from.subarray(sb + i * sR, sb + i * sR + C), db + i * dR);
    return;
  }
  const tile = sC === 1 && dC === 1 ? Math.max(R, C) : TILE;
  for (let i0 = 0; i0 < R; i0 += tile) {
    const i1 = Math.min(i0 + tile, R);
    for (let j0 = 0; j0 < C; j0 += tile) {
      const j1 = Math.min(j0 + tile, C);
      for (let i = i0; i < i1; i++) {
        let q = sb + i * sR + j0 * sC;
        let p = db + i * dR + j0 * dC;
        for (let j = j0; j < j1; j++, q += sC, p += dC) d[p] = s[q]!;
      }
    }
  }
}

/**
 * `dst = src` for two views of one dtype other than int64; false (nothing written) for int64.
 *
 * @example
 * fastCopy(transposed, contiguousOut);
 */
export function fastCopy(src: CpuView, dst: CpuView): boolean {
  if (src.dtype !== dst.dtype) return false;
  const s = rawArray(src.buf.data);
  const d = rawArray(dst.buf.data);
  if (s === null || d === null) return false;
  const c = coalesce(dst.shape, [src.strides, dst.strides]);
  const rank = c.shape.length;
  const [ss, ds] = c.strides as [number[], number[]];
  if (rank <= 1) {
    copyPlane(s, src.offset, 0, rank === 0 ? 1 : ss[0]!, d, dst.offset, 0, rank === 0 ? 1 : ds[0]!, 1, rank === 0 ? 1 : c.shape[0]!);
    return true;
  }
  const C = c.shape[rank - 1]!;
  const sC = ss[rank - 1]!;
  const dC = ds[rank - 1]!;
  const planes = rows(c.shape.slice(0, -1), [ss.slice(0, -1), ds.slice(0, -1)], [src.offset, dst.offset]);
  const [sR, dR] = planes.inner as [number, number];
  const [sStarts, dStarts] = planes.starts as [Offsets, Offsets];
  for (let p = 0; p < planes.count; p++) copyPlane(s, sStarts[p]!, sR, sC, d, dStarts[p]!, dR, dC, planes.len, C);
  return true;
}
