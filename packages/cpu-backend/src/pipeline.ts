// The chunked elementwise pipeline: read operands as numbers converted to the
// compute dtype, compute a chunk, convert to the output dtype and store.

import { numel } from '@torchlet/tensor/backend';
import type { DType, Operand } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';
import { applyConvert, castScalar, converter } from './cast.js';
import { int64To, loadInt64 } from './int64.js';
import { CHUNK, chunkIndices, loadValues, storeValues, walk } from './storage.js';
import type { Walk } from './storage.js';

/**
 * A chunked reader of one operand's values, converted to a dtype.
 *
 * @example
 * const a = source(view, 'float32'); const vals = a.read(0, 100);
 */
export interface Source {
  /** Values of elements `start … start + len - 1` (`len <= CHUNK`); the array is reused by the next call. */
  read(start: number, len: number): Float64Array;
  /** The single value when every element is the same (a scalar or a fully broadcast view), else null. */
  readonly constant: number | null;
}

/** True when every element of the view is the same storage element. */
function isBroadcastScalar(v: CpuView): boolean {
  return v.shape.every((s, i) => s === 1 || v.strides[i] === 0);
}

/**
 * A reader of `op` (a view or a JS scalar, read as float64) converted to `dtype`.
 *
 * @example
 * source(2.5, 'int32').constant; // 2
 */
export function source(op: Operand<CpuBuffer>, dtype: DType): Source {
  if (typeof op === 'number' || (numel(op.shape) > 0 && isBroadcastScalar(op))) {
    let value: number;
    if (typeof op === 'number') value = castScalar(op, 'float64', dtype);
    else {
      const one = new Float64Array(1);
      loadValues(op.buf.data, op.dtype, Int32Array.of(op.offset), 1, one);
      value = castScalar(one[0]!, op.dtype, dtype);
    }
    const vals = new Float64Array(CHUNK).fill(value);
    return { constant: value, read: () => vals };
  }
  const w = walk(op);
  const vals = new Float64Array(CHUNK);
  const scratch = new Int32Array(CHUNK);
  const conv = converter(op.dtype, dtype);
  const data = op.buf.data;
  if (op.dtype === 'int64' && dtype !== 'int64' && dtype !== 'float64') {
    // through the exact bigint: one rounding to float32, exact wrap to narrower ints
    const big = new BigInt64Array(CHUNK);
    return {
      constant: null,
      read(start, len) {
        loadInt64(data, 'int64', chunkIndices(w, start, len, scratch), len, big);
        for (let i = 0; i < len; i++) vals[i] = int64To(big[i]!, dtype);
        return vals;
      },
    };
  }
  return {
    constant: null,
    read(start, len) {
      loadValues(data, op.dtype, chunkIndices(w, start, len, scratch), len, vals);
      applyConvert(vals, len, conv);
      return vals;
    },
  };
}

/**
 * A chunked reader of one operand's values as int64 bigints (see {@link source}).
 *
 * @example
 * sourceInt64(view).read(0, 10); // BigInt64Array
 */
export function sourceInt64(op: Operand<CpuBuffer>): { read(start: number, len: number): BigInt64Array } {
  const vals = new BigInt64Array(CHUNK);
  if (typeof op === 'number') {
    vals.fill(BigInt(castScalar(op, 'float64', 'int64')));
    return { read: () => vals };
  }
  const w = walk(op);
  const scratch = new Int32Array(CHUNK);
  return {
    read(start, len) {
      loadInt64(op.buf.data, op.dtype, chunkIndices(w, start, len, scratch), len, vals);
      return vals;
    },
  };
}

/**
 * A chunked writer of int64 bigints into `out`, cast to its dtype (bigints move exactly into int64).
 *
 * @example
 * sinkInt64(out).write(0, len, values);
 */
export function sinkInt64(out: CpuView): { readonly n: number; write(start: number, len: number, values: BigInt64Array): void } {
  const w = walk(out);
  const scratch = new Int32Array(CHUNK);
  const vals = new Float64Array(CHUNK);
  const data = out.buf.data;
  return {
    n: w.n,
    write(start, len, values) {
      const idx = chunkIndices(w, start, len, scratch);
      if (out.dtype === 'int64') {
        const o = data as BigInt64Array;
        for (let i = 0; i < len; i++) o[idx[i]!] = values[i]!;
        return;
      }
      for (let i = 0; i < len; i++) vals[i] = int64To(values[i]!, out.dtype);
      storeValues(data, out.dtype, idx, len, vals);
    },
  };
}

/**
 * A chunked writer into `out`: values of dtype `from` are cast to `out`'s dtype and stored.
 *
 * @example
 * const s = sink(out, 'float64'); s.write(0, len, values);
 */
export interface Sink {
  readonly walk: Walk;
  write(start: number, len: number, values: Float64Array): void;
}

/** A writer of values of dtype `from` into `out` (see {@link Sink}). */
export function sink(out: CpuView, from: DType): Sink {
  const w = walk(out);
  const scratch = new Int32Array(CHUNK);
  const conv = converter(from, out.dtype);
  const data = out.buf.data;
  return {
    walk: w,
    write(start, len, values) {
      applyConvert(values, len, conv);
      storeValues(data, out.dtype, chunkIndices(w, start, len, scratch), len, values);
    },
  };
}

/**
 * Calls `fn(start, len)` over `0 … n-1` in chunks of at most CHUNK.
 *
 * @example
 * forChunks(n, (start, len) => sink.write(start, len, compute(start, len)));
 */
export function forChunks(n: number, fn: (start: number, len: number) => void): void {
  for (let start = 0; start < n; start += CHUNK) fn(start, Math.min(CHUNK, n - start));
}
