// Elementwise ops: the unary math set, binary arithmetic with broadcasting and
// type promotion, comparisons, logical and bitwise ops, where and clamp.

import type { DType } from './backend/dtype.js';
import { isFloatingPoint, isIntegral } from './backend/dtype.js';
import type { BinaryOp, UnaryOp } from './backend/ops.js';
import { BINARY_OPS, COMPARISON_OPS, UNARY_OPS } from './backend/ops.js';
import type { Operand, View } from './backend/types.js';
import { getDefaultDevice } from './device.js';
import type { Device } from './device.js';
import { category, getDefaultDtype, resultType, SCALAR_TYPE_NAME } from './dtype.js';
import { RuntimeError } from './errors.js';
import type { Scalar, TensorOrScalar } from './operands.js';
import { checkSameDevice, isTensor, scalarValue } from './operands.js';
import { broadcastShapes, fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast, clone, copyInto, expandView } from './copy.js';
import { defineOp, traced } from './trace.js';

// Every op is declared once for autograd (trace.ts); those without a derivative say so.
const UNARY_NO_GRAD: ReadonlySet<UnaryOp> = new Set(['logicalNot', 'bitwiseNot', 'isnan', 'isinf', 'isposinf', 'isneginf', 'isfinite', 'signbit']);
const UNARY_TRACE = Object.fromEntries(UNARY_OPS.map((op) => [op, defineOp(op, !UNARY_NO_GRAD.has(op))])) as Record<UnaryOp, string>;
const BINARY_NO_GRAD: ReadonlySet<BinaryOp> = new Set([
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor',
  'bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'leftShift', 'rightShift',
]);
const BINARY_TRACE = Object.fromEntries(BINARY_OPS.map((op) => [op, defineOp(op, !BINARY_NO_GRAD.has(op))])) as Record<BinaryOp, string>;
const WHERE = defineOp('where');
const CLAMP = defineOp('clamp');
const NAN_TO_NUM = defineOp('nanToNum');
const LERP = defineOp('lerp');
const ISCLOSE = defineOp('isclose', false);
const SGN = defineOp('sgn');

/** Scalar operands of a binary op, as numbers, for its derivative (`a`/`b` absent where a tensor). */
function scalarArgs(a: TensorOrScalar, b: TensorOrScalar): { a?: number; b?: number } {
  return { a: isTensor(a) ? undefined : scalarValue(a), b: isTensor(b) ? undefined : scalarValue(b) };
}

/** A tensor operand for `traced` (scalars are not operands autograd sees). */
const operand = (x: TensorOrScalar | null | undefined): Tensor | undefined => (isTensor(x) ? x : undefined);

/** How a unary op's output dtype follows its input's. */
type UnaryKind = 'float' | 'same' | 'bool';

const UNARY_KIND: Record<UnaryOp, UnaryKind> = {
  neg: 'same', abs: 'same', sign: 'same', square: 'same', relu: 'same',
  floor: 'same', ceil: 'same', round: 'same', trunc: 'same', bitwiseNot: 'same',
  reciprocal: 'float', exp: 'float', exp2: 'float', expm1: 'float', log: 'float', log2: 'float',
  log10: 'float', log1p: 'float', sqrt: 'float', rsqrt: 'float', sin: 'float', cos: 'float',
  tan: 'float', asin: 'float', acos: 'float', atan: 'float', sinh: 'float', cosh: 'float',
  tanh: 'float', asinh: 'float', acosh: 'float', atanh: 'float', sigmoid: 'float', gelu: 'float',
  geluTanh: 'float', silu: 'float', softplus: 'float', erf: 'float', erfc: 'float', erfinv: 'float',
  frac: 'float',
  logicalNot: 'bool', isnan: 'bool', isinf: 'bool', isposinf: 'bool', isneginf: 'bool', isfinite: 'bool', signbit: 'bool',
};

/** PyTorch's "no kernel for this dtype" error; `kernel` is the name PyTorch prints. */
function notImplementedFor(kernel: string, dtype: DType): RuntimeError {
  return new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[dtype]}'`);
}

const isBool = (d: DType): boolean => d === 'bool';
const notFloat = (d: DType): boolean => !isFloatingPoint(d);
const boolOrFloat = (d: DType): boolean => d === 'bool' || isFloatingPoint(d);

/** Dtypes PyTorch has no kernel for, per op: [kernel name in the message, refused dtype]. */
type Refusal = readonly [kernel: string, refuses: (d: DType) => boolean];

/** Unary ops PyTorch refuses for some input dtypes (checked on the input's dtype). */
const UNARY_REFUSED: Partial<Record<UnaryOp, Refusal>> = {
  abs: ['abs_cpu', isBool],
  floor: ['floor_vml_cpu', isBool],
  ceil: ['ceil_vml_cpu', isBool],
  round: ['round_vml_cpu', isBool],
  trunc: ['trunc_vml_cpu', isBool],
  frac: ['frac_cpu', notFloat],
  gelu: ['GeluKernelImpl', notFloat],
  geluTanh: ['GeluKernelImpl', notFloat],
  silu: ['silu_cpu', notFloat],
  softplus: ['softplus_cpu', notFloat],
  bitwiseNot: ['bitwise_not_cpu', isFloatingPoint],
};

/** Binary ops PyTorch refuses for some dtypes (checked on the promoted dtype of both operands). */
const BINARY_REFUSED: Partial<Record<BinaryOp, Refusal>> = {
  floorDiv: ['div_floor_cpu', isBool],
  truncDiv: ['div_trunc_cpu', isBool],
  pow: ['pow', isBool],
  remainder: ['remainder_cpu', isBool],
  fmod: ['fmod_cpu', isBool],
  hypot: ['hypot_cpu', notFloat],
  bitwiseAnd: ['bitwise_and_cpu', isFloatingPoint],
  bitwiseOr: ['bitwise_or_cpu', isFloatingPoint],
  bitwiseXor: ['bitwise_xor_cpu', isFloatingPoint],
  leftShift: ['lshift_cpu', boolOrFloat],
  rightShift: ['rshift_cpu', boolOrFloat],
};

function checkSupported(refusal: Refusal | undefined, dtype: DType): void {
  if (refusal && refusal[1](dtype)) throw notImplementedFor(refusal[0], dtype);
}

/**
 * PyTorch refuses in-place writes into a tensor whose elements share memory
 * (an expanded view: a 0 stride on a dim of size > 1).
 */
function checkNoInternalOverlap(out: Tensor): void {
  if (out.shape.some((s, i) => s > 1 && out.strides[i] === 0)) {
    throw new RuntimeError(
      'unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.',
    );
  }
}

/** The dtype a unary op computes in for input dtype `d`. */
function unaryDtype(op: UnaryOp, d: DType): DType {
  const kind = UNARY_KIND[op];
  if (kind === 'bool') return 'bool';
  // square is pow(x, 2): a bool input promotes with the int exponent
  if (op === 'square' && d === 'bool') return 'int64';
  if (kind === 'float') return isFloatingPoint(d) ? d : getDefaultDtype();
  return d;
}

/** @internal Applies a unary primitive, into `out` when given (in-place forms, `out` is `x`). */
export function unaryOp(op: UnaryOp, x: Tensor, out?: Tensor): Tensor {
  return traced(UNARY_TRACE[op], [x], {}, () => unaryImpl(op, x, out), { inplace: out !== undefined });
}

function unaryImpl(op: UnaryOp, x: Tensor, out?: Tensor): Tensor {
  if (op === 'neg' && x.dtype === 'bool') {
    throw new RuntimeError(
      'Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  if (op === 'relu' && x.dtype === 'bool') throw new RuntimeError('Boolean inputs not supported for relu');
  checkSupported(UNARY_REFUSED[op], x.dtype);
  const dtype = unaryDtype(op, x.dtype);
  const src = UNARY_KIND[op] === 'float' && x.dtype !== dtype ? cast(x, dtype) : x;
  if (out) {
    checkNoInternalOverlap(out);
    checkCast(dtype, out.dtype);
    out.storage.backend.unary(op, src.backendView, out.backendView);
    out.bumpVersion();
    return out;
  }
  const result = emptyTensor(x.shape, dtype, x.device);
  x.storage.backend.unary(op, src.backendView, result.backendView);
  return result;
}

/** PyTorch's canCast: no float → integer, no non-bool → bool. */
function checkCast(from: DType, to: DType): void {
  const ok = !(category(from) > category(to));
  if (!ok) throw new RuntimeError(`result type ${SCALAR_TYPE_NAME[from]} can't be cast to the desired output type ${SCALAR_TYPE_NAME[to]}`);
}

/** Options of the generic binary helper. */
interface BinaryOptions {
  /** The dtype both operands are converted to (default: the promoted type). */
  computeDtype?: DType;
  /** The result dtype (default: bool for comparisons, else computeDtype). */
  outDtype?: DType;
  /** Write into this tensor (in-place forms). */
  out?: Tensor;
}

function operandView(x: TensorOrScalar, shape: readonly number[], out: Tensor | undefined): Operand {
  if (!isTensor(x)) return scalarValue(x);
  // reading and writing the same storage through different layouts needs a copy first
  if (out && x.storage === out.storage && !(x.offset === out.offset && sameLayout(x, out))) {
    return expandView(clone(x), shape);
  }
  return expandView(x, shape);
}

function sameLayout(a: Tensor, b: Tensor): boolean {
  return a.shape.length === b.shape.length && a.shape.every((s, i) => s === b.shape[i] && a.strides[i] === b.strides[i]);
}

function deviceOf(...xs: TensorOrScalar[]): Device {
  return checkSameDevice(xs) ?? getDefaultDevice();
}

/** @internal Applies a binary primitive with broadcasting and type promotion (in place when `opts.out` is `a`). */
export function binaryOp(op: BinaryOp, a: TensorOrScalar, b: TensorOrScalar, opts: BinaryOptions = {}): Tensor {
  return traced(BINARY_TRACE[op], [operand(a), operand(b)], scalarArgs(a, b), () => binaryImpl(op, a, b, opts), { inplace: opts.out !== undefined });
}

function binaryImpl(op: BinaryOp, a: TensorOrScalar, b: TensorOrScalar, opts: BinaryOptions): Tensor {
  const device = deviceOf(a, b, ...(opts.out ? [opts.out] : []));
  const common = resultType(a, b);
  const computeDtype = opts.computeDtype ?? common;
  const outDtype = opts.outDtype ?? (COMPARISON_OPS.has(op) ? 'bool' : computeDtype);
  const shape = broadcastShapes(isTensor(a) ? a.shape : [], isTensor(b) ? b.shape : []);
  const out = opts.out;
  if (out) {
    if (shape.length !== out.ndim || shape.some((s, i) => s !== out.shape[i])) {
      throw new RuntimeError(`output with shape ${fmtShape(out.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`);
    }
    checkNoInternalOverlap(out);
    checkCast(outDtype, out.dtype);
  }
  checkSupported(BINARY_REFUSED[op], common);
  const result = out ?? emptyTensor(shape, outDtype, device);
  const backend = result.storage.backend;
  backend.binary(op, operandView(a, shape, out), operandView(b, shape, out), result.backendView as View, computeDtype);
  if (out) out.bumpVersion();
  return result;
}

/** Options of add/sub: `alpha` scales the second operand. */
export interface AlphaOptions {
  alpha?: Scalar;
}

/** `torch.add(a, b, { alpha })` = a + alpha * b. @example torch.add(torch.tensor([1, 2]), torch.tensor([10, 20]), { alpha: 2 }) // tensor([21, 42]) */
export function add(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions & { out?: Tensor }): Tensor {
  return traced(BINARY_TRACE.add, [operand(a), operand(b)], { ...scalarArgs(a, b), alpha: scalarValue(opts?.alpha ?? 1) }, () => addImpl(a, b, opts), { inplace: opts?.out !== undefined });
}

function addImpl(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions & { out?: Tensor }): Tensor {
  const scaled = opts?.alpha !== undefined && opts.alpha !== 1 ? mulAlpha(a, b, opts.alpha) : b;
  // alpha never changes the result type: 2 * 1.5 is the JS number 3, still a float operand
  return binaryOp('add', a, scaled, { out: opts?.out, computeDtype: resultType(a, b) });
}

function mulAlpha(a: TensorOrScalar, b: TensorOrScalar, alpha: Scalar): TensorOrScalar {
  const dtype = resultType(a, b);
  if (!isFloatingPoint(dtype) && typeof alpha === 'number' && !Number.isInteger(alpha)) {
    throw new RuntimeError('For integral input tensors, argument alpha must not be a floating point number.');
  }
  return isTensor(b) ? binaryOp('mul', b, alpha, { computeDtype: dtype }) : scalarValue(b) * scalarValue(alpha);
}

/** `torch.sub(a, b, { alpha })` = a - alpha * b. @example torch.sub(torch.tensor([5, 7]), torch.tensor([1, 2]), { alpha: 2 }) // tensor([3, 3]) */
export function sub(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions & { out?: Tensor }): Tensor {
  return traced(BINARY_TRACE.sub, [operand(a), operand(b)], { ...scalarArgs(a, b), alpha: scalarValue(opts?.alpha ?? 1) }, () => subImpl(a, b, opts), { inplace: opts?.out !== undefined });
}

function subImpl(a: TensorOrScalar, b: TensorOrScalar, opts?: AlphaOptions & { out?: Tensor }): Tensor {
  const isBoolOperand = (x: TensorOrScalar) => (isTensor(x) ? x.dtype === 'bool' : typeof x === 'boolean');
  if (isBoolOperand(a) && isBoolOperand(b)) {
    throw new RuntimeError(
      'Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.',
    );
  }
  if (isBoolOperand(a) || isBoolOperand(b)) {
    throw new RuntimeError(
      'Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.',
    );
  }
  const scaled = opts?.alpha !== undefined && opts.alpha !== 1 ? mulAlpha(a, b, opts.alpha) : b;
  return binaryOp('sub', a, scaled, { out: opts?.out, computeDtype: resultType(a, b) });
}

/** `torch.mul(a, b)`: a * b, broadcasting and promoting. @example torch.mul(torch.tensor([1, 2]), 0.5) // tensor([0.5000, 1.0000]) */
export function mul(a: TensorOrScalar, b: TensorOrScalar, out?: Tensor): Tensor {
  return binaryOp('mul', a, b, { out });
}

/** Options of div: `roundingMode` 'trunc' or 'floor' (default: true division). */
export interface DivOptions {
  roundingMode?: 'trunc' | 'floor' | null;
}

/**
 * `torch.div(a, b, { roundingMode })`: true division promotes integers to the default float;
 * `'trunc'` and `'floor'` round the quotient and keep integer dtypes.
 * @example torch.div(torch.tensor([-7, 7]), 2, { roundingMode: 'trunc' }) // tensor([-3,  3])
 */
export function div(a: TensorOrScalar, b: TensorOrScalar, opts?: DivOptions & { out?: Tensor }): Tensor {
  const mode = opts?.roundingMode ?? null;
  const common = resultType(a, b);
  if (mode === null) {
    const dtype = isFloatingPoint(common) ? common : getDefaultDtype();
    return binaryOp('div', a, b, { computeDtype: dtype, out: opts?.out });
  }
  return binaryOp(mode === 'trunc' ? 'truncDiv' : 'floorDiv', a, b, { out: opts?.out });
}

/** `torch.floor_divide(a, b)`: division rounded down (Python's `//`). @example torch.floorDivide(torch.tensor([-7, 7]), 2) // tensor([-4,  3]) */
export function floorDivide(a: TensorOrScalar, b: TensorOrScalar): Tensor {
  return binaryOp('floorDiv', a, b);
}

/**
 * `torch.pow(a, b)`; integer tensors refuse negative integer exponents as PyTorch does.
 * @example torch.pow(torch.tensor([2, 3]), 2) // tensor([4, 9])
 */
export function pow(a: TensorOrScalar, b: TensorOrScalar, out?: Tensor): Tensor {
  const dtype = resultType(a, b);
  if (isIntegral(dtype, true) && typeof b === 'number' && b < 0) {
    throw new RuntimeError('Integers to negative integer powers are not allowed.');
  }
  return binaryOp('pow', a, b, { out });
}

/** A binary op that always computes in floating point (atan2, hypot, …). */
export function floatBinary(op: BinaryOp, a: TensorOrScalar, b: TensorOrScalar, out?: Tensor): Tensor {
  const common = resultType(a, b);
  // hypot does not promote integers: PyTorch refuses them in its kernel
  const dtype = isFloatingPoint(common) || op === 'hypot' ? common : getDefaultDtype();
  return binaryOp(op, a, b, { computeDtype: dtype, out });
}

/** A bitwise/shift op: integers (and bool, except shifts) only; binaryOp refuses the rest. */
export function bitwise(op: BinaryOp, a: TensorOrScalar, b: TensorOrScalar, out?: Tensor): Tensor {
  return binaryOp(op, a, b, { out });
}

/**
 * `torch.where(cond, a, b)`: `a` where `cond` is true, else `b`; all three broadcast.
 * @example torch.where(x.gt(0), x, 0)
 */
export function where(cond: Tensor, a: TensorOrScalar, b: TensorOrScalar): Tensor {
  return traced(WHERE, [cond, operand(a), operand(b)], {}, () => whereImpl(cond, a, b));
}

function whereImpl(cond: Tensor, a: TensorOrScalar, b: TensorOrScalar): Tensor {
  if (cond.dtype !== 'bool') {
    throw new RuntimeError(`where expected condition to be a boolean tensor, but got a tensor with dtype ${SCALAR_TYPE_NAME[cond.dtype]}`);
  }
  const device = deviceOf(cond, a, b);
  const dtype = resultType(a, b);
  const ab = broadcastShapes(isTensor(a) ? a.shape : [], isTensor(b) ? b.shape : []);
  const shape = broadcastShapes(cond.shape, ab);
  const out = emptyTensor(shape, dtype, device);
  out.storage.backend.where(expandView(cond, shape), operandView(a, shape, undefined), operandView(b, shape, undefined), out.backendView);
  return out;
}

/** Options of clamp: either bound may be omitted, not both. */
export type ClampBound = TensorOrScalar | null | undefined;

/** `torch.clamp(x, min, max)`: bounds may be scalars or tensors. @example torch.clamp(torch.tensor([-2, 0, 2]), 0) // tensor([0, 0, 2]) */
export function clamp(x: Tensor, min?: ClampBound, max?: ClampBound, out?: Tensor): Tensor {
  const bound = (v: ClampBound) => (v === null || v === undefined || isTensor(v) ? undefined : scalarValue(v));
  const args = { min: bound(min), max: bound(max) };
  return traced(CLAMP, [x, operand(min), operand(max)], args, () => clampImpl(x, min, max, out), { inplace: out !== undefined });
}

function clampImpl(x: Tensor, min?: ClampBound, max?: ClampBound, out?: Tensor): Tensor {
  const hasMin = min !== undefined && min !== null;
  const hasMax = max !== undefined && max !== null;
  if (!hasMin && !hasMax) throw new RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None");
  const dtype = resultType(x, ...(hasMin ? [min] : []), ...(hasMax ? [max] : []));
  if (dtype === 'bool') checkClampBool(hasMin ? min : null, hasMax ? max : null);
  let r = x;
  if (hasMin) r = binaryOp('maximum', r, min, { computeDtype: dtype, outDtype: out && !hasMax ? undefined : dtype, out: hasMax ? undefined : out });
  if (hasMax) r = binaryOp('minimum', r, max, { computeDtype: dtype, out });
  return r;
}

/** PyTorch's clamp kernels refuse bool; which kernel (and name) depends on the bounds given. */
function checkClampBool(min: TensorOrScalar | null, max: TensorOrScalar | null): void {
  const tensorBound = isTensor(min) || isTensor(max);
  let kernel: string | undefined;
  if (min !== null && max !== null) kernel = tensorBound ? 'clamp_cpu' : 'clamp_scalar_cpu';
  else if (!tensorBound) kernel = min !== null ? 'clamp_min_cpu' : 'clamp_max_scalar_cpu';
  if (kernel) throw notImplementedFor(kernel, 'bool');
}

/** `torch.nan_to_num(x, nan=0, posinf=max, neginf=min)`. @example torch.nanToNum(torch.tensor([NaN, -Infinity]), { neginf: -1 }) // tensor([ 0., -1.]) */
export function nanToNum(x: Tensor, opts?: { nan?: number; posinf?: number | null; neginf?: number | null }, out?: Tensor): Tensor {
  return traced(NAN_TO_NUM, [x], {}, () => nanToNumImpl(x, opts, out), { inplace: out !== undefined });
}

function nanToNumImpl(x: Tensor, opts?: { nan?: number; posinf?: number | null; neginf?: number | null }, out?: Tensor): Tensor {
  if (out) checkNoInternalOverlap(out);
  if (!isFloatingPoint(x.dtype)) return out ? out : clone(x);
  const max = FINFO_MAX[x.dtype]!;
  const posinf = opts?.posinf ?? max;
  const neginf = opts?.neginf ?? -max;
  let r = where(unaryOp('isnan', x), opts?.nan ?? 0, x);
  r = where(unaryOp('isposinf', r), posinf, r);
  r = where(unaryOp('isneginf', r), neginf, r);
  return out ? copyInto(out, r) : r;
}

/** `torch.sgn(x)`: `sign` for real tensors (autograd names its node SgnBackward0, as PyTorch). @example torch.sgn(torch.tensor([-3, 0, 2])) // tensor([-1,  0,  1]) */
export function sgn(x: Tensor): Tensor {
  return traced(SGN, [x], {}, () => unaryImpl('sign', x));
}

/** C++ type names, as PyTorch prints them in lerp's dtype checks. */
const CPP_TYPE_NAME: Record<DType, string> = {
  float32: 'float', float64: 'double', float16: 'c10::Half', bfloat16: 'c10::BFloat16',
  int32: 'int', int64: 'long int', int8: 'signed char', uint8: 'unsigned char', bool: 'bool',
};

/**
 * `torch.lerp(start, end, weight)` = start + weight * (end - start), with PyTorch's
 * two-sided formula (exact at weight 1, and finite where start or end is infinite).
 * All tensors share one floating dtype; half types compute in float32.
 * @example torch.lerp(a, b, 0.25)
 */
export function lerp(start: Tensor, end: Tensor, weight: TensorOrScalar, out?: Tensor): Tensor {
  const args = { weight: isTensor(weight) ? undefined : scalarValue(weight) };
  return traced(LERP, [start, end, operand(weight)], args, () => lerpImpl(start, end, weight, out), { inplace: out !== undefined });
}

function lerpImpl(start: Tensor, end: Tensor, weight: TensorOrScalar, out?: Tensor): Tensor {
  const dtype = start.dtype;
  for (const [name, t] of [['end', end], ['weight', weight]] as const) {
    if (isTensor(t) && t.dtype !== dtype) {
      throw new RuntimeError(`expected dtype ${CPP_TYPE_NAME[dtype]} for \`${name}\` but got dtype ${CPP_TYPE_NAME[t.dtype]}`);
    }
  }
  if (!isFloatingPoint(dtype)) throw notImplementedFor(isTensor(weight) ? 'lerp_kernel_tensor' : 'lerp_kernel_scalar', dtype);
  const opmath = dtype === 'float16' || dtype === 'bfloat16' ? 'float32' : dtype;
  const up = (t: Tensor) => (t.dtype === opmath ? t : cast(t, opmath));
  const a = up(start);
  const b = up(end);
  const diff = binaryOp('sub', b, a);
  let r: Tensor;
  if (isTensor(weight)) {
    const w = up(weight);
    const low = binaryOp('add', a, binaryOp('mul', w, diff));
    const high = binaryOp('sub', b, binaryOp('mul', diff, binaryOp('sub', 1, w)));
    r = where(binaryOp('lt', unaryOp('abs', w), 0.5), low, high);
  } else {
    const w = scalarValue(weight);
    r = Math.abs(w) < 0.5 ? binaryOp('add', a, binaryOp('mul', diff, w)) : binaryOp('sub', b, binaryOp('mul', diff, 1 - w));
  }
  if (r.dtype !== dtype) r = cast(r, dtype);
  if (!out) return r;
  checkNoInternalOverlap(out);
  return copyInto(out, r);
}

/** Largest finite value per float dtype (torch.finfo(d).max). */
export const FINFO_MAX: Partial<Record<DType, number>> = {
  float16: 65504,
  bfloat16: 3.3895313892515355e38,
  float32: 3.4028234663852886e38,
  float64: Number.MAX_VALUE,
};

/**
 * `F.gelu(x, approximate='none'|'tanh')`, as `torch.gelu`.
 * @example torch.gelu(torch.tensor([-1, 1]).float(), { approximate: 'tanh' }) // tensor([-0.1588,  0.8412])
 */
export function gelu(x: Tensor, opts?: { approximate?: 'none' | 'tanh' }): Tensor {
  return unaryOp(opts?.approximate === 'tanh' ? 'geluTanh' : 'gelu', x);
}

/**
 * `torch.nn.functional.softplus(x, beta=1, threshold=20)`, as `torch.softplus`.
 * @example torch.softplus(torch.tensor([0, 1]).float(), { beta: 2 }) // tensor([0.3466, 1.0635])
 */
export function softplus(x: Tensor, opts?: { beta?: number; threshold?: number }): Tensor {
  const args = { beta: opts?.beta ?? 1, threshold: opts?.threshold ?? 20 };
  return traced(UNARY_TRACE.softplus, [x], args, () => softplusImpl(x, opts));
}

function softplusImpl(x: Tensor, opts?: { beta?: number; threshold?: number }): Tensor {
  checkSupported(UNARY_REFUSED.softplus, x.dtype);
  const beta = opts?.beta ?? 1;
  const threshold = opts?.threshold ?? 20;
  if (beta === 1 && threshold === 20) return unaryOp('softplus', x);
  const bx = binaryOp('mul', x, beta, { computeDtype: unaryDtype('softplus', x.dtype) });
  const soft = div(unaryOp('log1p', unaryOp('exp', bx)), beta);
  return where(binaryOp('gt', bx, threshold), x, soft);
}

/** `torch.round(x, decimals=0)`: half to even. @example torch.round(torch.tensor([1.25, 2.5]), { decimals: 1 }) // tensor([1.2000, 2.5000]) */
export function round(x: Tensor, opts?: { decimals?: number }): Tensor {
  return traced(UNARY_TRACE.round, [x], { decimals: opts?.decimals ?? 0 }, () => roundImpl(x, opts));
}

function roundImpl(x: Tensor, opts?: { decimals?: number }): Tensor {
  const d = opts?.decimals ?? 0;
  if (d === 0) return unaryOp('round', x);
  if (!isFloatingPoint(x.dtype)) throw notImplementedFor('round_cpu', x.dtype);
  const scale = 10 ** d;
  return div(unaryOp('round', mul(x, scale)), scale);
}

/**
 * `torch.isclose(a, b, { rtol=1e-5, atol=1e-8, equalNan=false })`: |a - b| <= atol + rtol * |b|, as bool.
 * @example torch.isclose(torch.tensor([1, NaN]), torch.tensor([1, NaN]), { equalNan: true }) // tensor([True, True])
 */
export function isclose(a: Tensor, b: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): Tensor {
  return traced(ISCLOSE, [a, b], {}, () => iscloseImpl(a, b, opts));
}

function iscloseImpl(a: Tensor, b: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): Tensor {
  if (a.dtype !== b.dtype) throw new RuntimeError(`${SCALAR_TYPE_NAME[a.dtype]} did not match ${SCALAR_TYPE_NAME[b.dtype]}`);
  const rtol = opts?.rtol ?? 1e-5;
  const atol = opts?.atol ?? 1e-8;
  const diff = unaryOp('abs', sub(a, b));
  const tol = add(atol, mul(unaryOp('abs', b), rtol));
  let close = binaryOp('logicalOr', binaryOp('eq', a, b), binaryOp('le', diff, tol));
  if (opts?.equalNan) close = binaryOp('logicalOr', close, binaryOp('logicalAnd', unaryOp('isnan', a), unaryOp('isnan', b)));
  return close;
}

/**
 * `torch.allclose(a, b, { rtol, atol, equalNan })`: whether every element is close (synchronous read; CPU).
 * @example torch.allclose(torch.tensor([1, 2.5]), torch.tensor([1, 2.6]), { atol: 0.2 }) // true
 */
export function allclose(a: Tensor, b: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): boolean {
  const c = isclose(a, b, opts);
  const backend = c.storage.backend;
  if (!backend.readSync) throw new RuntimeError(`allclose needs a synchronous read, which device '${c.device}' lacks`);
  return (backend.readSync(c.backendView) as Uint8Array).every((v) => v === 1);
}

export type { Scalar };
