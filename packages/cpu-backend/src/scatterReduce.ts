// The indexing fast paths: scatterReduce (assign keeping the last write, prod,
// amax, amin) and nonzero. Writes run in row-major order of the index, one
// element at a time, so duplicates see every earlier write as PyTorch's CPU kernel does.

import { bfloat16BitsToFloat, elementOffsets, floatToBfloat16Bits, floatToHalfBits, halfBitsToFloat, numel } from '@torchlet/tensor/backend';
import type { DType, ScatterReduceOp, StorageArray } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, converter, normalizer } from './cast.js';
import { transfer } from './copy.js';
import { targetOffsets } from './indexing.js';
import { int64To } from './int64.js';
import { allOffsets, loadValues } from './storage.js';

/** One element of a number-valued storage array, decoded and encoded. */
interface Cell {
  get(i: number): number;
  set(i: number, v: number): void;
}

function cellOf(data: StorageArray, dtype: DType): Cell {
  if (dtype === 'float16') {
    const a = data as Uint16Array;
    return { get: (i) => halfBitsToFloat(a[i]!), set: (i, v) => void (a[i] = floatToHalfBits(v)) };
  }
  if (dtype === 'bfloat16') {
    const a = data as Uint16Array;
    return { get: (i) => bfloat16BitsToFloat(a[i]!), set: (i, v) => void (a[i] = floatToBfloat16Bits(v)) };
  }
  const a = data as Float32Array | Float64Array | Int32Array | Int8Array | Uint8Array;
  return { get: (i) => a[i]!, set: (i, v) => void (a[i] = v) };
}

/** `a op b` for values of `dtype` (before rounding to it); int32 products wrap exactly. */
function combine(op: Exclude<ScatterReduceOp, 'assign'>, dtype: DType): (a: number, b: number) => number {
  if (op === 'amax') return (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b));
  if (op === 'amin') return (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b));
  return dtype === 'int32' ? Math.imul : (a, b) => a * b;
}

function combineInt64(op: Exclude<ScatterReduceOp, 'assign'>): (a: bigint, b: bigint) => bigint {
  if (op === 'amax') return (a, b) => (a > b ? a : b);
  if (op === 'amin') return (a, b) => (a < b ? a : b);
  return (a, b) => BigInt.asIntN(64, a * b);
}

/** The index-shaped part of `src`, as values of `to` (numbers). */
function sourceValues(src: CpuView, index: CpuView, to: DType): Float64Array {
  const n = numel(index.shape);
  const offs = elementOffsets(index.shape, src.strides, src.offset);
  const vals = new Float64Array(n);
  if (src.dtype === 'int64') {
    const s = src.buf.data as BigInt64Array;
    for (let e = 0; e < n; e++) vals[e] = int64To(s[offs[e]!]!, to);
    return vals;
  }
  loadValues(src.buf.data, src.dtype, offs, n, vals);
  applyConvert(vals, n, converter(src.dtype, to));
  return vals;
}

/**
 * `out[...i, index[...], k...] = op(out[…], src[...i, j, k...])` along `dim` (the
 * `scatterReduce` fast path); `assign` leaves the last write to each target.
 *
 * @example
 * scatterReduce('amax', out, 0, index, src);
 */
export function scatterReduce(op: ScatterReduceOp, out: CpuView, dim: number, index: CpuView, src: CpuView): void {
  const dst = targetOffsets(out, dim, index);
  const n = dst.length;
  if (n === 0) return;
  if (op === 'assign') {
    transfer(src.buf.data, src.dtype, elementOffsets(index.shape, src.strides, src.offset), out.buf.data, out.dtype, dst, n);
    return;
  }
  if (out.dtype === 'int64') {
    const o = out.buf.data as BigInt64Array;
    const f = combineInt64(op);
    const offs = elementOffsets(index.shape, src.strides, src.offset);
    const s = src.dtype === 'int64' ? (src.buf.data as BigInt64Array) : null;
    const vals = s ? null : sourceValues(src, index, 'int64');
    for (let e = 0; e < n; e++) {
      const v = s ? s[offs[e]!]! : BigInt(vals![e]!);
      o[dst[e]!] = f(o[dst[e]!]!, v);
    }
    return;
  }
  const vals = sourceValues(src, index, out.dtype);
  const cell = cellOf(out.buf.data, out.dtype);
  const f = combine(op, out.dtype);
  const round = normalizer(out.dtype) ?? ((v: number) => v);
  for (let e = 0; e < n; e++) {
    const at = dst[e]!;
    cell.set(at, round(f(cell.get(at), vals[e]!)));
  }
}

/**
 * The coordinates of the nonzero elements of `x` (NaN included), row-major, into the
 * int64 `[count, rank]` view `out` (the `nonzero` fast path).
 *
 * @example
 * nonzero(x, out); // out: [[0, 1], [1, 0]] for x = [[0, 5], [7, 0]]
 */
export function nonzero(x: CpuView, out: CpuView): void {
  const n = numel(x.shape);
  const rank = x.shape.length;
  const count = out.shape[0]!;
  if (count === 0 || rank === 0) return;
  const vals = new Float64Array(n);
  const big = x.dtype === 'int64' ? (x.buf.data as BigInt64Array) : null;
  const offs = allOffsets(x);
  if (!big) loadValues(x.buf.data, x.dtype, offs, n, vals);
  const o = out.buf.data as BigInt64Array;
  const coord = new Array<number>(rank).fill(0);
  let row = 0;
  for (let e = 0; e < n && row < count; e++) {
    if (big ? big[offs[e]!] !== 0n : vals[e] !== 0) {
      for (let k = 0; k < rank; k++) o[out.offset + row * out.strides[0]! + k * out.strides[1]!] = BigInt(coord[k]!);
      row++;
    }
    for (let k = rank - 1; k >= 0; k--) {
      if (++coord[k]! < x.shape[k]!) break;
      coord[k] = 0;
    }
  }
}
