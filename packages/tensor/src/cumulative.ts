// cummax and cummin: running extremes with the index where each was reached,
// from the scan fast path (or its decomposition) and elementwise primitives.

import { isFloatingPoint } from './backend/dtype.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { cast, clone } from './copy.js';
import { arange, full } from './creation.js';
import { binaryOp, unaryOp, where } from './elementwise.js';
import { scanOp } from './reduce.js';
import { tracedValuesIndices } from './order.js';
import type { ValuesIndices } from './reduce.js';
import { viewTensor } from './tensor.js';
import { defineOp } from './trace.js';

const CUMMAX = defineOp('cummax');
const CUMMIN = defineOp('cummin');

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
