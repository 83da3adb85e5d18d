// The unary fast path: float32/float64/int32 input, output of the result dtype,
// both walked as coalesced rows stepping by 1: a hand-written row loop for hot float
// ops, else one calling the op's scalar function.

import { numel } from '@torchlet/tensor/backend';
import type { UnaryOp } from '@torchlet/tensor/backend';
import type { CpuView } from '../buffer.js';
import type { Offsets } from '../storage.js';
import { smallIndex } from './dtypes.js';
import type { NumArray } from './dtypes.js';
import { PIECE, rows } from './rows.js';
import { FLOAT_ROWS, genericRow } from './unaryKernels.js';

/**
 * `out[i] = f(x[i])` when both step by 1 within coalesced rows; false (nothing written)
 * otherwise. The caller checks the dtypes: x's storage holds its values and out's
 * store does the rounding/wrapping to out's dtype (float32/float64/int32, or bool 0/1).
 *
 * @example
 * if (!fastUnary('exp', Math.exp, x, out)) generalPath();
 */
export function fastUnary(op: UnaryOp, f: (v: number) => number, x: CpuView, out: CpuView): boolean {
  if (!smallIndex(out.buf.data) || !smallIndex(x.buf.data)) return false;
  if (numel(out.shape) === 0 || x.shape.length !== out.shape.length || x.shape.some((s, i) => s !== out.shape[i])) return false;
  const r = rows(out.shape, [out.strides, x.strides], [out.offset, x.offset]);
  if (r.inner[0] !== 1 || r.inner[1] !== 1) return false;
  const loop = (x.dtype === 'int32' ? undefined : FLOAT_ROWS[op]) ?? genericRow(f);
  const o = out.buf.data as NumArray;
  const a = x.buf.data as NumArray;
  const [os, xs] = r.starts as [Offsets, Offsets];
  const len = r.len;
  for (let row = 0; row < r.count; row++) {
    for (let p = 0; p < len; p += PIECE) loop(o, os[row]! + p, a, xs[row]! + p, Math.min(PIECE, len - p));
  }
  return true;
}
