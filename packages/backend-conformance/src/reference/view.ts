// The oracle's strided view: the same metadata as a backend View, over a plain
// JS array, walked one multi-index at a time (deliberately naive).

import type { DType } from '@torchlet/tensor/backend';
import type { Scalar } from './scalar.js';

/** A strided window onto a plain array: element (i0, i1, …) is `data[offset + Σ ik * strides[k]]`. */
export interface OracleView {
  readonly data: Scalar[];
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** A binary or `where` operand of the oracle: a view, or a JS number broadcast to every element. */
export type OracleOperand = OracleView | number;

/**
 * Number of elements of a shape (1 for rank 0).
 *
 * @example sizeOf([2, 3]) // 6
 */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((n, s) => n * s, 1);
}

/**
 * Calls `fn` with every multi-index of `shape` in row-major order. The index
 * array is reused between calls: copy it to keep it.
 *
 * @example forEachIndex([2, 3], (idx) => console.log(idx.join(',')))
 */
export function forEachIndex(shape: readonly number[], fn: (idx: readonly number[]) => void): void {
  if (shape.some((s) => s === 0)) return;
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  for (;;) {
    fn(idx);
    let d = rank - 1;
    while (d >= 0) {
      const next = (idx[d] ?? 0) + 1;
      if (next < (shape[d] ?? 0)) {
        idx[d] = next;
        break;
      }
      idx[d] = 0;
      d--;
    }
    if (d < 0) return;
  }
}

/**
 * Position in `view.data` of the element at multi-index `idx`.
 *
 * @example positionOf({ data, dtype: 'float32', shape: [2, 2], strides: [1, 2], offset: 1 }, [1, 0]) // 2
 */
export function positionOf(view: OracleView, idx: readonly number[]): number {
  let p = view.offset;
  for (let k = 0; k < idx.length; k++) p += (idx[k] ?? 0) * (view.strides[k] ?? 0);
  return p;
}

/**
 * The element of `view` at `idx`.
 *
 * @example getAt(x, [0, 1])
 */
export function getAt(view: OracleView, idx: readonly number[]): Scalar {
  const v = view.data[positionOf(view, idx)];
  if (v === undefined) throw new Error(`oracle: index [${idx.join(', ')}] is outside the buffer`);
  return v;
}

/**
 * Stores `v` (already of the view's dtype) at `idx`.
 *
 * @example setAt(out, [0, 1], 2.5)
 */
export function setAt(view: OracleView, idx: readonly number[], v: Scalar): void {
  view.data[positionOf(view, idx)] = v;
}

/**
 * The element of an operand at `idx` (a number operand is the same everywhere).
 *
 * @example operandAt(3, [1, 2]) // 3
 */
export function operandAt(x: OracleOperand, idx: readonly number[]): Scalar {
  return typeof x === 'number' ? x : getAt(x, idx);
}

/**
 * The elements of `view` in row-major order.
 *
 * @example viewValues(transposedView) // its elements, row-major
 */
export function viewValues(view: OracleView): Scalar[] {
  const out: Scalar[] = [];
  forEachIndex(view.shape, (idx) => out.push(getAt(view, idx)));
  return out;
}
