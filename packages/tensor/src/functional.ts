// torch.<op>(x, …) forms of the Tensor methods, for `import * as torch`.

import type { DType } from './backend/dtype.js';
import type { TensorOrScalar } from './operands.js';
import type { Tensor } from './tensor.js';
import * as E from './elementwise.js';
import { isFloatingPoint as isFloatDtype } from './backend/dtype.js';
import type * as R from './reduce.js';
import type { SizeArgs } from './shape.js';

type Unary = (x: Tensor) => Tensor;
const u = (name: keyof Tensor & string): Unary => (x) => (x[name] as () => Tensor).call(x);

export const abs = u('abs');
export const neg = u('neg');
export const negative = u('neg');
export const exp = u('exp');
export const exp2 = u('exp2');
export const expm1 = u('expm1');
export const log = u('log');
export const log2 = u('log2');
export const log10 = u('log10');
export const log1p = u('log1p');
export const sqrt = u('sqrt');
export const rsqrt = u('rsqrt');
export const sin = u('sin');
export const cos = u('cos');
export const tan = u('tan');
export const asin = u('asin');
export const acos = u('acos');
export const atan = u('atan');
export const sinh = u('sinh');
export const cosh = u('cosh');
export const tanh = u('tanh');
export const asinh = u('asinh');
export const acosh = u('acosh');
export const atanh = u('atanh');
export const sigmoid = u('sigmoid');
export const relu = u('relu');
export const silu = u('silu');
export const erf = u('erf');
export const erfc = u('erfc');
export const erfinv = u('erfinv');
export const floor = u('floor');
export const ceil = u('ceil');
export const trunc = u('trunc');
export const frac = u('frac');
export const sign = u('sign');
export const sgn = u('sign');
export const signbit = u('signbit');
export const reciprocal = u('reciprocal');
export const square = u('square');
export const isnan = u('isnan');
export const isinf = u('isinf');
export const isposinf = u('isposinf');
export const isneginf = u('isneginf');
export const isfinite = u('isfinite');
export const logicalNot = u('logicalNot');
export const bitwiseNot = u('bitwiseNot');
export const t = u('t');
export const clone = u('clone');
export const contiguous = u('contiguous');

/** `torch.round(x, { decimals })`. */
export const round = (x: Tensor, opts?: { decimals?: number }): Tensor => x.round(opts);
/** `torch.nan_to_num(x, { nan, posinf, neginf })`. */
export const nanToNum = (x: Tensor, opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor => x.nanToNum(opts);
export { add, sub, div, pow, where, clamp, gelu, softplus, isclose, allclose, floorDivide } from './elementwise.js';
export const subtract = E.sub;
export const mul = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.mul(a, b);
export const multiply = mul;
export const divide = E.div;
export const trueDivide = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.div(a, b);
export const clip = E.clamp;
export const remainder = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('remainder', a, b);
export const fmod = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('fmod', a, b);
export const maximum = (a: Tensor, b: Tensor): Tensor => E.binaryOp('maximum', a, b);
export const minimum = (a: Tensor, b: Tensor): Tensor => E.binaryOp('minimum', a, b);
export const fmax = (a: Tensor, b: Tensor): Tensor => E.binaryOp('fmax', a, b);
export const fmin = (a: Tensor, b: Tensor): Tensor => E.binaryOp('fmin', a, b);
export const atan2 = (a: Tensor, b: Tensor): Tensor => E.floatBinary('atan2', a, b);
export const arctan2 = atan2;
export const hypot = (a: Tensor, b: Tensor): Tensor => E.floatBinary('hypot', a, b);
export const copysign = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.floatBinary('copysign', a, b);
export const xlogy = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.floatBinary('xlogy', a, b);
export const eq = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('eq', a, b);
export const ne = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('ne', a, b);
export const lt = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('lt', a, b);
export const le = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('le', a, b);
export const gt = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('gt', a, b);
export const ge = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('ge', a, b);
export const greater = gt;
export const greaterEqual = ge;
export const less = lt;
export const lessEqual = le;
export const notEqual = ne;
/** `torch.equal(a, b)`. */
export const equal = (a: Tensor, b: Tensor): boolean => a.equal(b);
export const logicalAnd = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalAnd', a, b);
export const logicalOr = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalOr', a, b);
export const logicalXor = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalXor', a, b);
export const bitwiseAnd = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseAnd', a, b);
export const bitwiseOr = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseOr', a, b);
export const bitwiseXor = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseXor', a, b);
export const bitwiseLeftShift = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('leftShift', a, b);
export const bitwiseRightShift = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('rightShift', a, b);
/** `torch.lerp(start, end, weight)`. */
export const lerp = (a: Tensor, b: Tensor, w: TensorOrScalar): Tensor => E.lerp(a, b, w);

// views
export const reshape = (x: Tensor, ...shape: SizeArgs): Tensor => x.reshape(...shape);
export const permute = (x: Tensor, ...dims: SizeArgs): Tensor => x.permute(...dims);
export const transpose = (x: Tensor, d0: number, d1: number): Tensor => x.transpose(d0, d1);
export const swapaxes = transpose;
export const squeeze = (x: Tensor, dim?: number | readonly number[]): Tensor => x.squeeze(dim);
export const unsqueeze = (x: Tensor, dim: number): Tensor => x.unsqueeze(dim);
export const flatten = (x: Tensor, startDim = 0, endDim = -1): Tensor => x.flatten(startDim, endDim);
export const unflatten = (x: Tensor, dim: number, sizes: readonly number[]): Tensor => x.unflatten(dim, sizes);
export const narrow = (x: Tensor, dim: number, start: number, length: number): Tensor => x.narrow(dim, start, length);
export const select = (x: Tensor, dim: number, index: number): Tensor => x.select(dim, index);
export const diagonal = (x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor => x.diagonal(offset, dim1, dim2);
export const movedim = (x: Tensor, s: number | readonly number[], d: number | readonly number[]): Tensor => x.movedim(s, d);
export const chunk = (x: Tensor, chunks: number, dim = 0): Tensor[] => x.chunk(chunks, dim);
export const split = (x: Tensor, size: number | readonly number[], dim = 0): Tensor[] => x.split(size, dim);
export const unbind = (x: Tensor, dim = 0): Tensor[] => x.unbind(dim);
export { cat, stack } from './join.js';
export const concat = (tensors: readonly Tensor[], dim = 0): Tensor => cat(tensors, dim);
import { cat } from './join.js';

// reductions
type KD = { keepdim?: boolean } | boolean;
export const sum = (x: Tensor, dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor => x.sum(dim, opts);
export const mean = (x: Tensor, dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor => x.mean(dim, opts);
export const prod = (x: Tensor, dim?: number | null, opts?: R.ReduceOptions | boolean): Tensor => x.prod(dim, opts);
/** `torch.max(x)`, `torch.max(x, dim, keepdim?)` → [values, indices], `torch.max(a, b)`. */
export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, opts?: KD): R.ValuesIndices;
export function max(x: Tensor, other: Tensor): Tensor;
export function max(x: Tensor, arg?: number | Tensor, opts?: KD): Tensor | R.ValuesIndices {
  return arg === undefined ? x.max() : typeof arg === 'number' ? x.max(arg, opts) : x.max(arg);
}
/** `torch.min(x)`, `torch.min(x, dim, keepdim?)` → [values, indices], `torch.min(a, b)`. */
export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, opts?: KD): R.ValuesIndices;
export function min(x: Tensor, other: Tensor): Tensor;
export function min(x: Tensor, arg?: number | Tensor, opts?: KD): Tensor | R.ValuesIndices {
  return arg === undefined ? x.min() : typeof arg === 'number' ? x.min(arg, opts) : x.min(arg);
}
export const amax = (x: Tensor, dim?: R.Dims, opts?: KD): Tensor => x.amax(dim, opts);
export const amin = (x: Tensor, dim?: R.Dims, opts?: KD): Tensor => x.amin(dim, opts);
export const argmax = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.argmax(dim, opts);
export const argmin = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.argmin(dim, opts);
export const std = (x: Tensor, dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor => x.std(dim, opts);
export const variance = (x: Tensor, dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor => x.var(dim, opts);
export { variance as var };
export const logsumexp = (x: Tensor, dim: R.Dims, opts?: KD): Tensor => x.logsumexp(dim, opts);
export const norm = (x: Tensor, p?: number | 'fro', dim?: R.Dims, opts?: KD): Tensor => x.norm(p, dim, opts);
export const all = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.all(dim, opts);
export const any = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.any(dim, opts);
export const cumsum = (x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor => x.cumsum(dim, opts);
export const cumprod = (x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor => x.cumprod(dim, opts);
export { softmax, logSoftmax } from './softmax.js';
export { matmul, mm, bmm, mv, dot, outer } from './linalg.js';

/** `torch.is_floating_point(x)`; also takes a dtype name. */
export const isFloatingPoint = (x: Tensor | DType): boolean => (typeof x === 'string' ? isFloatDtype(x) : x.isFloatingPoint());
/** `torch.numel(x)`. */
export const numel = (x: Tensor): number => x.numel();
