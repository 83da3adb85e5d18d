// Python-style scalar arithmetic for LBFGS. PyTorch's LBFGS mixes Python floats with 0-d
// tensors (dot products, 1/ys, the step length t), and an operation with a 0-d float32
// tensor rounds to float32 while Python floats stay float64. Values read from the device
// are kept as TensorScalar so that the same roundings happen here.

import type { DType } from '@torchlet/tensor';

/** A 0-d tensor's value, read to the host: arithmetic with it rounds to `dtype`. */
export class TensorScalar {
  constructor(
    readonly value: number,
    readonly dtype: DType,
  ) {}
}

/** A Python number (a JS number) or a 0-d tensor's value. */
export type PyNum = number | TensorScalar;

const ROUND: Partial<Record<DType, (x: number) => number>> = { float32: Math.fround };

function rounding(a: PyNum, b: PyNum): ((x: number) => number) | null {
  const t = a instanceof TensorScalar ? a : b instanceof TensorScalar ? b : null;
  if (t === null) return null;
  return ROUND[t.dtype] ?? ((x: number) => x);
}

/**
 * The JS number of a PyNum.
 * @example num(new TensorScalar(0.5, 'float32')) // 0.5
 */
export function num(x: PyNum): number {
  return x instanceof TensorScalar ? x.value : x;
}

function binary(a: PyNum, b: PyNum, op: (x: number, y: number) => number): PyNum {
  const r = rounding(a, b);
  if (r === null) return op(a as number, b as number);
  const dtype = a instanceof TensorScalar ? a.dtype : (b as TensorScalar).dtype;
  return new TensorScalar(r(op(r(num(a)), r(num(b)))), dtype);
}

function compare(a: PyNum, b: PyNum, op: (x: number, y: number) => boolean): boolean {
  const r = rounding(a, b) ?? ((x: number) => x);
  return op(r(num(a)), r(num(b)));
}

/** `a + b` as Python evaluates it with tensors. @example add(1, 2) // 3 */
export const add = (a: PyNum, b: PyNum): PyNum => binary(a, b, (x, y) => x + y);
/** `a - b`. @example sub(3, 1) // 2 */
export const sub = (a: PyNum, b: PyNum): PyNum => binary(a, b, (x, y) => x - y);
/** `a * b`. @example mul(2, 3) // 6 */
export const mul = (a: PyNum, b: PyNum): PyNum => binary(a, b, (x, y) => x * y);
/** `a / b` (`float / tensor` is `tensor.reciprocal() * float` in PyTorch). @example div(1, 4) // 0.25 */
export const div = (a: PyNum, b: PyNum): PyNum =>
  b instanceof TensorScalar && !(a instanceof TensorScalar) ? mul(binary(1, b, (x, y) => x / y), a) : binary(a, b, (x, y) => x / y);
/** `-a`. @example neg(2) // -2 */
export const neg = (a: PyNum): PyNum => (a instanceof TensorScalar ? new TensorScalar(-a.value, a.dtype) : -a);
/** `abs(a)`. @example abs(-2) // 2 */
export const abs = (a: PyNum): PyNum => (a instanceof TensorScalar ? new TensorScalar(Math.abs(a.value), a.dtype) : Math.abs(a));
/** `a.sqrt()` of a tensor value (rounded to its dtype). @example sqrt(4) // 2 */
export const sqrt = (a: PyNum): PyNum => (a instanceof TensorScalar ? new TensorScalar((ROUND[a.dtype] ?? ((x) => x))(Math.sqrt(a.value)), a.dtype) : Math.sqrt(a));
/** `a > b`. @example gt(2, 1) // true */
export const gt = (a: PyNum, b: PyNum): boolean => compare(a, b, (x, y) => x > y);
/** `a >= b`. @example ge(1, 1) // true */
export const ge = (a: PyNum, b: PyNum): boolean => compare(a, b, (x, y) => x >= y);
/** `a < b`. @example lt(1, 2) // true */
export const lt = (a: PyNum, b: PyNum): boolean => compare(a, b, (x, y) => x < y);
/** `a <= b`. @example le(1, 1) // true */
export const le = (a: PyNum, b: PyNum): boolean => compare(a, b, (x, y) => x <= y);
/** Python's `min(a, b)`: `a` unless `b < a` (the kind of the chosen one is kept). @example pyMin(2, 1) // 1 */
export const pyMin = (a: PyNum, b: PyNum): PyNum => (lt(b, a) ? b : a);
/** Python's `max(a, b)`: `a` unless `b > a`. @example pyMax(1, 2) // 2 */
export const pyMax = (a: PyNum, b: PyNum): PyNum => (gt(b, a) ? b : a);
