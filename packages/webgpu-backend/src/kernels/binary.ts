// backend.binary: each op is a WGSL expression in the compute dtype; operands
// are converted to it first and the result cast to the out dtype. int8/uint8
// compute in i32 and wrap; int64 calls int64Wgsl.ts's functions.

import { COMPARISON_OPS, NotImplementedError, type BinaryOp, type DType, type Operand, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { dtypeOf, runElementwise, type EwInput } from './elementwise.js';
import { convert, isNarrow, scalarWords, wrap } from './wgslTypes.js';

type Expr = (a: string, b: string) => string;

const FLOAT: Partial<Record<BinaryOp, Expr>> = {
  add: (a, b) => `${a} + ${b}`,
  sub: (a, b) => `${a} - ${b}`,
  mul: (a, b) => `${a} * ${b}`,
  div: (a, b) => `div_f(${a}, ${b})`,
  floorDiv: (a, b) => `floordiv_f(${a}, ${b})`,
  truncDiv: (a, b) => `trunc_f(div_f(${a}, ${b}))`,
  pow: (a, b) => `pow_f(${a}, ${b})`,
  remainder: (a, b) => `remainder_f(${a}, ${b})`,
  fmod: (a, b) => `fmod_f(${a}, ${b})`,
  maximum: (a, b) => `max_f(${a}, ${b})`,
  minimum: (a, b) => `min_f(${a}, ${b})`,
  fmax: (a, b) => `fmax_f(${a}, ${b})`,
  fmin: (a, b) => `fmin_f(${a}, ${b})`,
  atan2: (a, b) => `atan2_f(${a}, ${b})`,
  hypot: (a, b) => `hypot_f(${a}, ${b})`,
  copysign: (a, b) => `with_sign(abs_f(${a}), ${b} < 0.0f || bitcast<u32>(${b}) == 0x80000000u)`,
  xlogy: (a, b) => `select(select(${a} * safe_log(${b}), 0.0f, ${a} == 0.0f), nan_f(), is_nan(${b}))`,
  eq: (a, b) => `u32(${a} == ${b})`,
  ne: (a, b) => `u32(!(${a} == ${b}))`,
  lt: (a, b) => `u32(${a} < ${b})`,
  le: (a, b) => `u32(${a} <= ${b})`,
  gt: (a, b) => `u32(${a} > ${b})`,
  ge: (a, b) => `u32(${a} >= ${b})`,
  logicalAnd: (a, b) => `(to_bool_f(${a}) & to_bool_f(${b}))`,
  logicalOr: (a, b) => `(to_bool_f(${a}) | to_bool_f(${b}))`,
  logicalXor: (a, b) => `(to_bool_f(${a}) ^ to_bool_f(${b}))`,
};

const INT: Partial<Record<BinaryOp, Expr>> = {
  add: (a, b) => `${a} + ${b}`,
  sub: (a, b) => `${a} - ${b}`,
  mul: (a, b) => `${a} * ${b}`,
  floorDiv: (a, b) => `floordiv_i(${a}, ${b})`,
  truncDiv: (a, b) => `truncdiv_i(${a}, ${b})`,
  pow: (a, b) => `pow_i(${a}, ${b})`,
  remainder: (a, b) => `remainder_i(${a}, ${b})`,
  fmod: (a, b) => `fmod_i(${a}, ${b})`,
  maximum: (a, b) => `max(${a}, ${b})`,
  minimum: (a, b) => `min(${a}, ${b})`,
  fmax: (a, b) => `max(${a}, ${b})`,
  fmin: (a, b) => `min(${a}, ${b})`,
  eq: (a, b) => `u32(${a} == ${b})`,
  ne: (a, b) => `u32(${a} != ${b})`,
  lt: (a, b) => `u32(${a} < ${b})`,
  le: (a, b) => `u32(${a} <= ${b})`,
  gt: (a, b) => `u32(${a} > ${b})`,
  ge: (a, b) => `u32(${a} >= ${b})`,
  logicalAnd: (a, b) => `u32(${a} != 0i && ${b} != 0i)`,
  logicalOr: (a, b) => `u32(${a} != 0i || ${b} != 0i)`,
  logicalXor: (a, b) => `u32((${a} != 0i) != (${b} != 0i))`,
  bitwiseAnd: (a, b) => `(${a} & ${b})`,
  bitwiseOr: (a, b) => `(${a} | ${b})`,
  bitwiseXor: (a, b) => `(${a} ^ ${b})`,
  leftShift: (a, b) => `lshift_i(${a}, ${b})`,
  rightShift: (a, b) => `rshift_i(${a}, ${b})`,
};

const i64 = (f: string): Expr => (a, b) => `i64_${f}(${a}, ${b})`;
const INT64: Partial<Record<BinaryOp, Expr>> = {
  add: i64('add'),
  sub: i64('sub'),
  mul: i64('mul'),
  floorDiv: i64('floordiv'),
  truncDiv: i64('truncdiv'),
  pow: i64('pow'),
  remainder: i64('remainder'),
  fmod: i64('fmod'),
  maximum: i64('max'),
  minimum: i64('min'),
  fmax: i64('max'),
  fmin: i64('min'),
  eq: (a, b) => `u32(i64_eq(${a}, ${b}))`,
  ne: (a, b) => `u32(!i64_eq(${a}, ${b}))`,
  lt: (a, b) => `u32(i64_lt(${a}, ${b}))`,
  le: (a, b) => `u32(!i64_lt(${b}, ${a}))`,
  gt: (a, b) => `u32(i64_lt(${b}, ${a}))`,
  ge: (a, b) => `u32(!i64_lt(${a}, ${b}))`,
  logicalAnd: (a, b) => `u32(!i64_is_zero(${a}) && !i64_is_zero(${b}))`,
  logicalOr: (a, b) => `u32(!i64_is_zero(${a}) || !i64_is_zero(${b}))`,
  logicalXor: (a, b) => `u32(i64_is_zero(${a}) != i64_is_zero(${b}))`,
  bitwiseAnd: (a, b) => `(${a} & ${b})`,
  bitwiseOr: (a, b) => `(${a} | ${b})`,
  bitwiseXor: (a, b) => `(${a} ^ ${b})`,
  leftShift: i64('lshift'),
  rightShift: i64('rshift'),
};

// bools are 0u/1u: add is or, mul is and (PyTorch)
const BOOL: Partial<Record<BinaryOp, Expr>> = {
  add: (a, b) => `(${a} | ${b})`,
  maximum: (a, b) => `(${a} | ${b})`,
  fmax: (a, b) => `(${a} | ${b})`,
  bitwiseOr: (a, b) => `(${a} | ${b})`,
  mul: (a, b) => `(${a} & ${b})`,
  minimum: (a, b) => `(${a} & ${b})`,
  fmin: (a, b) => `(${a} & ${b})`,
  bitwiseAnd: (a, b) => `(${a} & ${b})`,
  bitwiseXor: (a, b) => `(${a} ^ ${b})`,
  eq: (a, b) => `u32(${a} == ${b})`,
  ne: (a, b) => `u32(${a} != ${b})`,
  lt: (a, b) => `u32(${a} < ${b})`,
  le: (a, b) => `u32(${a} <= ${b})`,
  gt: (a, b) => `u32(${a} > ${b})`,
  ge: (a, b) => `u32(${a} >= ${b})`,
  logicalAnd: (a, b) => `(${a} & ${b})`,
  logicalOr: (a, b) => `(${a} | ${b})`,
  logicalXor: (a, b) => `(${a} ^ ${b})`,
};

const TABLES: Partial<Record<DType, Partial<Record<BinaryOp, Expr>>>> = { float32: FLOAT, int32: INT, int8: INT, uint8: INT, int64: INT64, bool: BOOL };

/**
 * An operand as an elementwise input: scalars are converted to the compute dtype on the host.
 *
 * @example operandInput(2.5, 'int32') // { scalarWords: [2], dtype: 'int32' }
 */
export function operandInput(x: Operand<GpuBuffer>, computeDtype: DType): EwInput {
  return typeof x === 'number' ? { scalarWords: scalarWords(x, computeDtype), dtype: computeDtype } : { view: x };
}

/**
 * `out[i] = op(a[i], b[i])` in `computeDtype`, cast to `out`'s dtype.
 *
 * @example binary(rt, 'add', a, 1, out, 'float32');
 */
export function binary(rt: Runtime, op: BinaryOp, a: Operand<GpuBuffer>, b: Operand<GpuBuffer>, out: View<GpuBuffer>, computeDtype: DType): void {
  const expr = TABLES[computeDtype]?.[op];
  if (!expr) throw new NotImplementedError(`binary ${op} computed in ${computeDtype} (webgpu)`);
  const compare = COMPARISON_OPS.has(op);
  const resultDtype: DType = compare ? 'bool' : computeDtype;
  const inputs = [operandInput(a, computeDtype), operandInput(b, computeDtype)];
  runElementwise(rt, {
    name: `binary:${op}:${computeDtype}`,
    inputs,
    out,
    body: ([x, y]) => {
      const ca = convert(x!, dtypeOf(inputs[0]!), computeDtype);
      const cb = convert(y!, dtypeOf(inputs[1]!), computeDtype);
      const r = expr(ca, cb);
      return convert(isNarrow(computeDtype) && !compare ? wrap(r, computeDtype) : r, resultDtype, out.dtype);
    },
  });
}
