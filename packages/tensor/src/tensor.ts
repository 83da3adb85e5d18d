// The Tensor: a strided view onto reference-counted storage on one device.
// Methods are thin: each one forwards to the function of its op family.

import type { DType } from './backend/dtype.js';
import { isFloatingPoint, itemSize } from './backend/dtype.js';
import { contiguousStrides, isContiguousLayout, numel } from './backend/layout.js';
import type { View } from './backend/types.js';
import { RuntimeError } from './errors.js';
import { Storage } from './storage.js';
import { trackTensor } from './scope.js';
import type { Device } from './device.js';
import { normalizeDim } from './shape.js';
import * as E from './elementwise.js';
import * as R from './reduce.js';
import * as V from './views.js';
import * as C from './copy.js';
import * as L from './linalg.js';
import * as J from './join.js';
import * as S from './softmax.js';
import * as Rd from './read.js';
import * as I from './indexing.js';
import { fill } from './fill.js';
import { formatTensor } from './print/format.js';
import type { TensorOrScalar, Scalar } from './operands.js';
import type { SizeArgs } from './shape.js';
import { parseSizes } from './shape.js';
import { toDType } from './dtype.js';


const finalizer = new FinalizationRegistry<Storage>((storage) => storage.release());

/**
 * An n-dimensional array on a device, as `torch.Tensor`. Create one with
 * `torch.tensor`, `torch.zeros`, …; never with `new`.
 */
export class Tensor {
  /** The storage this tensor views; shared with its views. */
  readonly storage: Storage;
  /** Sizes, as `x.shape` in PyTorch (a plain `number[]`). */
  readonly shape: readonly number[];
  /** Strides in elements, as `x.stride()`. */
  readonly strides: readonly number[];
  /** Offset of element (0, …, 0) in the storage, as `x.storage_offset()`. */
  readonly offset: number;
  private disposed = false;

  /** @internal Use the creation functions. */
  constructor(storage: Storage, shape: readonly number[], strides: readonly number[], offset: number) {
    this.storage = storage;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    storage.retain();
    finalizer.register(this, storage, this);
    trackTensor(this);
  }

  get dtype(): DType {
    return this.storage.dtype;
  }

  get device(): Device {
    return this.storage.device;
  }

  /** Number of dims, as `x.ndim`. */
  get ndim(): number {
    return this.shape.length;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** `x.dim()`. */
  dim(): number {
    return this.shape.length;
  }

  /** `x.numel()`. */
  numel(): number {
    return numel(this.shape);
  }

  /** `x.size()` → shape; `x.size(d)` → one size (negative dims allowed). */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return [...this.shape];
    return this.shape[normalizeDim(dim, this.ndim)]!;
  }

  /** `x.stride()` or `x.stride(d)`. */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return [...this.strides];
    return this.strides[normalizeDim(dim, this.ndim)]!;
  }

  /** `x.storage_offset()`. */
  storageOffset(): number {
    return this.offset;
  }

  /** `x.is_contiguous()`. */
  isContiguous(): boolean {
    return isContiguousLayout(this.shape, this.strides);
  }

  /** Frees this tensor's hold on its storage now (GPU memory is not garbage-collected). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    finalizer.unregister(this);
    this.storage.release();
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  // ---- conversion -------------------------------------------------------

  /**
   * `x.to(device)`, `x.to(dtype)`, `x.to({ device, dtype })` or `x.to(other)`:
   * `x` itself when nothing changes.
   * @example x.to('float64'); x.to('webgpu')
   */
  to(target: Device | DType | Tensor | { device?: Device; dtype?: DType; copy?: boolean }): Tensor {
    let device: Device = this.device;
    let dtype: DType = this.dtype;
    let copy = false;
    if (target instanceof Tensor) {
      device = target.device;
      dtype = target.dtype;
    } else if (typeof target === 'string') {
      if (isDTypeName(target)) dtype = toDType(target);
      else device = target;
    } else {
      device = target.device ?? device;
      dtype = target.dtype ?? dtype;
      copy = target.copy ?? false;
    }
    let r: Tensor = C.toDevice(this, device);
    r = C.cast(r, dtype, copy && r === this);
    return r;
  }

  /** `await x.toAsync(device)`: moves off devices that cannot be read synchronously. */
  toAsync(device: Device): Promise<Tensor> {
    return C.toDeviceAsync(this, device);
  }

  /** `x.cpu()`. */
  cpu(): Tensor {
    return C.toDevice(this, 'cpu');
  }

  /** `x.type(dtype)`: cast. */
  type(dtype: DType): Tensor {
    return C.cast(this, toDType(dtype));
  }
  float(): Tensor {
    return C.cast(this, 'float32');
  }
  double(): Tensor {
    return C.cast(this, 'float64');
  }
  half(): Tensor {
    return C.cast(this, 'float16');
  }
  bfloat16(): Tensor {
    return C.cast(this, 'bfloat16');
  }
  int(): Tensor {
    return C.cast(this, 'int32');
  }
  long(): Tensor {
    return C.cast(this, 'int64');
  }
  bool(): Tensor {
    return C.cast(this, 'bool');
  }
  byte(): Tensor {
    return C.cast(this, 'uint8');
  }
  char(): Tensor {
    return C.cast(this, 'int8');
  }

  /** `x.is_floating_point()`. */
  isFloatingPoint(): boolean {
    return isFloatingPoint(this.dtype);
  }

  /** `x.element_size()`: bytes per element. */
  elementSize(): number {
    return itemSize(this.dtype);
  }

  // ---- copies and views ---------------------------------------------------

  contiguous(): Tensor {
    return C.contiguous(this);
  }
  clone(): Tensor {
    return C.clone(this);
  }
  /** A tensor sharing storage, outside any autograd graph. */
  detach(): Tensor {
    return C.alias(this);
  }
  /** `x.copy_(src)`: in place, broadcasting and casting `src`. */
  copy_(src: Tensor): Tensor {
    return C.copyInto(this, src);
  }
  /** `x.view(*shape)` or `x.view([...])`; `x.view(dtype)` is not supported. */
  view(...shape: SizeArgs): Tensor {
    return V.view(this, parseSizes(shape));
  }
  viewAs(other: Tensor): Tensor {
    return V.view(this, other.shape);
  }
  reshape(...shape: SizeArgs): Tensor {
    return V.reshape(this, parseSizes(shape));
  }
  reshapeAs(other: Tensor): Tensor {
    return V.reshape(this, other.shape);
  }
  permute(...dims: SizeArgs): Tensor {
    return V.permute(this, parseSizes(dims));
  }
  transpose(dim0: number, dim1: number): Tensor {
    return V.transpose(this, dim0, dim1);
  }
  /** `x.swapaxes(a, b)` = transpose. */
  swapaxes(dim0: number, dim1: number): Tensor {
    return V.transpose(this, dim0, dim1);
  }
  t(): Tensor {
    return V.t(this);
  }
  /** `x.T`: all dims reversed. */
  get T(): Tensor {
    return V.permute(this, this.shape.map((_, i) => this.ndim - 1 - i));
  }
  /** `x.mT`: the last two dims swapped. */
  get mT(): Tensor {
    if (this.ndim < 2) {
      throw new RuntimeError(`tensor.mT is only supported on matrices or batches of matrices. Got ${this.ndim}-D tensor.`);
    }
    return V.transpose(this, -2, -1);
  }
  expand(...sizes: SizeArgs): Tensor {
    return V.expand(this, parseSizes(sizes));
  }
  expandAs(other: Tensor): Tensor {
    return V.expand(this, other.shape);
  }
  squeeze(dim?: number | readonly number[]): Tensor {
    return V.squeeze(this, dim);
  }
  unsqueeze(dim: number): Tensor {
    return V.unsqueeze(this, dim);
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return V.flatten(this, startDim, endDim);
  }
  unflatten(dim: number, sizes: readonly number[]): Tensor {
    return V.unflatten(this, dim, sizes);
  }
  narrow(dim: number, start: number, length: number): Tensor {
    return V.narrow(this, dim, start, length);
  }
  select(dim: number, index: number): Tensor {
    return V.select(this, dim, index);
  }
  diagonal(offset = 0, dim1 = 0, dim2 = 1): Tensor {
    return V.diagonal(this, offset, dim1, dim2);
  }
  movedim(source: number | readonly number[], destination: number | readonly number[]): Tensor {
    return V.movedim(this, source, destination);
  }
  /** `x[...]`: ints, `[start, stop, step]` slices, `':'`, `null`, `'...'`. @example x.at(0, [1, 3]) */
  at(...indices: I.Index[]): Tensor {
    return I.at(this, ...indices);
  }
  /** `x[...] = value`, in place. @example x.setAt([0, ':'], 1) */
  setAt(indices: readonly I.Index[], value: TensorOrScalar): Tensor {
    return I.setAt(this, indices, value);
  }
  chunk(chunks: number, dim = 0): Tensor[] {
    return J.chunk(this, chunks, dim);
  }
  split(splitSize: number | readonly number[], dim = 0): Tensor[] {
    return J.split(this, splitSize, dim);
  }
  unbind(dim = 0): Tensor[] {
    return J.unbind(this, dim);
  }

  // ---- filling ----------------------------------------------------------

  fill_(value: Scalar | Tensor): Tensor {
    return fill(this, value);
  }
  zero_(): Tensor {
    return fill(this, 0);
  }

  // ---- unary math -------------------------------------------------------

  abs(): Tensor { return E.unaryOp('abs', this); }
  abs_(): Tensor { return E.unaryOp('abs', this, this); }
  neg(): Tensor { return E.unaryOp('neg', this); }
  neg_(): Tensor { return E.unaryOp('neg', this, this); }
  negative(): Tensor { return E.unaryOp('neg', this); }
  exp(): Tensor { return E.unaryOp('exp', this); }
  exp_(): Tensor { return E.unaryOp('exp', this, this); }
  exp2(): Tensor { return E.unaryOp('exp2', this); }
  exp2_(): Tensor { return E.unaryOp('exp2', this, this); }
  expm1(): Tensor { return E.unaryOp('expm1', this); }
  expm1_(): Tensor { return E.unaryOp('expm1', this, this); }
  log(): Tensor { return E.unaryOp('log', this); }
  log_(): Tensor { return E.unaryOp('log', this, this); }
  log2(): Tensor { return E.unaryOp('log2', this); }
  log2_(): Tensor { return E.unaryOp('log2', this, this); }
  log10(): Tensor { return E.unaryOp('log10', this); }
  log10_(): Tensor { return E.unaryOp('log10', this, this); }
  log1p(): Tensor { return E.unaryOp('log1p', this); }
  log1p_(): Tensor { return E.unaryOp('log1p', this, this); }
  sqrt(): Tensor { return E.unaryOp('sqrt', this); }
  sqrt_(): Tensor { return E.unaryOp('sqrt', this, this); }
  rsqrt(): Tensor { return E.unaryOp('rsqrt', this); }
  rsqrt_(): Tensor { return E.unaryOp('rsqrt', this, this); }
  sin(): Tensor { return E.unaryOp('sin', this); }
  sin_(): Tensor { return E.unaryOp('sin', this, this); }
  cos(): Tensor { return E.unaryOp('cos', this); }
  cos_(): Tensor { return E.unaryOp('cos', this, this); }
  tan(): Tensor { return E.unaryOp('tan', this); }
  tan_(): Tensor { return E.unaryOp('tan', this, this); }
  asin(): Tensor { return E.unaryOp('asin', this); }
  asin_(): Tensor { return E.unaryOp('asin', this, this); }
  acos(): Tensor { return E.unaryOp('acos', this); }
  acos_(): Tensor { return E.unaryOp('acos', this, this); }
  atan(): Tensor { return E.unaryOp('atan', this); }
  atan_(): Tensor { return E.unaryOp('atan', this, this); }
  sinh(): Tensor { return E.unaryOp('sinh', this); }
  sinh_(): Tensor { return E.unaryOp('sinh', this, this); }
  cosh(): Tensor { return E.unaryOp('cosh', this); }
  cosh_(): Tensor { return E.unaryOp('cosh', this, this); }
  tanh(): Tensor { return E.unaryOp('tanh', this); }
  tanh_(): Tensor { return E.unaryOp('tanh', this, this); }
  asinh(): Tensor { return E.unaryOp('asinh', this); }
  acosh(): Tensor { return E.unaryOp('acosh', this); }
  atanh(): Tensor { return E.unaryOp('atanh', this); }
  sigmoid(): Tensor { return E.unaryOp('sigmoid', this); }
  sigmoid_(): Tensor { return E.unaryOp('sigmoid', this, this); }
  relu(): Tensor { return E.unaryOp('relu', this); }
  relu_(): Tensor { return E.unaryOp('relu', this, this); }
  gelu(opts?: { approximate?: 'none' | 'tanh' }): Tensor { return E.gelu(this, opts); }
  silu(): Tensor { return E.unaryOp('silu', this); }
  softplus(opts?: { beta?: number; threshold?: number }): Tensor { return E.softplus(this, opts); }
  erf(): Tensor { return E.unaryOp('erf', this); }
  erf_(): Tensor { return E.unaryOp('erf', this, this); }
  erfc(): Tensor { return E.unaryOp('erfc', this); }
  erfc_(): Tensor { return E.unaryOp('erfc', this, this); }
  erfinv(): Tensor { return E.unaryOp('erfinv', this); }
  erfinv_(): Tensor { return E.unaryOp('erfinv', this, this); }
  floor(): Tensor { return E.unaryOp('floor', this); }
  floor_(): Tensor { return E.unaryOp('floor', this, this); }
  ceil(): Tensor { return E.unaryOp('ceil', this); }
  ceil_(): Tensor { return E.unaryOp('ceil', this, this); }
  round(opts?: { decimals?: number }): Tensor { return E.round(this, opts); }
  round_(opts?: { decimals?: number }): Tensor { return opts?.decimals ? C.copyInto(this, E.round(this, opts)) : E.unaryOp('round', this, this); }
  trunc(): Tensor { return E.unaryOp('trunc', this); }
  trunc_(): Tensor { return E.unaryOp('trunc', this, this); }
  frac(): Tensor { return E.unaryOp('frac', this); }
  frac_(): Tensor { return E.unaryOp('frac', this, this); }
  sign(): Tensor { return E.unaryOp('sign', this); }
  sign_(): Tensor { return E.unaryOp('sign', this, this); }
  sgn(): Tensor { return E.unaryOp('sign', this); }
  signbit(): Tensor { return E.unaryOp('signbit', this); }
  reciprocal(): Tensor { return E.unaryOp('reciprocal', this); }
  reciprocal_(): Tensor { return E.unaryOp('reciprocal', this, this); }
  square(): Tensor { return E.unaryOp('square', this); }
  square_(): Tensor { return E.unaryOp('square', this, this); }
  isnan(): Tensor { return E.unaryOp('isnan', this); }
  isinf(): Tensor { return E.unaryOp('isinf', this); }
  isposinf(): Tensor { return E.unaryOp('isposinf', this); }
  isneginf(): Tensor { return E.unaryOp('isneginf', this); }
  isfinite(): Tensor { return E.unaryOp('isfinite', this); }
  logicalNot(): Tensor { return E.unaryOp('logicalNot', this); }
  logicalNot_(): Tensor { return E.unaryOp('logicalNot', this, this); }
  bitwiseNot(): Tensor { return E.unaryOp('bitwiseNot', this); }
  bitwiseNot_(): Tensor { return E.unaryOp('bitwiseNot', this, this); }
  nanToNum(opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor { return E.nanToNum(this, opts); }
  nanToNum_(opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor { return E.nanToNum(this, opts, this); }

  // ---- binary math ------------------------------------------------------

  add(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.add(this, other, opts); }
  add_(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.add(this, other, { ...opts, out: this }); }
  sub(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, opts); }
  sub_(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, { ...opts, out: this }); }
  subtract(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, opts); }
  mul(other: TensorOrScalar): Tensor { return E.mul(this, other); }
  mul_(other: TensorOrScalar): Tensor { return E.mul(this, other, this); }
  multiply(other: TensorOrScalar): Tensor { return E.mul(this, other); }
  div(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, opts); }
  div_(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, { ...opts, out: this }); }
  divide(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, opts); }
  trueDivide(other: TensorOrScalar): Tensor { return E.div(this, other); }
  floorDivide(other: TensorOrScalar): Tensor { return E.floorDivide(this, other); }
  pow(exponent: TensorOrScalar): Tensor { return E.pow(this, exponent); }
  pow_(exponent: TensorOrScalar): Tensor { return E.pow(this, exponent, this); }
  remainder(other: TensorOrScalar): Tensor { return E.binaryOp('remainder', this, other); }
  remainder_(other: TensorOrScalar): Tensor { return E.binaryOp('remainder', this, other, { out: this }); }
  fmod(other: TensorOrScalar): Tensor { return E.binaryOp('fmod', this, other); }
  fmod_(other: TensorOrScalar): Tensor { return E.binaryOp('fmod', this, other, { out: this }); }
  maximum(other: Tensor): Tensor { return E.binaryOp('maximum', this, other); }
  minimum(other: Tensor): Tensor { return E.binaryOp('minimum', this, other); }
  fmax(other: Tensor): Tensor { return E.binaryOp('fmax', this, other); }
  fmin(other: Tensor): Tensor { return E.binaryOp('fmin', this, other); }
  atan2(other: Tensor): Tensor { return E.floatBinary('atan2', this, other); }
  atan2_(other: Tensor): Tensor { return E.floatBinary('atan2', this, other, this); }
  hypot(other: Tensor): Tensor { return E.floatBinary('hypot', this, other); }
  hypot_(other: Tensor): Tensor { return E.floatBinary('hypot', this, other, this); }
  copysign(other: TensorOrScalar): Tensor { return E.floatBinary('copysign', this, other); }
  copysign_(other: TensorOrScalar): Tensor { return E.floatBinary('copysign', this, other, this); }
  xlogy(other: TensorOrScalar): Tensor { return E.floatBinary('xlogy', this, other); }
  xlogy_(other: TensorOrScalar): Tensor { return E.floatBinary('xlogy', this, other, this); }
  clamp(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max); }
  clamp_(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max, this); }
  clip(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max); }
  clampMin(min: TensorOrScalar): Tensor { return E.clamp(this, min, null); }
  clampMax(max: TensorOrScalar): Tensor { return E.clamp(this, null, max); }
  /** `x.where(cond, y)`: `x` where `cond`, else `y`. */
  where(condition: Tensor, other: TensorOrScalar): Tensor { return E.where(condition, this, other); }
  lerp(end: Tensor, weight: TensorOrScalar): Tensor { return E.lerp(this, end, weight); }
  lerp_(end: Tensor, weight: TensorOrScalar): Tensor { return E.lerp(this, end, weight, this); }

  eq(other: TensorOrScalar): Tensor { return E.binaryOp('eq', this, other); }
  eq_(other: TensorOrScalar): Tensor { return E.binaryOp('eq', this, other, { out: this }); }
  ne(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other); }
  ne_(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other, { out: this }); }
  lt(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other); }
  lt_(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other, { out: this }); }
  le(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other); }
  le_(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other, { out: this }); }
  gt(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other); }
  gt_(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other, { out: this }); }
  ge(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other); }
  ge_(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other, { out: this }); }
  greater(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other); }
  greaterEqual(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other); }
  less(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other); }
  lessEqual(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other); }
  notEqual(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other); }
  /** `torch.equal(a, b)`: same shape and values (synchronous read; CPU). */
  equal(other: Tensor): boolean {
    if (this.ndim !== other.ndim || this.shape.some((s, i) => s !== other.shape[i])) return false;
    return Rd.itemSync(R.all(E.binaryOp('eq', this, other))) === true;
  }
  isclose(other: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): Tensor { return E.isclose(this, other, opts); }
  allclose(other: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): boolean { return E.allclose(this, other, opts); }
  logicalAnd(other: TensorOrScalar): Tensor { return E.binaryOp('logicalAnd', this, other); }
  logicalAnd_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalAnd', this, other, { out: this }); }
  logicalOr(other: TensorOrScalar): Tensor { return E.binaryOp('logicalOr', this, other); }
  logicalOr_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalOr', this, other, { out: this }); }
  logicalXor(other: TensorOrScalar): Tensor { return E.binaryOp('logicalXor', this, other); }
  logicalXor_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalXor', this, other, { out: this }); }
  bitwiseAnd(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseAnd', this, other); }
  bitwiseAnd_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseAnd', this, other, this); }
  bitwiseOr(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseOr', this, other); }
  bitwiseOr_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseOr', this, other, this); }
  bitwiseXor(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseXor', this, other); }
  bitwiseXor_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseXor', this, other, this); }
  bitwiseLeftShift(other: TensorOrScalar): Tensor { return E.bitwise('leftShift', this, other); }
  bitwiseLeftShift_(other: TensorOrScalar): Tensor { return E.bitwise('leftShift', this, other, this); }
  bitwiseRightShift(other: TensorOrScalar): Tensor { return E.bitwise('rightShift', this, other); }
  bitwiseRightShift_(other: TensorOrScalar): Tensor { return E.bitwise('rightShift', this, other, this); }

  // ---- reductions -------------------------------------------------------

  /** `x.sum(dim?, { keepdim, dtype })`; `x.sum(1, true)` also works. */
  sum(dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor { return R.sum(this, dim, ro(opts)); }
  mean(dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor { return R.mean(this, dim, ro(opts)); }
  prod(dim?: number | null, opts?: R.ReduceOptions | boolean): Tensor { return R.prod(this, dim, ro(opts)); }
  /** `x.max()`, `x.max(dim, keepdim?)` → [values, indices], or `x.max(other)` = maximum. */
  max(): Tensor;
  max(dim: number, opts?: { keepdim?: boolean } | boolean): R.ValuesIndices;
  max(other: Tensor): Tensor;
  max(arg?: number | Tensor, opts?: { keepdim?: boolean } | boolean): Tensor | R.ValuesIndices {
    if (arg === undefined) return R.maxAll('max', this);
    if (arg instanceof Tensor) return E.binaryOp('maximum', this, arg);
    return R.maxAlongDim('max', this, arg, ro(opts)?.keepdim ?? false);
  }
  /** `x.min()`, `x.min(dim, keepdim?)` → [values, indices], or `x.min(other)` = minimum. */
  min(): Tensor;
  min(dim: number, opts?: { keepdim?: boolean } | boolean): R.ValuesIndices;
  min(other: Tensor): Tensor;
  min(arg?: number | Tensor, opts?: { keepdim?: boolean } | boolean): Tensor | R.ValuesIndices {
    if (arg === undefined) return R.maxAll('min', this);
    if (arg instanceof Tensor) return E.binaryOp('minimum', this, arg);
    return R.maxAlongDim('min', this, arg, ro(opts)?.keepdim ?? false);
  }
  amax(dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.amax(this, dim, ro(opts)); }
  amin(dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.amin(this, dim, ro(opts)); }
  argmax(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.argmax(this, dim, ro(opts)); }
  argmin(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.argmin(this, dim, ro(opts)); }
  /** `x.std(dim?, { correction=1, keepdim })`; `x.std(false)` is the biased (unbiased=False) form. */
  std(dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor { return typeof dim === 'boolean' ? R.std(this, null, { unbiased: dim }) : R.std(this, dim, opts); }
  var(dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor { return typeof dim === 'boolean' ? R.variance(this, null, { unbiased: dim }) : R.variance(this, dim, opts); }
  logsumexp(dim: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.logsumexp(this, dim, ro(opts)); }
  norm(p?: number | 'fro', dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.norm(this, p, dim, ro(opts)); }
  all(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.all(this, dim, ro(opts)); }
  any(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.any(this, dim, ro(opts)); }
  cumsum(dim: number, opts?: { dtype?: DType }): Tensor { return R.cumsum(this, dim, opts); }
  cumprod(dim: number, opts?: { dtype?: DType }): Tensor { return R.cumprod(this, dim, opts); }
  softmax(dim: number, opts?: { dtype?: DType }): Tensor { return S.softmax(this, dim, opts); }
  logSoftmax(dim: number, opts?: { dtype?: DType }): Tensor { return S.logSoftmax(this, dim, opts); }

  // ---- linear algebra ---------------------------------------------------

  matmul(other: Tensor): Tensor { return L.matmul(this, other); }
  mm(other: Tensor): Tensor { return L.mm(this, other); }
  bmm(other: Tensor): Tensor { return L.bmm(this, other); }
  mv(vec: Tensor): Tensor { return L.mv(this, vec); }
  dot(other: Tensor): Tensor { return L.dot(this, other); }
  outer(other: Tensor): Tensor { return L.outer(this, other); }

  // ---- reading ----------------------------------------------------------

  /** `await x.data()`: values in row-major order (x.numpy() in PyTorch). */
  data(): Promise<Rd.DataArray> { return Rd.data(this); }
  dataSync(): Rd.DataArray { return Rd.dataSync(this); }
  /** `await x.item()`: the value of a one-element tensor. */
  item(): Promise<number | boolean> { return Rd.item(this); }
  itemSync(): number | boolean { return Rd.itemSync(this); }
  tolist(): Promise<Rd.NestedList> { return Rd.tolist(this); }
  tolistSync(): Rd.NestedList { return Rd.tolistSync(this); }

  /** Prints as PyTorch prints: `tensor([1., 2.])`. Reads synchronously (CPU); other devices print their metadata. */
  toString(): string {
    if (this.disposed) return `tensor(<disposed>, size=(${this.shape.join(', ')}))`;
    if (!this.storage.backend.readSync) return `tensor(<on ${this.device}: await data() to read>, size=(${this.shape.join(', ')}), dtype=torch.${this.dtype})`;
    return formatTensor({
      shape: this.shape,
      dtype: this.dtype,
      device: this.device,
      values: Rd.dataSync(this),
      ...printHooks.extra(this),
    });
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  /** @internal The backend view of this tensor; throws when disposed. */
  get backendView(): View {
    if (this.disposed) throw new RuntimeError('this tensor has been disposed');
    return { buf: this.storage.buf, dtype: this.dtype, shape: this.shape, strides: this.strides, offset: this.offset };
  }

  /** @internal Marks an in-place write for autograd's version check. */
  bumpVersion(): void {
    this.storage.version++;
  }

  /** The in-place version counter, as `x._version`. */
  get version(): number {
    return this.storage.version;
  }
}

/** @internal A new contiguous tensor with uninitialised contents. */
export function emptyTensor(shape: readonly number[], dtype: DType, device: Device): Tensor {
  const storage = new Storage(device, dtype, numel(shape));
  return new Tensor(storage, [...shape], contiguousStrides(shape), 0);
}

/** @internal Another view onto `t`'s storage. */
export function viewTensor(t: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  if (t.isDisposed) throw new RuntimeError('this tensor has been disposed');
  return new Tensor(t.storage, shape, strides, offset);
}

/** Keepdim given as a boolean (PyTorch's positional form) or in options. */
function ro<T extends { keepdim?: boolean }>(opts: T | boolean | undefined): T | undefined {
  return typeof opts === 'boolean' ? ({ keepdim: opts } as T) : opts;
}

const DTYPE_NAMES = new Set(['float32', 'float64', 'float16', 'bfloat16', 'int32', 'int64', 'int8', 'uint8', 'bool', 'float', 'double', 'half', 'int', 'long']);

function isDTypeName(s: string): boolean {
  return DTYPE_NAMES.has(s.startsWith('torch.') ? s.slice(6) : s);
}

/** What printing adds beyond values (autograd fills in requires_grad and grad_fn). */
export const printHooks: { extra: (t: Tensor) => { requiresGrad?: boolean; gradFnName?: string } } = {
  extra: () => ({}),
};
