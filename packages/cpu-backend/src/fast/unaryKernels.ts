// Row loops for the hot float unary ops, each its own function: V8 inlines the math
// into the loop instead of calling a function value that every op shares. The
// expressions are those of unary.ts's FLOAT table, so the results are the same.
// Indices are `(start + i) | 0` (callers check smallIndex): V8 then drops the overflow checks.

import type { UnaryOp } from '@torchlet/tensor/backend';
import type { NumArray } from './dtypes.js';

/** `o[(ob + i) | 0] = op(x[(xb + i) | 0])` for `i < n`. */
export type UnaryRow = (o: NumArray, ob: number, x: NumArray, xb: number, n: number) => void;

/** Hand-written rows for float32/float64 inputs. */
export const FLOAT_ROWS: Partial<Record<UnaryOp, UnaryRow>> = {
  neg: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = -x[(xb + i) | 0]!;
  },
  abs: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.abs(x[(xb + i) | 0]!);
  },
  square: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[(xb + i) | 0]!;
      o[(ob + i) | 0] = v * v;
    }
  },
  reciprocal: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = 1 / x[(xb + i) | 0]!;
  },
  exp: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.exp(x[(xb + i) | 0]!);
  },
  log: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.log(x[(xb + i) | 0]!);
  },
  sqrt: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.sqrt(x[(xb + i) | 0]!);
  },
  rsqrt: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = 1 / Math.sqrt(x[(xb + i) | 0]!);
  },
  sin: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.sin(x[(xb + i) | 0]!);
  },
  cos: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.cos(x[(xb + i) | 0]!);
  },
  tanh: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = Math.tanh(x[(xb + i) | 0]!);
  },
  sigmoid: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = 1 / (1 + Math.exp(-x[(xb + i) | 0]!));
  },
  silu: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[(xb + i) | 0]!;
      o[(ob + i) | 0] = v / (1 + Math.exp(-v));
    }
  },
  relu: (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) {
      const v = x[(xb + i) | 0]!;
      o[(ob + i) | 0] = v < 0 ? 0 : v;
    }
  },
};

/**
 * Row loop calling `f` per element: ops without a hand-written row.
 *
 * @example
 * genericRow(Math.atan)(o, 0, x, 0, n);
 */
export function genericRow(f: (v: number) => number): UnaryRow {
  return (o, ob, x, xb, n) => {
    for (let i = 0; i < n; i++) o[(ob + i) | 0] = f(x[(xb + i) | 0]!);
  };
}
