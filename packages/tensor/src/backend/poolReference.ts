// Pooling of any spatial rank, decomposed into primitives: pad (fill + copy),
// strided windows copied into rows, reduce over each row; max pooling's indices
// come from gathering a table of input positions at each row's argmax, and
// average pooling divides by a table of PyTorch's divisors.

import { allocStorageArray, type DType } from './dtype.js';
import { numel } from './layout.js';
import type { Backend, BackendBuffer, View } from './types.js';
import { multiIndices, padInto, scratch, sweepExtent, windowsView } from './windows.js';

/** A pooling window (one entry per spatial dim). */
export interface PoolParams {
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly dilation: readonly number[];
}

/** Average pooling: a window without dilation and its divisor rule. */
export interface AvgPoolParams {
  readonly kernelSize: readonly number[];
  readonly stride: readonly number[];
  readonly padding: readonly number[];
  readonly countIncludePad: boolean;
  readonly divisorOverride: number | undefined;
}

/** `v` with a trailing dim of size 1 (a keepdim reduction's output). */
function withUnit<B extends BackendBuffer>(v: View<B>): View<B> {
  return { ...v, shape: [...v.shape, 1], strides: [...v.strides, 1] };
}

/** The windows of `x` padded with `value`, copied to a scratch [N, C, ...out, Πkernel]. */
function windowRows<B extends BackendBuffer>(
  backend: Backend<B>,
  x: View<B>,
  p: PoolParams,
  outSize: readonly number[],
  value: number,
): View<B> {
  const extent = outSize.map((o, i) => sweepExtent(o, p.kernelSize[i]!, p.stride[i]!, p.dilation[i]!));
  const padded = padInto(backend, x, p.padding, extent, value);
  try {
    const w = windowsView(padded, p.kernelSize, p.stride, p.dilation, outSize);
    const rows = scratch(backend, x.dtype, w.shape);
    backend.copy(w, rows);
    const shape = [...w.shape.slice(0, 2 + outSize.length), numel(p.kernelSize)];
    return { ...rows, shape, strides: rowMajor(shape) };
  } finally {
    backend.free(padded.buf);
  }
}

function rowMajor(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  for (let i = shape.length - 1, acc = 1; i >= 0; i--) {
    s[i] = acc;
    acc *= Math.max(shape[i]!, 1);
  }
  return s;
}

/** Uploads `values` as a new row-major scratch of `dtype` and `shape`. */
function upload<B extends BackendBuffer>(backend: Backend<B>, dtype: DType, shape: readonly number[], values: ArrayLike<number>): View<B> {
  const v = scratch(backend, dtype, shape);
  const data = allocStorageArray(dtype, Math.max(values.length, 1));
  if (data instanceof BigInt64Array) for (let i = 0; i < values.length; i++) data[i] = BigInt(values[i]!);
  else (data as Float32Array).set(values);
  backend.write(v.buf, data);
  return v;
}

/**
 * For each output position and window slot, the flat input-plane index of the
 * slot; slots in the padding hold the window's first in-range position (what
 * PyTorch reports when nothing in the window beats -Inf).
 */
function indexTable(input: readonly number[], p: PoolParams, outSize: readonly number[]): Float64Array {
  const planeStrides = rowMajor(input);
  const kp = numel(p.kernelSize);
  const slots = multiIndices(p.kernelSize);
  const table = new Float64Array(numel(outSize) * kp);
  multiIndices(outSize).forEach((o, r) => {
    let first = 0;
    o.forEach((oi, i) => {
      let start = oi * p.stride[i]! - p.padding[i]!;
      while (start < 0) start += p.dilation[i]!;
      first += start * planeStrides[i]!;
    });
    slots.forEach((k, s) => {
      let flat = 0;
      let inside = true;
      k.forEach((ki, i) => {
        const pos = o[i]! * p.stride[i]! - p.padding[i]! + ki * p.dilation[i]!;
        if (pos < 0 || pos >= input[i]!) inside = false;
        flat += pos * planeStrides[i]!;
      });
      table[r * kp + s] = inside ? flat : first;
    });
  });
  return table;
}

/**
 * Max pooling with indices (flat per input plane, as PyTorch's, int64).
 *
 * @example maxPool(backend, x, out, indices, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1] })
 */
export function maxPool<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, out: View<B>, indices: View<B>, p: PoolParams): void {
  if (numel(out.shape) === 0) return;
  const outSize = out.shape.slice(2);
  const rows = windowRows(backend, x, p, outSize, -Infinity);
  const kp = rows.shape[rows.shape.length - 1]!;
  const arg = scratch(backend, indices.dtype, [...out.shape, 1]);
  const table = upload(backend, indices.dtype, [...outSize, kp], indexTable(x.shape.slice(2), p, outSize));
  try {
    backend.reduce('max', rows, [rows.shape.length - 1], withUnit(out));
    backend.reduce('argmax', rows, [rows.shape.length - 1], arg);
    const tableView: View<B> = { ...table, shape: rows.shape, strides: [0, 0, ...table.strides] };
    backend.gather(tableView, rows.shape.length - 1, arg, withUnit(indices));
  } finally {
    for (const v of [rows, arg, table]) backend.free(v.buf);
  }
}

/** PyTorch's divisor of each window (1 for a window wholly outside the input, whose sum is 0). */
function divisorTable(input: readonly number[], p: AvgPoolParams, outSize: readonly number[]): Float64Array {
  const table = new Float64Array(numel(outSize));
  multiIndices(outSize).forEach((o, r) => {
    let padded = 1;
    let inside = 1;
    o.forEach((oi, i) => {
      const start = oi * p.stride[i]! - p.padding[i]!;
      const end = Math.min(start + p.kernelSize[i]!, input[i]! + p.padding[i]!);
      padded *= end - start;
      inside *= Math.max(Math.min(end, input[i]!) - Math.max(start, 0), 0);
    });
    table[r] = inside === 0 ? 1 : p.divisorOverride ?? (p.countIncludePad ? padded : inside);
  });
  return table;
}

/**
 * Average pooling (integer dtypes divide with truncation, as PyTorch's CPU kernel).
 *
 * @example avgPool(backend, x, out, { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0], countIncludePad: true, divisorOverride: undefined })
 */
export function avgPool<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, out: View<B>, p: AvgPoolParams): void {
  if (numel(out.shape) === 0) return;
  const outSize = out.shape.slice(2);
  const window: PoolParams = { ...p, dilation: p.kernelSize.map(() => 1) };
  const rows = windowRows(backend, x, window, outSize, 0);
  const sum = scratch(backend, out.dtype, [...out.shape, 1]);
  const isFloat = out.dtype.startsWith('float') || out.dtype === 'bfloat16';
  const divisors = upload(backend, isFloat ? 'float32' : 'int64', outSize, divisorTable(x.shape.slice(2), p, outSize));
  try {
    backend.reduce('sum', rows, [rows.shape.length - 1], sum);
    const d: View<B> = { ...divisors, shape: out.shape, strides: [0, 0, ...divisors.strides] };
    const s: View<B> = { ...sum, shape: out.shape, strides: sum.strides.slice(0, -1) };
    backend.binary(isFloat ? 'div' : 'truncDiv', s, d, out, isFloat ? out.dtype : 'int64');
  } finally {
    for (const v of [rows, sum, divisors]) backend.free(v.buf);
  }
}
