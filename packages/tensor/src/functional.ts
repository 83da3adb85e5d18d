// torch.<op>(x, …) forms of the Tensor methods, for `import * as torch`.

import type { DType } from './backend/dtype.js';
import type { TensorOrScalar } from './operands.js';
import type { Tensor } from './tensor.js';
import * as E from './elementwise.js';
import { nonzero as nonzeroOf } from './masked.js';
import { TorchTypeError } from './errors.js';
import { isFloatingPoint as isFloatDtype } from './backend/dtype.js';
import type * as R from './reduce.js';
import type { SizeArgs } from './shape.js';

type Unary = (x: Tensor) => Tensor;
const u = (name: keyof Tensor & string): Unary => (x) => (x[name] as () => Tensor).call(x);

/** `torch.abs(x)`: |x|. @example torch.abs(torch.tensor([-1, 2])) // tensor([1, 2]) */
export const abs = u('abs');
/** `torch.neg(x)`: -x. @example torch.neg(torch.tensor([1, -2])) // tensor([-1,  2]) */
export const neg = u('neg');
/** `torch.negative(x)`: alias of `neg`. @example torch.negative(torch.tensor([1, -2])) // tensor([-1,  2]) */
export const negative = u('neg');
/** `torch.exp(x)`: e^x; integers promote to the default float dtype. @example torch.exp(torch.tensor([0, 1])) // tensor([1.0000, 2.7183]) */
export const exp = u('exp');
/** `torch.exp2(x)`: 2^x. @example torch.exp2(torch.tensor([0, 3])) // tensor([1., 8.]) */
export const exp2 = u('exp2');
/** `torch.expm1(x)`: e^x - 1, accurate near 0. @example torch.expm1(torch.tensor([0, 1])) // tensor([0.0000, 1.7183]) */
export const expm1 = u('expm1');
/** `torch.log(x)`: natural logarithm (NaN below 0). @example torch.log(torch.tensor([1, 2])) // tensor([0.0000, 0.6931]) */
export const log = u('log');
/** `torch.log2(x)`: base-2 logarithm. @example torch.log2(torch.tensor([1, 8])) // tensor([0., 3.]) */
export const log2 = u('log2');
/** `torch.log10(x)`: base-10 logarithm. @example torch.log10(torch.tensor([1, 100])) // tensor([0., 2.]) */
export const log10 = u('log10');
/** `torch.log1p(x)`: log(1 + x), accurate near 0. @example torch.log1p(torch.tensor([0, 1])) // tensor([0.0000, 0.6931]) */
export const log1p = u('log1p');
/** `torch.sqrt(x)`: square root (NaN below 0). @example torch.sqrt(torch.tensor([4, 2])) // tensor([2.0000, 1.4142]) */
export const sqrt = u('sqrt');
/** `torch.rsqrt(x)`: 1 / sqrt(x). @example torch.rsqrt(torch.tensor([4, 1])) // tensor([0.5000, 1.0000]) */
export const rsqrt = u('rsqrt');
/** `torch.sin(x)`: sine (radians). @example torch.sin(torch.tensor([0, 1])) // tensor([0.0000, 0.8415]) */
export const sin = u('sin');
/** `torch.cos(x)`: cosine (radians). @example torch.cos(torch.tensor([0, 1])) // tensor([1.0000, 0.5403]) */
export const cos = u('cos');
/** `torch.tan(x)`: tangent (radians). @example torch.tan(torch.tensor([0, 1])) // tensor([0.0000, 1.5574]) */
export const tan = u('tan');
/** `torch.asin(x)`: arcsine (NaN outside [-1, 1]). @example torch.asin(torch.tensor([0, 1])) // tensor([0.0000, 1.5708]) */
export const asin = u('asin');
/** `torch.acos(x)`: arccosine (NaN outside [-1, 1]). @example torch.acos(torch.tensor([0, 1])) // tensor([1.5708, 0.0000]) */
export const acos = u('acos');
/** `torch.atan(x)`: arctangent. @example torch.atan(torch.tensor([0, 1])) // tensor([0.0000, 0.7854]) */
export const atan = u('atan');
/** `torch.sinh(x)`: hyperbolic sine. @example torch.sinh(torch.tensor([0, 1])) // tensor([0.0000, 1.1752]) */
export const sinh = u('sinh');
/** `torch.cosh(x)`: hyperbolic cosine. @example torch.cosh(torch.tensor([0, 1])) // tensor([1.0000, 1.5431]) */
export const cosh = u('cosh');
/** `torch.tanh(x)`: hyperbolic tangent. @example torch.tanh(torch.tensor([0, 1])) // tensor([0.0000, 0.7616]) */
export const tanh = u('tanh');
/** `torch.asinh(x)`: inverse hyperbolic sine. @example torch.asinh(torch.tensor([0, 1])) // tensor([0.0000, 0.8814]) */
export const asinh = u('asinh');
/** `torch.acosh(x)`: inverse hyperbolic cosine (NaN below 1). @example torch.acosh(torch.tensor([1, 2])) // tensor([0.0000, 1.3170]) */
export const acosh = u('acosh');
/** `torch.atanh(x)`: inverse hyperbolic tangent (±inf at ±1). @example torch.atanh(torch.tensor([0, 0.5])) // tensor([0.0000, 0.5493]) */
export const atanh = u('atanh');
/** `torch.sigmoid(x)`: 1 / (1 + e^-x). @example torch.sigmoid(torch.tensor([0, 2])) // tensor([0.5000, 0.8808]) */
export const sigmoid = u('sigmoid');
/** `torch.relu(x)`: max(x, 0), keeping the dtype. @example torch.relu(torch.tensor([-1, 2])) // tensor([0, 2]) */
export const relu = u('relu');
/** `F.silu(x)` as `torch.silu`: x * sigmoid(x). @example torch.silu(torch.tensor([-1, 1]).float()) // tensor([-0.2689,  0.7311]) */
export const silu = u('silu');
/** `torch.erf(x)`: the error function. @example torch.erf(torch.tensor([0, 1])) // tensor([0.0000, 0.8427]) */
export const erf = u('erf');
/** `torch.erfc(x)`: 1 - erf(x). @example torch.erfc(torch.tensor([0, 1])) // tensor([1.0000, 0.1573]) */
export const erfc = u('erfc');
/** `torch.erfinv(x)`: the inverse error function on (-1, 1). @example torch.erfinv(torch.tensor([0, 0.5])) // tensor([0.0000, 0.4769]) */
export const erfinv = u('erfinv');
/** `torch.floor(x)`: round down (integers unchanged). @example torch.floor(torch.tensor([-1.5, 1.5])) // tensor([-2.,  1.]) */
export const floor = u('floor');
/** `torch.ceil(x)`: round up (integers unchanged). @example torch.ceil(torch.tensor([-1.5, 1.5])) // tensor([-1.,  2.]) */
export const ceil = u('ceil');
/** `torch.trunc(x)`: round toward zero. @example torch.trunc(torch.tensor([-1.5, 1.5])) // tensor([-1.,  1.]) */
export const trunc = u('trunc');
/** `torch.frac(x)`: x - trunc(x). @example torch.frac(torch.tensor([-1.5, 2.25])) // tensor([-0.5000,  0.2500]) */
export const frac = u('frac');
/** `torch.sign(x)`: -1, 0 or 1 by the sign of x. @example torch.sign(torch.tensor([-3, 0, 2])) // tensor([-1,  0,  1]) */
export const sign = u('sign');
/** `torch.sgn(x)`: `sign` (they differ only for complex tensors, which torchlet lacks). @example torch.sgn(torch.tensor([-3, 0, 2])) // tensor([-1,  0,  1]) */
export const sgn = u('sgn');
/** `torch.signbit(x)`: whether the sign bit is set (true for -0.0), as bool. @example torch.signbit(torch.tensor([-1, 0, 1])) // tensor([ True, False, False]) */
export const signbit = u('signbit');
/** `torch.reciprocal(x)`: 1 / x; integers promote to the default float dtype. @example torch.reciprocal(torch.tensor([2, 4])) // tensor([0.5000, 0.2500]) */
export const reciprocal = u('reciprocal');
/** `torch.square(x)`: x * x. @example torch.square(torch.tensor([-2, 3])) // tensor([4, 9]) */
export const square = u('square');
/** `torch.isnan(x)`: where x is NaN, as bool. @example torch.isnan(torch.tensor([1, NaN])) // tensor([False,  True]) */
export const isnan = u('isnan');
/** `torch.isinf(x)`: where x is ±inf, as bool. @example torch.isinf(torch.tensor([1, -Infinity])) // tensor([False,  True]) */
export const isinf = u('isinf');
/** `torch.isposinf(x)`: where x is +inf, as bool. @example torch.isposinf(torch.tensor([Infinity, -Infinity])) // tensor([ True, False]) */
export const isposinf = u('isposinf');
/** `torch.isneginf(x)`: where x is -inf, as bool. @example torch.isneginf(torch.tensor([Infinity, -Infinity])) // tensor([False,  True]) */
export const isneginf = u('isneginf');
/** `torch.isfinite(x)`: where x is neither NaN nor ±inf, as bool. @example torch.isfinite(torch.tensor([1, NaN, Infinity])) // tensor([ True, False, False]) */
export const isfinite = u('isfinite');
/** `torch.logical_not(x)`: where x is zero, as bool. @example torch.logicalNot(torch.tensor([0, 2])) // tensor([ True, False]) */
export const logicalNot = u('logicalNot');
/** `torch.bitwise_not(x)` (`~x`): integers and bool only. @example torch.bitwiseNot(torch.tensor([0, 5])) // tensor([-1, -6]) */
export const bitwiseNot = u('bitwiseNot');
/** `torch.t(x)`: the transpose of a tensor with at most 2 dims. @example torch.t(torch.zeros(2, 3)).shape // [3, 2] */
export const t = u('t');
/** `torch.clone(x)`: a copy with its own storage. @example torch.clone(torch.tensor([1, 2])) // tensor([1, 2]) */
export const clone = u('clone');
/** `x.contiguous()` as a function: `x` itself when already row-major, else a row-major copy. @example torch.contiguous(torch.zeros(2, 3).t()).isContiguous() // true */
export const contiguous = u('contiguous');

/** `torch.round(x, { decimals=0 })`: round half to even. @example torch.round(torch.tensor([0.5, 1.5, 2.5])) // tensor([0., 2., 2.]) */
export const round = (x: Tensor, opts?: { decimals?: number }): Tensor => x.round(opts);
/**
 * `torch.nan_to_num(x, { nan=0, posinf, neginf })`: NaN and ±inf replaced (±inf by the dtype's
 * largest finite values by default).
 * @example torch.nanToNum(torch.tensor([NaN, Infinity, 1]), { posinf: 9 }) // tensor([0., 9., 1.])
 */
export const nanToNum = (x: Tensor, opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor => x.nanToNum(opts);
export { add, sub, div, pow, clamp, gelu, softplus, isclose, allclose, floorDivide } from './elementwise.js';
/** `torch.subtract(x, other, { alpha })`: alias of `sub`. @example torch.subtract(torch.tensor([5, 7]), 2) // tensor([3, 5]) */
export const subtract = E.sub;
/** `torch.mul(x, other)`: x * other. @example torch.mul(torch.tensor([1, 2]), 0.5) // tensor([0.5000, 1.0000]) */
export const mul = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.mul(a, b);
/** `torch.multiply(x, other)`: alias of `mul`. @example torch.multiply(torch.tensor([1, 2]), 3) // tensor([3, 6]) */
export const multiply = mul;
/** `torch.divide(x, other, { roundingMode })`: alias of `div`. @example torch.divide(torch.tensor([1, 3]), 2) // tensor([0.5000, 1.5000]) */
export const divide = E.div;
/** `torch.true_divide(x, other)`: `div` without rounding. @example torch.trueDivide(torch.tensor([1, 3]), 2) // tensor([0.5000, 1.5000]) */
export const trueDivide = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.div(a, b);
/** `torch.clip(x, min?, max?)`: alias of `clamp`. @example torch.clip(torch.tensor([-2, 0, 2]), -1, 1) // tensor([-1,  0,  1]) */
export const clip = E.clamp;
/** `torch.remainder(x, other)`: Python's `%`, the result takes the divisor's sign. @example torch.remainder(torch.tensor([-3, 3]), 2) // tensor([1, 1]) */
export const remainder = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('remainder', a, b);
/** `torch.fmod(x, other)`: C's fmod, the result takes the dividend's sign. @example torch.fmod(torch.tensor([-3, 3]), 2) // tensor([-1,  1]) */
export const fmod = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('fmod', a, b);
/** `torch.maximum(x, other)`: elementwise max; NaN propagates. @example torch.maximum(torch.tensor([1, 5]), torch.tensor([3, 2])) // tensor([3, 5]) */
export const maximum = (a: Tensor, b: Tensor): Tensor => E.binaryOp('maximum', a, b);
/** `torch.minimum(x, other)`: elementwise min; NaN propagates. @example torch.minimum(torch.tensor([1, 5]), torch.tensor([3, 2])) // tensor([1, 2]) */
export const minimum = (a: Tensor, b: Tensor): Tensor => E.binaryOp('minimum', a, b);
/** `torch.fmax(x, other)`: elementwise max ignoring NaN (NaN only when both are). @example torch.fmax(torch.tensor([1, NaN]), torch.tensor([3, 2])) // tensor([3., 2.]) */
export const fmax = (a: Tensor, b: Tensor): Tensor => E.binaryOp('fmax', a, b);
/** `torch.fmin(x, other)`: elementwise min ignoring NaN (NaN only when both are). @example torch.fmin(torch.tensor([1, NaN]), torch.tensor([3, 2])) // tensor([1., 2.]) */
export const fmin = (a: Tensor, b: Tensor): Tensor => E.binaryOp('fmin', a, b);
/** `torch.atan2(y, x)`: the angle of (x, y) in (-π, π]. @example torch.atan2(torch.tensor([1, -1]), torch.tensor([0, 0])) // tensor([ 1.5708, -1.5708]) */
export const atan2 = (a: Tensor, b: Tensor): Tensor => E.floatBinary('atan2', a, b);
/** `torch.arctan2(y, x)`: alias of `atan2`. @example torch.arctan2(torch.tensor([1, -1]), torch.tensor([0, 0])) // tensor([ 1.5708, -1.5708]) */
export const arctan2 = atan2;
/** `torch.hypot(x, y)`: sqrt(x² + y²) (float tensors). @example torch.hypot(torch.tensor([3]).float(), torch.tensor([4]).float()) // tensor([5.]) */
export const hypot = (a: Tensor, b: Tensor): Tensor => E.floatBinary('hypot', a, b);
/** `torch.copysign(x, other)`: |x| with the sign of `other`. @example torch.copysign(torch.tensor([1, 2]), -1) // tensor([-1., -2.]) */
export const copysign = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.floatBinary('copysign', a, b);
/** `torch.xlogy(x, y)`: x * log(y), and 0 where x is 0. @example torch.xlogy(torch.tensor([0, 2]), torch.tensor([0, 3])) // tensor([0.0000, 2.1972]) */
export const xlogy = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.floatBinary('xlogy', a, b);
/** `torch.eq(x, other)` (`x == other`): elementwise equality, as bool. @example torch.eq(torch.tensor([1, 2]), 2) // tensor([False,  True]) */
export const eq = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('eq', a, b);
/** `torch.ne(x, other)` (`x != other`), as bool. @example torch.ne(torch.tensor([1, 2]), 2) // tensor([ True, False]) */
export const ne = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('ne', a, b);
/** `torch.lt(x, other)` (`x < other`), as bool. @example torch.lt(torch.tensor([1, 2]), 2) // tensor([ True, False]) */
export const lt = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('lt', a, b);
/** `torch.le(x, other)` (`x <= other`), as bool. @example torch.le(torch.tensor([1, 3]), 2) // tensor([ True, False]) */
export const le = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('le', a, b);
/** `torch.gt(x, other)` (`x > other`), as bool. @example torch.gt(torch.tensor([1, 3]), 2) // tensor([False,  True]) */
export const gt = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('gt', a, b);
/** `torch.ge(x, other)` (`x >= other`), as bool. @example torch.ge(torch.tensor([1, 2]), 2) // tensor([False,  True]) */
export const ge = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('ge', a, b);
/** `torch.greater(x, other)`: alias of `gt`. @example torch.greater(torch.tensor([1, 3]), 2) // tensor([False,  True]) */
export const greater = gt;
/** `torch.greater_equal(x, other)`: alias of `ge`. @example torch.greaterEqual(torch.tensor([1, 2]), 2) // tensor([False,  True]) */
export const greaterEqual = ge;
/** `torch.less(x, other)`: alias of `lt`. @example torch.less(torch.tensor([1, 2]), 2) // tensor([ True, False]) */
export const less = lt;
/** `torch.less_equal(x, other)`: alias of `le`. @example torch.lessEqual(torch.tensor([1, 3]), 2) // tensor([ True, False]) */
export const lessEqual = le;
/** `torch.not_equal(x, other)`: alias of `ne`. @example torch.notEqual(torch.tensor([1, 2]), 2) // tensor([ True, False]) */
export const notEqual = ne;
/** `torch.equal(a, b)`: same shape and values (synchronous read; CPU). @example torch.equal(torch.tensor([1, 2]), torch.tensor([1, 2])) // true */
export const equal = (a: Tensor, b: Tensor): boolean => a.equal(b);
/** `torch.logical_and(x, other)`: both nonzero, as bool. @example torch.logicalAnd(torch.tensor([0, 1, 2]), torch.tensor([1, 1, 0])) // tensor([False,  True, False]) */
export const logicalAnd = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalAnd', a, b);
/** `torch.logical_or(x, other)`: either nonzero, as bool. @example torch.logicalOr(torch.tensor([0, 0, 2]), torch.tensor([0, 1, 0])) // tensor([False,  True,  True]) */
export const logicalOr = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalOr', a, b);
/** `torch.logical_xor(x, other)`: exactly one nonzero, as bool. @example torch.logicalXor(torch.tensor([0, 1, 2]), torch.tensor([1, 1, 0])) // tensor([ True, False,  True]) */
export const logicalXor = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.binaryOp('logicalXor', a, b);
/** `torch.bitwise_and(x, other)` (`x & other`): integers and bool only. @example torch.bitwiseAnd(torch.tensor([12, 10]), 6) // tensor([4, 2]) */
export const bitwiseAnd = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseAnd', a, b);
/** `torch.bitwise_or(x, other)` (`x | other`): integers and bool only. @example torch.bitwiseOr(torch.tensor([12, 10]), 6) // tensor([14, 14]) */
export const bitwiseOr = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseOr', a, b);
/** `torch.bitwise_xor(x, other)` (`x ^ other`): integers and bool only. @example torch.bitwiseXor(torch.tensor([12, 10]), 6) // tensor([10, 12]) */
export const bitwiseXor = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('bitwiseXor', a, b);
/** `torch.bitwise_left_shift(x, other)` (`x << other`): integers only. @example torch.bitwiseLeftShift(torch.tensor([1, 3]), 2) // tensor([ 4, 12]) */
export const bitwiseLeftShift = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('leftShift', a, b);
/** `torch.bitwise_right_shift(x, other)` (`x >> other`, arithmetic): integers only. @example torch.bitwiseRightShift(torch.tensor([-8, 8]), 2) // tensor([-2,  2]) */
export const bitwiseRightShift = (a: TensorOrScalar, b: TensorOrScalar): Tensor => E.bitwise('rightShift', a, b);
/** `torch.lerp(start, end, weight)`: start + weight * (end - start), float tensors. @example torch.lerp(torch.zeros(2), torch.tensor([10, 20]).float(), 0.5) // tensor([ 5., 10.]) */
export const lerp = (a: Tensor, b: Tensor, w: TensorOrScalar): Tensor => E.lerp(a, b, w);

// views
/** `torch.reshape(x, *shape)`: a view when the layout allows, else a copy; one size may be -1. @example torch.reshape(torch.arange(6), [3, -1]).shape // [3, 2] */
export const reshape = (x: Tensor, ...shape: SizeArgs): Tensor => x.reshape(...shape);
/** `torch.permute(x, *dims)`: the dims reordered, as a view. @example torch.permute(torch.zeros(2, 3, 4), [2, 0, 1]).shape // [4, 2, 3] */
export const permute = (x: Tensor, ...dims: SizeArgs): Tensor => x.permute(...dims);
/** `torch.transpose(x, dim0, dim1)`: two dims swapped, as a view. @example torch.transpose(torch.zeros(2, 3, 4), 0, 2).shape // [4, 3, 2] */
export const transpose = (x: Tensor, d0: number, d1: number): Tensor => x.transpose(d0, d1);
/** `torch.swapaxes(x, a, b)` = transpose. @example torch.swapaxes(torch.zeros(2, 3), 0, 1).shape // [3, 2] */
export const swapaxes = transpose;
/** `torch.squeeze(x, dim?)`: size-1 dims removed (all of them, or only those in `dim`). @example torch.squeeze(torch.zeros(1, 2, 1)).shape // [2] */
export const squeeze = (x: Tensor, dim?: number | readonly number[]): Tensor => x.squeeze(dim);
/** `torch.unsqueeze(x, dim)`: a size-1 dim inserted at `dim`. @example torch.unsqueeze(torch.tensor([1, 2]), 1).shape // [2, 1] */
export const unsqueeze = (x: Tensor, dim: number): Tensor => x.unsqueeze(dim);
/** `torch.flatten(x, startDim=0, endDim=-1)`: dims `startDim..endDim` merged into one. @example torch.flatten(torch.zeros(2, 3, 4), 1).shape // [2, 12] */
export const flatten = (x: Tensor, startDim = 0, endDim = -1): Tensor => x.flatten(startDim, endDim);
/** `torch.unflatten(x, dim, sizes)`: one dim split into `sizes` (one may be -1). @example torch.unflatten(torch.zeros(2, 12), 1, [3, -1]).shape // [2, 3, 4] */
export const unflatten = (x: Tensor, dim: number, sizes: readonly number[]): Tensor => x.unflatten(dim, sizes);
/** `torch.narrow(x, dim, start, length)`: `length` entries of `dim` from `start`, as a view. @example torch.narrow(torch.arange(5), 0, 1, 3) // tensor([1, 2, 3]) */
export const narrow = (x: Tensor, dim: number, start: number, length: number): Tensor => x.narrow(dim, start, length);
/** `torch.select(x, dim, index)`: `x[..., index, ...]` at `dim`, which is removed. @example torch.select(torch.tensor([[1, 2], [3, 4]]), 1, 0) // tensor([1, 3]) */
export const select = (x: Tensor, dim: number, index: number): Tensor => x.select(dim, index);
/** `torch.diagonal(x, offset=0, dim1=0, dim2=1)`: a diagonal as a view, appended as the last dim. @example torch.diagonal(torch.tensor([[1, 2], [3, 4]])) // tensor([1, 4]) */
export const diagonal = (x: Tensor, offset = 0, dim1 = 0, dim2 = 1): Tensor => x.diagonal(offset, dim1, dim2);
/** `torch.movedim(x, source, destination)`: dims moved to new positions, the others keeping their order. @example torch.movedim(torch.zeros(2, 3, 4), 0, -1).shape // [3, 4, 2] */
export const movedim = (x: Tensor, s: number | readonly number[], d: number | readonly number[]): Tensor => x.movedim(s, d);
/** `torch.chunk(x, chunks, dim=0)`: up to `chunks` views of equal size (the last may be smaller). @example torch.chunk(torch.arange(5), 2) // [tensor([0, 1, 2]), tensor([3, 4])] */
export const chunk = (x: Tensor, chunks: number, dim = 0): Tensor[] => x.chunk(chunks, dim);
/** `torch.split(x, splitSize | sizes, dim=0)`: views of `splitSize` each, or of the given sizes. @example torch.split(torch.arange(5), [1, 4]) // [tensor([0]), tensor([1, 2, 3, 4])] */
export const split = (x: Tensor, size: number | readonly number[], dim = 0): Tensor[] => x.split(size, dim);
/** `torch.unbind(x, dim=0)`: the slices along `dim`, as views. @example torch.unbind(torch.tensor([[1, 2], [3, 4]]), 1) // [tensor([1, 3]), tensor([2, 4])] */
export const unbind = (x: Tensor, dim = 0): Tensor[] => x.unbind(dim);
export { cat, stack } from './join.js';
/** `torch.concat(tensors, dim=0)`: alias of `cat`. @example torch.concat([torch.tensor([1]), torch.tensor([2, 3])]) // tensor([1, 2, 3]) */
export const concat = (tensors: readonly Tensor[], dim = 0): Tensor => cat(tensors, dim);
import { cat } from './join.js';

// reductions
type KD = { keepdim?: boolean } | boolean;
/** `torch.sum(x, dim?, { keepdim, dtype })`; integers accumulate in int64. @example torch.sum(torch.tensor([[1, 2], [3, 4]]), 1) // tensor([3, 7]) */
export const sum = (x: Tensor, dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor => x.sum(dim, opts);
/** `torch.mean(x, dim?, { keepdim, dtype })`: the average over `dim` (all dims when omitted); floating point only. @example torch.mean(torch.tensor([[1, 2], [3, 4]]).float(), 1) // tensor([1.5000, 3.5000]) */
export const mean = (x: Tensor, dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor => x.mean(dim, opts);
/** `torch.prod(x, dim?, { keepdim, dtype })`: the product over one dim or all; integers accumulate in int64. @example torch.prod(torch.tensor([[1, 2], [3, 4]]), 1) // tensor([ 2, 12]) */
export const prod = (x: Tensor, dim?: number | null, opts?: R.ReduceOptions | boolean): Tensor => x.prod(dim, opts);
/**
 * `torch.max(x)`, `torch.max(x, dim, keepdim?)` → [values, indices], `torch.max(a, b)`.
 * @example torch.max(torch.tensor([[1, 5], [3, 4]]), 1).indices // tensor([1, 1])
 */
export function max(x: Tensor): Tensor;
export function max(x: Tensor, dim: number, opts?: KD): R.ValuesIndices;
export function max(x: Tensor, other: Tensor): Tensor;
export function max(x: Tensor, arg?: number | Tensor, opts?: KD): Tensor | R.ValuesIndices {
  return arg === undefined ? x.max() : typeof arg === 'number' ? x.max(arg, opts) : x.max(arg);
}
/**
 * `torch.min(x)`, `torch.min(x, dim, keepdim?)` → [values, indices], `torch.min(a, b)`.
 * @example torch.min(torch.tensor([[1, 5], [3, 4]])) // tensor(1)
 */
export function min(x: Tensor): Tensor;
export function min(x: Tensor, dim: number, opts?: KD): R.ValuesIndices;
export function min(x: Tensor, other: Tensor): Tensor;
export function min(x: Tensor, arg?: number | Tensor, opts?: KD): Tensor | R.ValuesIndices {
  return arg === undefined ? x.min() : typeof arg === 'number' ? x.min(arg, opts) : x.min(arg);
}
/** `torch.amax(x, dim?, { keepdim })`: the maximum over `dim` (all dims when omitted), without indices. @example torch.amax(torch.tensor([[1, 5], [3, 4]]), 0) // tensor([3, 5]) */
export const amax = (x: Tensor, dim?: R.Dims, opts?: KD): Tensor => x.amax(dim, opts);
/** `torch.amin(x, dim?, { keepdim })`: the minimum over `dim` (all dims when omitted), without indices. @example torch.amin(torch.tensor([[1, 5], [3, 4]]), 0) // tensor([1, 4]) */
export const amin = (x: Tensor, dim?: R.Dims, opts?: KD): Tensor => x.amin(dim, opts);
/** `torch.argmax(x, dim?, { keepdim })`: the index of the first maximum (into the flattened tensor when no dim). @example torch.argmax(torch.tensor([[1, 5], [3, 4]]), 1) // tensor([1, 1]) */
export const argmax = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.argmax(dim, opts);
/** `torch.argmin(x, dim?, { keepdim })`: the index of the first minimum (into the flattened tensor when no dim). @example torch.argmin(torch.tensor([[1, 5], [3, 4]])) // tensor(0) */
export const argmin = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.argmin(dim, opts);
/** `torch.std(x, dim?, { correction=1, keepdim })`; `torch.std(x, false)` is the biased form. @example torch.std(torch.tensor([1, 2, 3, 4]).float(), false) // tensor(1.1180) */
export const std = (x: Tensor, dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor => x.std(dim, opts);
/**
 * `torch.var(x, dim?, { correction=1, keepdim })`, also exported as `variance`; `torch.var(x, false)`
 * is the biased (unbiased=False) form.
 * @example torch.var(torch.tensor([1, 2, 3, 4]).float()) // tensor(1.6667)
 */
export const variance = (x: Tensor, dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor => x.var(dim, opts);
export { variance as var };
/** `torch.logsumexp(x, dim, { keepdim })`: log(sum(exp(x))) over `dim`, computed stably. @example torch.logsumexp(torch.zeros(2, 2), 1) // tensor([0.6931, 0.6931]) */
export const logsumexp = (x: Tensor, dim: R.Dims, opts?: KD): Tensor => x.logsumexp(dim, opts);
/** `torch.norm(x, p='fro', dim?, { keepdim })`: the vector p-norm (p a number, ±Infinity or 'fro'). @example torch.norm(torch.tensor([3, 4]).float()) // tensor(5.) */
export const norm = (x: Tensor, p?: number | 'fro', dim?: R.Dims, opts?: KD): Tensor => x.norm(p, dim, opts);
/** `torch.all(x, dim?, { keepdim })`: whether every element is nonzero, as bool. @example torch.all(torch.tensor([[1, 0], [1, 1]]), 1) // tensor([False,  True]) */
export const all = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.all(dim, opts);
/** `torch.any(x, dim?, { keepdim })`: whether some element is nonzero, as bool. @example torch.any(torch.tensor([[0, 0], [0, 1]]), 1) // tensor([False,  True]) */
export const any = (x: Tensor, dim?: number | null, opts?: KD): Tensor => x.any(dim, opts);
/** `torch.cumsum(x, dim, { dtype })`: running sums along `dim`; integers accumulate in int64. @example torch.cumsum(torch.tensor([1, 2, 3]), 0) // tensor([1, 3, 6]) */
export const cumsum = (x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor => x.cumsum(dim, opts);
/** `torch.cumprod(x, dim, { dtype })`: running products along `dim`; integers accumulate in int64. @example torch.cumprod(torch.tensor([1, 2, 3]), 0) // tensor([1, 2, 6]) */
export const cumprod = (x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor => x.cumprod(dim, opts);
export { softmax, logSoftmax } from './softmax.js';
export { matmul, mm, bmm, mv, dot, outer } from './linalg.js';

/** `torch.is_floating_point(x)`; also takes a dtype name. @example torch.isFloatingPoint(torch.tensor([1.5])) // true */
export const isFloatingPoint = (x: Tensor | DType): boolean => (typeof x === 'string' ? isFloatDtype(x) : x.isFloatingPoint());
/** `torch.numel(x)`: the number of elements. @example torch.numel(torch.zeros(2, 3)) // 6 */
export const numel = (x: Tensor): number => x.numel();

// ---- shape and order ops ----------------------------------------------------
export { flip, fliplr, flipud, roll, repeatInterleave, tile } from './shapeOps.js';
export { tril, triu, diag, diagEmbed, trace } from './triangular.js';
export { sort, argsort, msort, topk, kthvalue } from './order.js';
export { unique } from './unique.js';
export { searchsorted, bucketize } from './search.js';
export { cummax, cummin, logcumsumexp } from './cumulative.js';
export { broadcastTensors, meshgrid } from './broadcasting.js';
export { einsum } from './einsum.js';
// ---- indexing: gather, scatter, index_*, masks, where(cond) ----------------
export { gather, scatter, scatterAdd, scatterReduce } from './gatherScatter.js';
export { indexSelect, indexAdd, indexCopy, indexFill, take } from './indexAlongDim.js';
export { indexPut, indexPut_ } from './indexing.js';
export { maskedFill, maskedSelect, maskedScatter, nonzero, argwhere } from './masked.js';

/**
 * `torch.where(cond, a, b)`: `a` where `cond` is true, else `b` (all broadcast);
 * `torch.where(cond)` is `torch.nonzero(cond, { asTuple: true })`.
 * @example torch.where(torch.tensor([true, false]), 1, 0) // tensor([1, 0])
 * @example torch.where(torch.tensor([0, 3])) // [tensor([1])]
 */
export function where(cond: Tensor): Tensor[];
export function where(cond: Tensor, a: TensorOrScalar, b: TensorOrScalar): Tensor;
export function where(cond: Tensor, a?: TensorOrScalar, b?: TensorOrScalar): Tensor | Tensor[] {
  if (a === undefined && b === undefined) return nonzeroOf(cond, { asTuple: true });
  if (a === undefined || b === undefined) throw new TorchTypeError('where() takes 1 or 3 arguments: where(condition) or where(condition, input, other)');
  return E.where(cond, a, b);
}
// autograd support: the strided view and its scatter, which in-place writes through views need
export { asStrided, asStridedScatter } from './views.js';
