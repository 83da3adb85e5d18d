// The oracle of `backend.binary`.

import { COMPARISON_OPS, type BinaryOp, type DType } from '@torchlet/tensor/backend';
import { boolBinary, floatBinary, intBinary } from './binaryMath.js';
import { castScalar, isFloatDtype, toBigint, type Scalar } from './scalar.js';
import { forEachIndex, operandAt, setAt, type OracleOperand, type OracleView } from './view.js';

const BITS: Record<DType, number> = {
  bool: 1, uint8: 8, int8: 8, int32: 32, int64: 64, float16: 16, bfloat16: 16, float32: 32, float64: 64,
};

/**
 * `op(a, b)` on two values already converted to `computeDtype`; the result in
 * `computeDtype` (bool 0/1 for comparisons).
 *
 * @example binaryScalar('add', 100, 100, 'int8') // -56
 */
export function binaryScalar(op: BinaryOp, a: Scalar, b: Scalar, computeDtype: DType): Scalar {
  if (isFloatDtype(computeDtype)) {
    // every intermediate step is rounded to the compute dtype, as PyTorch's CPU kernels do
    const round = (x: number): number => Number(castScalar(x, computeDtype));
    const r = floatBinary(op, Number(a), Number(b), round);
    return COMPARISON_OPS.has(op) ? r : castScalar(r, computeDtype);
  }
  const r = computeDtype === 'bool'
    ? boolBinary(op, toBigint(a), toBigint(b))
    : intBinary(op, toBigint(a), toBigint(b), BITS[computeDtype]);
  return COMPARISON_OPS.has(op) ? Number(r) : castScalar(r, computeDtype);
}

/**
 * `out[i] = op(a[i], b[i])` with both operands converted to `computeDtype` first
 * and the result cast to `out`'s dtype.
 *
 * @example binaryOracle('add', a, 2, out, 'float32')
 */
export function binaryOracle(op: BinaryOp, a: OracleOperand, b: OracleOperand, out: OracleView, computeDtype: DType): void {
  forEachIndex(out.shape, (idx) => {
    const x = castScalar(operandAt(a, idx), computeDtype);
    const y = castScalar(operandAt(b, idx), computeDtype);
    setAt(out, idx, castScalar(binaryScalar(op, x, y, computeDtype), out.dtype));
  });
}
