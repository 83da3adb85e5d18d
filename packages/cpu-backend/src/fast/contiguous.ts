// The one-row float case of the binary fast path (every operand contiguous, or a
// scalar): add/sub/mul/div as one loop over subarrays, which V8 runs a little
// faster than the row kernels for the very common `a + b` of two whole tensors.

import type { BinaryOp } from '@torchlet/tensor/backend';

type FloatArray = Float32Array | Float64Array;

/**
 * `o[i] = op(x[i], y[i])` (y a scalar or an array) for add/sub/mul/div; false for other ops.
 *
 * @example
 * contiguousFloat('add', o, x, y);
 */
export function contiguousFloat(op: BinaryOp, o: FloatArray, x: FloatArray, y: FloatArray | number): boolean {
  const n = o.length;
  if (typeof y !== 'number') {
    if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i]! + y[i]!;
    else if (op === 'sub') for (let i = 0; i < n; i++) o[i] = x[i]! - y[i]!;
    else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i]! * y[i]!;
    else if (op === 'div') for (let i = 0; i < n; i++) o[i] = x[i]! / y[i]!;
    else return false;
  } else if (op === 'add') for (let i = 0; i < n; i++) o[i] = x[i]! + y;
  else if (op === 'sub') for (let i = 0; i < n; i++) o[i] = x[i]! - y;
  else if (op === 'mul') for (let i = 0; i < n; i++) o[i] = x[i]! * y;
  else if (op === 'div') for (let i = 0; i < n; i++) o[i] = x[i]! / y;
  else return false;
  return true;
}
