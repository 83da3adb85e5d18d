// cummax and cummin (running extremes with the index where each was reached,
// from the scan fast path or its decomposition) and logcumsumexp (a scan of
// logaddexp written with elementwise primitives).

import { isFloatingPoint } from './backend/dtype.js';
import { SCALAR_TYPE_NAME } from './dtype.js';
import { RuntimeError } from './errors.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { cast, clone } from './copy.js';
import { arange, full } from './creation.js';
import { binaryOp, unaryOp, where } from './elementwise.js';
import { narrow } from './views.js';
import { scanOp } from './reduce.js';
import { tracedValuesIndices } from './order.js';
import type { ValuesIndices } from './reduce.js';
import { viewTensor } from './tensor.js';
import { defineOp, traced } from './trace.js';

const CUMMAX = defineOp('cummax');
const CUMMIN = defineOp('cummin');
const LOGCUMSUMEXP = defineOp('logcumsumexp');

/**
 * Running max (min) along `d` and its index. PyTorch moves the index whenever an
 * element equals the running extreme (`>=`: the last of equal maxima), and at every
 * NaN once the extreme is NaN: exactly the positions where `x == extreme` or x is NaN.
 * The index is then the running max of those positions.
 */
function cumExtreme(op: 'max' | 'min', x: Tensor, dim: number): [Tensor, Tensor] {
  const d = normalizeDim(dim, x.ndim);
  if (x.ndim === 0) return [clone(x), full([], 0, { dtype: 'int64', device: x.device })];
  // bool scans run as uint8
  const src = x.dtype === 'bool' ? cast(x, 'uint8') : x;
  const scanned = scanOp(op, src, d, src.dtype);
  const values = x.dtype === 'bool' ? cast(scanned, 'bool') : scanned;
  if (x.numel() === 0) return [values, full(x.shape, 0, { dtype: 'int64', device: x.device })];
  let moved = binaryOp('eq', src, scanned);
  if (isFloatingPoint(x.dtype)) moved = binaryOp('logicalOr', moved, unaryOp('isnan', x));
  const iota = arange(x.shape[d]!, { device: x.device });
  const positions = viewTensor(iota, x.shape, alongDim(x.ndim, d), 0);
  const marks = where(moved, positions, 0);
  return [values, scanOp('max', marks, d, 'int64')];
}

/** Strides of a 1-D iota seen along dim `d` of a rank-`rank` shape. */
function alongDim(rank: number, d: number): number[] {
  return Array.from({ length: rank }, (_, k) => (k === d ? 1 : 0));
}

/**
 * `torch.cummax(x, dim)` → [values, indices]: running maxima along `dim` (NaN propagates).
 * @example torch.tensor([1, 3, 2]).cummax(0).indices // tensor([0, 1, 1])
 */
export function cummax(x: Tensor, dim: number): ValuesIndices {
  return tracedValuesIndices(CUMMAX, [x], { dim }, () => cumExtreme('max', x, dim));
}

/**
 * `torch.cummin(x, dim)` → [values, indices]: running minima along `dim` (NaN propagates).
 * @example torch.tensor([3, 1, 2]).cummin(0).values // tensor([3, 1, 1])
 */
export function cummin(x: Tensor, dim: number): ValuesIndices {
  return tracedValuesIndices(CUMMIN, [x], { dim }, () => cumExtreme('min', x, dim));
}

/** log(exp(a) + exp(b)) without overflow; equal arguments (±Inf included) give a + log 2. */
function logaddexp(a: Tensor, b: Tensor): Tensor {
  const spread = unaryOp('neg', unaryOp('abs', binaryOp('sub', a, b)));
  const general = binaryOp('add', binaryOp('maximum', a, b), unaryOp('log1p', unaryOp('exp', spread)));
  return where(binaryOp('eq', a, b), binaryOp('add', a, Math.LN2), general);
}

/**
 * `torch.logcumsumexp(x, dim)`: log of the running sums of exp(x) along `dim`, computed
 * stably (a Hillis–Steele scan of logaddexp: log2(n) rounds of elementwise ops).
 * @example torch.tensor([1, 2]).float().logcumsumexp(0) // tensor([1.0000, 2.3133])
 */
export function logcumsumexp(x: Tensor, dim: number): Tensor {
  return traced(LOGCUMSUMEXP, [x], { dim }, () => {
    const d = normalizeDim(dim, x.ndim);
    if (!isFloatingPoint(x.dtype) || x.dtype === 'float16') {
      throw new RuntimeError(`"logcumsumexp_out_cpu" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
    }
    // bfloat16 accumulates in float32, as PyTorch's kernel does
    let cur = cast(x, x.dtype === 'bfloat16' ? 'float32' : x.dtype, true);
    const n = x.ndim === 0 ? 1 : x.shape[d]!;
    for (let shift = 1; shift < n; shift *= 2) {
      const next = clone(cur);
      const tail = narrow(next, d, shift, n - shift);
      tail.copy_(logaddexp(narrow(cur, d, shift, n - shift), narrow(cur, d, 0, n - shift)));
      cur = next;
    }
    return cast(cur, x.dtype);
  });
}
