// Reductions over a set of dims: each output element reduces the block of x
// elements that differ only along the reduced dims (walked in row-major order,
// so an arg-reduction's position is the flat index over the reduced dims).

import { elementOffsets, isFloatingPoint, isIntegral, numel } from '@torchlet/tensor/backend';
import type { DType, ReduceOp } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, converter, normalizer } from './cast.js';
import { fastReduce } from './fast/reduce.js';
import { int64To } from './int64.js';
import { CHUNK, allOffsets, loadValues, storeValues } from './storage.js';
import type { Offsets } from './storage.js';

/**
 * x's layout split into the kept dims (one output element each) and the reduced dims.
 *
 * @example
 * splitDims([2, 3], [3, 1], [1]); // kept [2]/[3], reduced [3]/[1]
 */
export function splitDims(
  shape: readonly number[],
  strides: readonly number[],
  dims: readonly number[],
): { keptShape: number[]; keptStrides: number[]; redShape: number[]; redStrides: number[] } {
  const rank = shape.length;
  const reduced = new Set(dims.map((d) => (d < 0 ? d + rank : d)));
  const out = { keptShape: [] as number[], keptStrides: [] as number[], redShape: [] as number[], redStrides: [] as number[] };
  for (let d = 0; d < rank; d++) {
    if (reduced.has(d)) {
      out.redShape.push(shape[d]!);
      out.redStrides.push(strides[d]!);
    } else {
      out.keptShape.push(shape[d]!);
      out.keptStrides.push(strides[d]!);
    }
  }
  return out;
}

// foldBlock's chunk buffers, shared by every call: it runs once per output element
const VALS = new Float64Array(CHUNK);
const IDX = new Int32Array(CHUNK);

/** Reads `arr[base + inner[j]]` for j in chunks and folds them with `step`; `step` returns false to stop early. */
function foldBlock(
  data: CpuView['buf']['data'],
  dtype: DType,
  base: number,
  inner: Offsets,
  step: (vals: Float64Array, len: number, offset: number) => boolean,
): void {
  const m = inner.length;
  const vals = VALS;
  const idx = IDX;
  for (let start = 0; start < m; start += CHUNK) {
    const len = Math.min(CHUNK, m - start);
    for (let j = 0; j < len; j++) idx[j] = base + inner[start + j]!;
    loadValues(data, dtype, idx, len, vals);
    if (!step(vals, len, start)) return;
  }
}

/** The result of `op` over one block, as a number (sum/prod in float64 or as exact integers). */
function reduceBlock(op: ReduceOp, x: CpuView, base: number, inner: Offsets): number {
  const m = inner.length;
  if (m === 0) {
    if (op === 'sum' || op === 'any') return 0;
    if (op === 'prod' || op === 'all') return 1;
    throw new Error(`cpu: ${op} of an empty dimension has no identity`);
  }
  let acc = op === 'prod' || op === 'all' ? 1 : 0;
  let best = NaN;
  let bestAt = -1;
  foldBlock(x.buf.data, x.dtype, base, inner, (v, len, offset) => {
    switch (op) {
      case 'sum':
        for (let j = 0; j < len; j++) acc += v[j]!;
        return true;
      case 'prod':
        for (let j = 0; j < len; j++) acc *= v[j]!;
        return true;
      case 'all':
        for (let j = 0; j < len; j++) if (v[j] === 0) return ((acc = 0), false);
        return true;
      case 'any':
        for (let j = 0; j < len; j++) if (v[j] !== 0) return ((acc = 1), false);
        return true;
      default: {
        // max/min/argmax/argmin: first extreme wins, a NaN is the extreme and ends the search
        const isMax = op === 'max' || op === 'argmax';
        for (let j = 0; j < len; j++) {
          const e = v[j]!;
          if (e !== e) return ((best = e), (bestAt = offset + j), false);
          if (bestAt < 0 || (isMax ? e > best : e < best)) {
            best = e;
            bestAt = offset + j;
          }
        }
        return true;
      }
    }
  });
  if (op === 'argmax' || op === 'argmin') return bestAt;
  if (op === 'max' || op === 'min') return best;
  return acc;
}

/** sum/prod of int64 (and every integer prod) with bigints, wrapping modulo 2^64 as PyTorch's int64 accumulator. */
function reduceBlockBig(op: 'sum' | 'prod', x: CpuView, base: number, inner: Offsets): bigint {
  let acc = op === 'sum' ? 0n : 1n;
  if (x.dtype === 'int64') {
    const a = x.buf.data as BigInt64Array;
    for (let j = 0; j < inner.length; j++) {
      const v = a[base + inner[j]!]!;
      acc = BigInt.asIntN(64, op === 'sum' ? acc + v : acc * v);
    }
    return acc;
  }
  foldBlock(x.buf.data, x.dtype, base, inner, (v, len) => {
    for (let j = 0; j < len; j++) acc = BigInt.asIntN(64, op === 'sum' ? acc + BigInt(v[j]!) : acc * BigInt(v[j]!));
    return true;
  });
  return acc;
}

/** max/min/argmax/argmin of int64 on the bigints themselves: [extreme, its position]. */
function extremeInt64(op: ReduceOp, x: CpuView, base: number, inner: Offsets): [bigint, number] {
  if (inner.length === 0) throw new Error(`cpu: ${op} of an empty dimension has no identity`);
  const a = x.buf.data as BigInt64Array;
  const isMax = op === 'max' || op === 'argmax';
  let best = a[base + inner[0]!]!;
  let at = 0;
  for (let j = 1; j < inner.length; j++) {
    const v = a[base + inner[j]!]!;
    if (isMax ? v > best : v < best) {
      best = v;
      at = j;
    }
  }
  return [best, at];
}

/** The dtype whose values the reduction's results are (before the cast to out's dtype). */
function resultDtype(op: ReduceOp, x: CpuView, out: CpuView): DType {
  switch (op) {
    case 'argmax':
    case 'argmin':
      return 'int64';
    case 'all':
    case 'any':
      return 'bool';
    case 'max':
    case 'min':
      return x.dtype;
    default:
      // sums accumulate in float64 for float outputs, as exact integers otherwise
      return isFloatingPoint(out.dtype) || isFloatingPoint(x.dtype) ? 'float64' : 'int64';
  }
}

/**
 * Reduces `x` over `dims` into `out` (x's rank, reduced dims of size 1).
 *
 * @example
 * reduce('argmax', x, [1], out); // out is int64
 */
export function reduce(op: ReduceOp, x: CpuView, dims: readonly number[], out: CpuView): void {
  const split = splitDims(x.shape, x.strides, dims);
  const { keptShape, keptStrides, redShape, redStrides } = split;
  const outer = elementOffsets(keptShape, keptStrides, x.offset);
  const n = outer.length;
  const oIdx = allOffsets(out);
  if (numel(out.shape) !== n) throw new Error(`cpu: reduce output has ${numel(out.shape)} elements, expected ${n}`);
  const from = resultDtype(op, x, out);
  const big = (op === 'sum' || op === 'prod') && from === 'int64' && isIntegral(out.dtype, true) && (op === 'prod' || x.dtype === 'int64');
  const fast = big ? null : fastReduce(op, x, split, outer);
  if (fast !== null) {
    storeResults(fast, from, out, oIdx);
    return;
  }
  const inner = elementOffsets(redShape, redStrides, 0);
  if (big && out.dtype === 'int64') {
    const o = out.buf.data as BigInt64Array;
    for (let i = 0; i < n; i++) o[oIdx[i]!] = reduceBlockBig(op, x, outer[i]!, inner);
    return;
  }
  if (x.dtype === 'int64' && (op === 'max' || op === 'min' || op === 'argmax' || op === 'argmin')) {
    const arg = op === 'argmax' || op === 'argmin';
    const best = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const [v, at] = extremeInt64(op, x, outer[i]!, inner);
      best[i] = arg ? BigInt(at) : v;
    }
    const vals = new Float64Array(n);
    if (out.dtype === 'int64') for (let i = 0; i < n; i++) (out.buf.data as BigInt64Array)[oIdx[i]!] = best[i]!;
    else {
      for (let i = 0; i < n; i++) vals[i] = int64To(best[i]!, out.dtype);
      storeValues(out.buf.data, out.dtype, oIdx, n, vals);
    }
    return;
  }
  const results = new Float64Array(n);
  const bits = out.dtype === 'int32' ? 32 : 8;
  for (let i = 0; i < n; i++) {
    if (!big) results[i] = reduceBlock(op, x, outer[i]!, inner);
    else {
      const acc = reduceBlockBig(op as 'sum' | 'prod', x, outer[i]!, inner);
      results[i] = out.dtype === 'bool' ? Number(acc !== 0n) : Number(BigInt.asIntN(bits, acc));
    }
  }
  if (big) storeValues(out.buf.data, out.dtype, oIdx, n, results);
  else storeResults(results, from, out, oIdx);
}

/** Stores results of dtype `from` (int64 ones as float64 numbers) into `out` at `oIdx`, cast to out's dtype. */
function storeResults(results: Float64Array, from: DType, out: CpuView, oIdx: Offsets): void {
  const n = results.length;
  applyConvert(results, n, from === 'int64' ? normalizer('int64') : null);
  applyConvert(results, n, converter(from, out.dtype));
  storeValues(out.buf.data, out.dtype, oIdx, n, results);
}
