// Binary elementwise ops: both operands converted to the compute dtype, the
// result rounded/wrapped to it (bool for comparisons), then cast to out's dtype.

import { RuntimeError } from '@torchlet/tensor/backend';
import { COMPARISON_OPS, isContiguousLayout, isIntegral, numel } from '@torchlet/tensor/backend';
import type { BinaryOp, DType, Operand } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';
import { applyConvert, castScalar, normalizer } from './cast.js';
import { binaryFn } from './binaryOps.js';
import { INT64_BINARY } from './int64.js';
import { forChunks, sink, sinkInt64, source, sourceInt64 } from './pipeline.js';
import { CHUNK } from './storage.js';

type FloatArray = Float32Array | Float64Array;

/** Float32/float64 add, sub, mul, div on contiguous views of the compute dtype (or scalars): one typed loop. */
function tryFastPath(op: BinaryOp, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView, dtype: DType): boolean {
  if (dtype !== 'float32' && dtype !== 'float64') return false;
  if (op !== 'add' && op !== 'sub' && op !== 'mul' && op !== 'div') return false;
  const plain = (v: Operand<CpuBuffer>): boolean => typeof v === 'number' || (v.dtype === dtype && isContiguousLayout(v.shape, v.strides));
  if (out.dtype !== dtype || !plain(out) || !plain(a) || !plain(b)) return false;
  if (typeof a === 'number' && typeof b === 'number') return false;
  const n = numel(out.shape);
  const o = (out.buf.data as FloatArray).subarray(out.offset, out.offset + n);
  const arr = (v: Operand<CpuBuffer>): FloatArray | number =>
    typeof v === 'number' ? castScalar(v, 'float64', dtype) : (v.buf.data as FloatArray).subarray(v.offset, v.offset + n);
  const x = arr(a);
  const y = arr(b);
  if (typeof x !== 'number' && typeof y !== 'number') {
    if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i]! + y[i]!;
    else if (op === 'sub') for (let i = 0; i < n; i++) o[i] = x[i]! - y[i]!;
    else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i]! * y[i]!;
    else for (let i = 0; i < n; i++) o[i] = x[i]! / y[i]!;
  } else if (typeof y === 'number' && typeof x !== 'number') {
    if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i]! + y;
    else if (op === 'sub') for (let i = 0; i < n; i++) o[i] = x[i]! - y;
    else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i]! * y;
    else for (let i = 0; i < n; i++) o[i] = x[i]! / y;
  } else {
    return false;
  }
  return true;
}

/**
 * `out[i] = op(a[i], b[i])` computed in `computeDtype` (see the Backend contract).
 *
 * @example
 * binary('add', a, 1, out, 'float32');
 */
export function binary(op: BinaryOp, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView, computeDtype: DType): void {
  if (op === 'pow' && typeof b === 'number' && b < 0 && isIntegral(computeDtype, true)) {
    throw new RuntimeError('Integers to negative integer powers are not allowed.');
  }
  if (tryFastPath(op, a, b, out, computeDtype)) return;
  if (computeDtype === 'int64') {
    binaryInt64(op, a, b, out);
    return;
  }
  const comparison = COMPARISON_OPS.has(op);
  const f = binaryFn(op, computeDtype);
  const norm = comparison ? null : normalizer(computeDtype);
  const sa = source(a, computeDtype);
  const sb = source(b, computeDtype);
  const dst = sink(out, comparison ? 'bool' : computeDtype);
  const r = new Float64Array(CHUNK);
  forChunks(dst.walk.n, (start, len) => {
    const x = sa.read(start, len);
    const y = sb.read(start, len);
    for (let i = 0; i < len; i++) r[i] = f(x[i]!, y[i]!);
    applyConvert(r, len, norm);
    dst.write(start, len, r);
  });
}

/** int64 compute on bigints: exact beyond 2^53, wrapping modulo 2^64 on store. */
function binaryInt64(op: BinaryOp, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView): void {
  const f = INT64_BINARY[op];
  const sa = sourceInt64(a);
  const sb = sourceInt64(b);
  const r = new BigInt64Array(CHUNK);
  const dst = sinkInt64(out); // comparisons give 0n/1n, cast like any int64
  forChunks(dst.n, (start, len) => {
    const x = sa.read(start, len);
    const y = sb.read(start, len);
    for (let i = 0; i < len; i++) r[i] = f(x[i]!, y[i]!); // the store wraps modulo 2^64
    dst.write(start, len, r);
  });
}
