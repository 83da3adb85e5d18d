// Reading and writing elements of strided views as plain JS numbers: the
// storage encodings (half bits, bigints) are decoded and encoded here only.

import {
  bfloat16BitsToFloat,
  elementOffsets,
  floatToBfloat16Bits,
  floatToHalfBits,
  halfBitsToFloat,
  isContiguousLayout,
  numel,
} from '@torchlet/tensor/backend';
import type { DType, StorageArray } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';

/** Storage offsets of elements (Int32Array unless a buffer is huge). */
export type Offsets = Int32Array | Float64Array;

/** Typed arrays whose elements are stored as plain numbers. */
type NumberArray = Float32Array | Float64Array | Int32Array | Int8Array | Uint8Array;

/** Elements processed per pass by the chunked kernels: small enough to stay in cache. */
export const CHUNK = 4096;

/**
 * Where the elements of a view live, in row-major order: `base + i` when the
 * view is contiguous (`offsets` null), else `offsets[i]`.
 *
 * @example
 * walk(view).offsets === null; // for a contiguous view
 */
export interface Walk {
  readonly n: number;
  readonly base: number;
  readonly offsets: Offsets | null;
}

/**
 * The walk of a view (see {@link Walk}).
 *
 * @example
 * const w = walk(view); const idx = chunkIndices(w, 0, Math.min(CHUNK, w.n), scratch);
 */
export function walk(view: CpuView): Walk {
  const n = numel(view.shape);
  if (isContiguousLayout(view.shape, view.strides)) return { n, base: view.offset, offsets: null };
  return { n, base: 0, offsets: elementOffsets(view.shape, view.strides, view.offset) };
}

/**
 * The storage offsets of elements `start … start + len - 1` of a walk; `scratch`
 * (at least `len` long) is filled and returned when the walk is contiguous.
 *
 * @example
 * const idx = chunkIndices(walk(view), 0, 10, new Int32Array(CHUNK));
 */
export function chunkIndices(w: Walk, start: number, len: number, scratch: Int32Array): Offsets {
  if (w.offsets !== null) return w.offsets.subarray(start, start + len);
  const base = w.base + start;
  for (let i = 0; i < len; i++) scratch[i] = base + i;
  return scratch;
}

/** All storage offsets of a view, in row-major order. */
export function allOffsets(view: CpuView): Offsets {
  const w = walk(view);
  return w.offsets ?? chunkIndices(w, 0, w.n, new Int32Array(w.n));
}

/**
 * `dst[i] = value of arr[idx[i]]` for `i < len`, decoding the storage of `dtype`.
 *
 * @example
 * loadValues(new Uint16Array([0x3c00]), 'float16', Int32Array.of(0), 1, dst); // dst[0] = 1
 */
export function loadValues(arr: StorageArray, dtype: DType, idx: Offsets, len: number, dst: Float64Array): void {
  switch (dtype) {
    case 'float16': {
      const a = arr as Uint16Array;
      for (let i = 0; i < len; i++) dst[i] = halfBitsToFloat(a[idx[i]!]!);
      return;
    }
    case 'bfloat16': {
      const a = arr as Uint16Array;
      for (let i = 0; i < len; i++) dst[i] = bfloat16BitsToFloat(a[idx[i]!]!);
      return;
    }
    case 'int64': {
      const a = arr as BigInt64Array;
      for (let i = 0; i < len; i++) dst[i] = Number(a[idx[i]!]!);
      return;
    }
    default: {
      const a = arr as NumberArray;
      for (let i = 0; i < len; i++) dst[i] = a[idx[i]!]!;
    }
  }
}

/**
 * `arr[idx[i]] = src[i]` for `i < len`, encoding for `dtype`. The values must
 * already be values of `dtype` (see cast.ts): integral and in range for ints, 0/1 for bool.
 *
 * @example
 * storeValues(new BigInt64Array(1), 'int64', Int32Array.of(0), 1, Float64Array.of(5)); // 5n
 */
export function storeValues(arr: StorageArray, dtype: DType, idx: Offsets, len: number, src: Float64Array): void {
  switch (dtype) {
    case 'float16': {
      const a = arr as Uint16Array;
      for (let i = 0; i < len; i++) a[idx[i]!] = floatToHalfBits(src[i]!);
      return;
    }
    case 'bfloat16': {
      const a = arr as Uint16Array;
      for (let i = 0; i < len; i++) a[idx[i]!] = floatToBfloat16Bits(src[i]!);
      return;
    }
    case 'int64': {
      const a = arr as BigInt64Array;
      for (let i = 0; i < len; i++) a[idx[i]!] = BigInt(src[i]!);
      return;
    }
    default: {
      const a = arr as NumberArray;
      for (let i = 0; i < len; i++) a[idx[i]!] = src[i]!;
    }
  }
}

/**
 * The storage element encoding a value of `dtype` (half bits, a bigint for int64).
 *
 * @example
 * encode(1, 'float16'); // 0x3c00
 */
export function encode(value: number, dtype: DType): number | bigint {
  switch (dtype) {
    case 'float16':
      return floatToHalfBits(value);
    case 'bfloat16':
      return floatToBfloat16Bits(value);
    case 'int64':
      return BigInt(value);
    default:
      return value;
  }
}

/** Element access without the typed array's static type: for same-dtype moves of raw storage. */
export type RawElements = { [index: number]: number | bigint };

/**
 * `dst[dIdx[i]] = src[sIdx[i]]` for storage arrays of the same dtype (bits and bigints move exactly).
 *
 * @example
 * moveRaw(src.data, sIdx, dst.data, dIdx, n);
 */
export function moveRaw(src: StorageArray, sIdx: Offsets, dst: StorageArray, dIdx: Offsets, n: number): void {
  const s = src as unknown as RawElements;
  const d = dst as unknown as RawElements;
  for (let i = 0; i < n; i++) d[dIdx[i]!] = s[sIdx[i]!]!;
}
