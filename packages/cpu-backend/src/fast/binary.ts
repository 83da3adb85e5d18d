// The binary fast path: float32/float64/int32 operands of the compute dtype (or
// scalars) and an output of the result dtype, walked as coalesced rows in which the
// output steps by 1 and each operand by 1 or 0 (contiguous, scalar, broadcast row/column).

import { COMPARISON_OPS, numel } from '@torchlet/tensor/backend';
import type { BinaryOp, DType, Operand } from '@torchlet/tensor/backend';
import type { CpuBuffer, CpuView } from '../buffer.js';
import type { Offsets } from '../storage.js';
import { castScalar } from '../cast.js';
import { binaryFn } from '../binaryOps.js';
import { kernelFor } from './binaryKernels.js';
import { contiguousFloat } from './contiguous.js';
import { isFastDType, smallIndex } from './dtypes.js';
import type { NumArray } from './dtypes.js';
import { PIECE, rows } from './rows.js';
import type { Rows } from './rows.js';

/** True when `v` is a view of `out`'s shape (the contract broadcasts operands to it with 0-strides). */
function sameShape(v: CpuView, out: CpuView): boolean {
  return v.shape.length === out.shape.length && v.shape.every((s, i) => s === out.shape[i]);
}

/** One operand of the row loops: a scalar `value`, or `data` read from row starts stepping by `step` (0 or 1). */
interface RowOperand {
  readonly value: number;
  readonly data: NumArray | null;
  readonly starts: Offsets | null;
  readonly step: number;
}

/** Operand `v` (rows operand `k` when a view); a scalar becomes its value in the compute dtype. */
function operand(v: Operand<CpuBuffer>, dtype: DType, r: Rows, k: number): RowOperand {
  if (typeof v === 'number') return { value: castScalar(v, 'float64', dtype), data: null, starts: null, step: 0 };
  return { value: 0, data: v.buf.data as NumArray, starts: r.starts[k]!, step: r.inner[k]! };
}

/** A whole float tensor (and a scalar or another whole tensor) as one row: the plain loops of contiguousFloat. */
function oneRow(op: BinaryOp, o: NumArray, ob: number, x: RowOperand, y: RowOperand, len: number): boolean {
  if (x.data === null || x.step !== 1 || (y.data !== null && y.step !== 1)) return false;
  const sub = (d: NumArray, at: number): Float32Array | Float64Array => (d as Float32Array | Float64Array).subarray(at, at + len);
  return contiguousFloat(op, sub(o, ob), sub(x.data, x.starts![0]!), y.data === null ? y.value : sub(y.data, y.starts![0]!));
}

/**
 * `out = op(a, b)` through typed loops when the layouts and dtypes allow it; false
 * (nothing written) otherwise. Same results as the general path.
 *
 * @example
 * if (!fastBinary('add', a, b, out, 'float32')) generalPath();
 */
export function fastBinary(op: BinaryOp, a: Operand<CpuBuffer>, b: Operand<CpuBuffer>, out: CpuView, dtype: DType): boolean {
  if (!isFastDType(dtype) || out.dtype !== (COMPARISON_OPS.has(op) ? 'bool' : dtype)) return false;
  const views: CpuView[] = [out];
  if (!smallIndex(out.buf.data)) return false;
  for (const v of [a, b]) {
    if (typeof v === 'number') continue;
    if (v.dtype !== dtype || !sameShape(v, out) || !smallIndex(v.buf.data)) return false;
    views.push(v);
  }
  if (views.length === 1 || numel(out.shape) === 0) return false;
  const f = binaryFn(op, dtype);
  const k = kernelFor(op, dtype, f);
  if (k === null) return false;
  const r = rows(
    out.shape,
    views.map((v) => v.strides),
    views.map((v) => v.offset),
  );
  if (r.inner[0] !== 1 || r.inner.some((s) => s !== 0 && s !== 1)) return false;
  const o = out.buf.data as NumArray;
  const os = r.starts[0]!;
  const x = operand(a, dtype, r, 1);
  const y = operand(b, dtype, r, typeof a === 'number' ? 1 : 2);
  const len = r.len;
  if (r.count === 1 && dtype !== 'int32' && oneRow(op, o, os[0]!, x, y, len)) return true;
  for (let row = 0; row < r.count; row++) {
    for (let p = 0; p < len; p += PIECE) {
      const m = Math.min(PIECE, len - p);
      const ob = os[row]! + p;
      const xb = x.starts === null ? 0 : x.starts[row]! + p * x.step;
      const yb = y.starts === null ? 0 : y.starts[row]! + p * y.step;
      const xv = x.data === null ? x.value : x.step === 0 ? x.data[xb]! : null;
      const yv = y.data === null ? y.value : y.step === 0 ? y.data[yb]! : null;
      if (xv !== null) {
        if (yv !== null) o.fill(f(xv, yv), ob, ob + m);
        else k.sv(o, ob, xv, y.data!, yb, m);
      } else if (yv !== null) k.vs(o, ob, x.data!, xb, yv, m);
      else k.vv(o, ob, x.data!, xb, y.data!, yb, m);
    }
  }
  return true;
}
