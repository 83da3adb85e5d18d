// Binary elementwise ops: both operands converted to the compute dtype, the
// result rounded/wrapped to it (bool for comparisons), then cast to out's dtype.

import { RuntimeError } from '@torchlet/tensor/backend';
import { COMPARISON_OPS, isIntegral } from '@torchlet/tensor/backend';
import type { BinaryOp, DType, Operand } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from './buffer.js';
import { applyConvert, normalizer } from './cast.js';
import { fastBinary } from './fast/binary.js';
import { binaryFn } from './binaryOps.js';
import { INT64_BINARY } from './int64.js';
import { forChunks, sink, sinkInt64, source, sourceInt64 } from './pipeline.js';
import { CHUNK } from './storage.js';

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
  if (fastBinary(op, a, b, out, computeDtype)) return;
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
