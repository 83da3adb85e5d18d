// Creation ops: tensor(), zeros, ones, full, empty, arange, linspace, eye and the *Like forms.

import type { DType, StorageArray } from './backend/dtype.js';
import { allocStorageArray, isFloatingPoint } from './backend/dtype.js';
import { floatToBfloat16Bits, floatToHalfBits } from './backend/half.js';
import type { Device } from './device.js';
import { getDefaultDevice } from './device.js';
import { getDefaultDtype, scalarDtype } from './dtype.js';
import { NotImplementedError, RuntimeError, TorchTypeError, ValueError } from './errors.js';
import type { Scalar } from './operands.js';
import { checkSizes, parseSizes } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { fillScalar } from './fill.js';

/** Options every creation op takes. */
export interface TensorOptions {
  dtype?: DType;
  device?: Device;
  requiresGrad?: boolean;
}

/** Nested arrays of numbers/booleans/bigints, a typed array, or a scalar. */
export type NestedArray = Scalar | readonly NestedArray[];
export type TensorData = NestedArray | Float32Array | Float64Array | Int32Array | BigInt64Array | Int8Array | Uint8Array | Uint16Array;

/** Hook for `requiresGrad` on creation; set by @torchlet/autograd. */
let requiresGradHook: ((t: Tensor) => void) | undefined;

/** @internal Lets autograd honour `requiresGrad` in creation options. */
export function setRequiresGradHook(hook: (t: Tensor) => void): void {
  requiresGradHook = hook;
}

/** @internal Applies the common creation options to a fresh tensor. */
export function finish(t: Tensor, opts: TensorOptions | undefined): Tensor {
  if (opts?.requiresGrad) {
    if (!requiresGradHook) throw new NotImplementedError('requiresGrad needs @torchlet/autograd, which is not available yet');
    requiresGradHook(t);
  }
  return t;
}

/** Writes plain values into a new storage array of `dtype` (casting as PyTorch casts). */
export function toStorageArray(values: ArrayLike<number | boolean | bigint>, dtype: DType): StorageArray {
  const n = values.length;
  const out = allocStorageArray(dtype, n);
  switch (dtype) {
    case 'float16':
      for (let i = 0; i < n; i++) out[i] = floatToHalfBits(toNum(values[i]!));
      break;
    case 'bfloat16':
      for (let i = 0; i < n; i++) out[i] = floatToBfloat16Bits(toNum(values[i]!));
      break;
    case 'int64': {
      const o = out as BigInt64Array;
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        o[i] = typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt.asIntN(64, BigInt(truncOrZero(toNum(v))));
      }
      break;
    }
    case 'bool':
      for (let i = 0; i < n; i++) out[i] = toNum(values[i]!) !== 0 ? 1 : 0;
      break;
    default: {
      const o = out as Float32Array;
      if (isFloatingPoint(dtype)) for (let i = 0; i < n; i++) o[i] = toNum(values[i]!);
      else for (let i = 0; i < n; i++) o[i] = truncOrZero(toNum(values[i]!));
    }
  }
  return out;
}

function toNum(v: number | boolean | bigint): number {
  return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
}

function truncOrZero(v: number): number {
  return Number.isFinite(v) ? Math.trunc(v) : 0;
}

/** A tensor of `shape` and `dtype` holding `values` (row-major). */
export function fromValues(values: ArrayLike<number | boolean | bigint>, shape: readonly number[], dtype: DType, device: Device): Tensor {
  const t = emptyTensor(shape, dtype, device);
  if (values.length > 0) t.storage.backend.write(t.storage.buf, toStorageArray(values, dtype), 0);
  return t;
}

function typedArrayDtype(data: object): DType | undefined {
  if (data instanceof Float32Array) return 'float32';
  if (data instanceof Float64Array) return 'float64';
  if (data instanceof Int32Array) return 'int32';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof Int8Array) return 'int8';
  if (data instanceof Uint8Array) return 'uint8';
  return undefined;
}

/** The shape of nested arrays as PyTorch infers it: from the first element at each depth. */
function nestedShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let cur: NestedArray | undefined = data;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = (cur as readonly NestedArray[])[0];
  }
  return shape;
}

/** Flattens nested arrays of `shape`, checking they are rectangular as PyTorch does. */
function flattenNested(data: NestedArray, shape: readonly number[], out: Scalar[], depth = 0): void {
  if (!Array.isArray(data)) {
    if (depth < shape.length) throw new TorchTypeError('not a sequence');
    out.push(data as Scalar);
    return;
  }
  if (depth === shape.length) throw new TorchTypeError(`expected a number at dim ${depth} but got a sequence`);
  if (shape[depth] !== data.length) {
    throw new ValueError(`expected sequence of length ${shape[depth]} at dim ${depth} (got ${data.length})`);
  }
  for (const item of data) flattenNested(item as NestedArray, shape, out, depth + 1);
}

const INT_RANGE: Partial<Record<DType, readonly [number, number]>> = {
  uint8: [0, 255], int8: [-128, 127], int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63],
};

/**
 * PyTorch's checked conversion of a Python number into an integer dtype
 * (c10::overflows): floats must lie in range; integers may also wrap into an
 * unsigned type from as low as -max (torch.tensor([-1], dtype=torch.uint8) is 255).
 */
function checkIntRange(values: readonly Scalar[], dtype: DType): void {
  const range = INT_RANGE[dtype];
  if (!range) return;
  const [lo, hi] = range;
  for (const v of values) {
    if (typeof v === 'boolean') continue;
    if (typeof v === 'bigint') {
      if (dtype === 'int64' && (v >= 2n ** 63n || v < -(2n ** 63n))) throw new RuntimeError('Overflow when unpacking long');
      if (dtype !== 'int64' && (v > BigInt(hi) || v < (lo === 0 ? -BigInt(hi) : BigInt(lo)))) throw overflow(dtype);
      continue;
    }
    const bad = Number.isInteger(v)
      ? v > hi || v < (lo === 0 ? -hi : lo) || (dtype === 'int64' && v >= 2 ** 63)
      : !(v >= lo && v <= hi);
    if (bad) throw overflow(dtype);
  }
}

function overflow(dtype: DType): RuntimeError {
  return new RuntimeError(`value cannot be converted to type ${dtype} without overflow`);
}

/**
 * `torch.tensor(data)`: a new tensor copying `data`. The dtype is inferred as
 * PyTorch infers it: all booleans → bool, all integers → int64, else the
 * default float dtype; typed arrays keep their type.
 * @example
 * torch.tensor([[1, 2], [3, 4]]);          // int64
 * torch.tensor([0.5, 1], { dtype: 'float64' });
 */
export function tensor(data: TensorData, opts?: TensorOptions): Tensor {
  const device = opts?.device ?? getDefaultDevice();
  if (ArrayBuffer.isView(data)) {
    const dtype = opts?.dtype ?? typedArrayDtype(data);
    if (dtype === undefined) throw new TorchTypeError('tensor(): Uint16Array data needs an explicit dtype (float16 or bfloat16 bits are not inferred)');
    const arr = data as unknown as ArrayLike<number | bigint>;
    return finish(fromValues(arr, [arr.length], dtype, device), opts);
  }
  const shape = nestedShape(data as NestedArray);
  const flat: Scalar[] = [];
  flattenNested(data as NestedArray, shape, flat);
  if (opts?.dtype) checkIntRange(flat, opts.dtype);
  let dtype = opts?.dtype;
  if (dtype === undefined) {
    if (flat.length === 0) dtype = getDefaultDtype();
    else if (flat.every((v) => typeof v === 'boolean')) dtype = 'bool';
    else if (flat.some((v) => typeof v === 'number' && !Number.isInteger(v))) dtype = getDefaultDtype();
    else dtype = 'int64';
  }
  return finish(fromValues(flat, shape, dtype, device), opts);
}

/** Trailing options after varargs sizes: `zeros(2, 3, { dtype })`. */
type SizesAndOptions = [readonly number[], TensorOptions?] | [...number[]] | [...number[], TensorOptions];

function splitSizes(args: readonly unknown[]): [number[], TensorOptions | undefined] {
  const last = args[args.length - 1];
  const hasOpts = last !== undefined && typeof last === 'object' && !Array.isArray(last);
  const sizeArgs = (hasOpts ? args.slice(0, -1) : args) as (number | readonly number[])[];
  const shape = parseSizes(sizeArgs);
  checkSizes(shape);
  return [shape, hasOpts ? (last as TensorOptions) : undefined];
}

/**
 * `torch.full(size, fillValue)`: dtype inferred from the value when not given
 * (bool, int64 or the default float).
 * @example torch.full([2], 7) // tensor([7, 7])
 */
export function full(size: readonly number[], fillValue: Scalar, opts?: TensorOptions): Tensor {
  const shape = [...size];
  checkSizes(shape);
  const dtype = opts?.dtype ?? scalarDtype(fillValue);
  const t = emptyTensor(shape, dtype, opts?.device ?? getDefaultDevice());
  return finish(fillScalar(t, fillValue), opts);
}

function filled(value: number, args: readonly unknown[]): Tensor {
  const [shape, opts] = splitSizes(args);
  return full(shape, value, { ...opts, dtype: opts?.dtype ?? getDefaultDtype() });
}

/** `torch.zeros(*size)` or `torch.zeros([...sizes], opts)`. @example torch.zeros([2], { dtype: 'int64' }) // tensor([0, 0]) */
export function zeros(...args: SizesAndOptions): Tensor {
  return filled(0, args);
}

/** `torch.ones(*size)`. @example torch.ones(2) // tensor([1., 1.]) */
export function ones(...args: SizesAndOptions): Tensor {
  return filled(1, args);
}

/** `torch.empty(*size)`: uninitialised (zero on CPU). @example torch.empty(4) */
export function empty(...args: SizesAndOptions): Tensor {
  const [shape, opts] = splitSizes(args);
  return finish(emptyTensor(shape, opts?.dtype ?? getDefaultDtype(), opts?.device ?? getDefaultDevice()), opts);
}

/** Options of the *Like creation ops: default to the template's dtype and device. */
function likeOptions(t: Tensor, opts?: TensorOptions): TensorOptions {
  return { dtype: opts?.dtype ?? t.dtype, device: opts?.device ?? t.device, requiresGrad: opts?.requiresGrad ?? false };
}

/** `torch.zeros_like(t)`: zeros of `t`'s shape, dtype and device. @example torch.zerosLike(torch.tensor([1, 2])) // tensor([0, 0]) */
export function zerosLike(t: Tensor, opts?: TensorOptions): Tensor {
  return filledLike(t, 0, opts);
}
/** `torch.ones_like(t)`: ones of `t`'s shape, dtype and device. @example torch.onesLike(torch.tensor([1, 2]), { dtype: 'float32' }) // tensor([1., 1.]) */
export function onesLike(t: Tensor, opts?: TensorOptions): Tensor {
  return filledLike(t, 1, opts);
}
/** `torch.full_like(t, v)`: `v` in `t`'s shape, dtype and device. @example torch.fullLike(torch.zeros(2), 7) // tensor([7., 7.]) */
export function fullLike(t: Tensor, fillValue: Scalar, opts?: TensorOptions): Tensor {
  return filledLike(t, fillValue, opts);
}
/** `torch.empty_like(t)`: uninitialised, in `t`'s shape, dtype and device. @example torch.emptyLike(torch.zeros(2, 3)).shape // [2, 3] */
export function emptyLike(t: Tensor, opts?: TensorOptions): Tensor {
  const o = likeOptions(t, opts);
  return finish(emptyTensor(t.shape, o.dtype!, o.device!, t), o);
}

/** A tensor in `t`'s shape and layout filled with `value`. */
function filledLike(t: Tensor, value: Scalar, opts?: TensorOptions): Tensor {
  const o = likeOptions(t, opts);
  const out = emptyTensor(t.shape, o.dtype!, o.device!, t);
  return finish(fillScalar(out, value), o);
}

/**
 * `torch.arange(end)`, `arange(start, end, step=1)`: int64 when every argument
 * is an integer, else the default float dtype.
 * @example
 * torch.arange(5) // tensor([0, 1, 2, 3, 4])
 * torch.arange(0, 1, 0.25) // tensor([0.0000, 0.2500, 0.5000, 0.7500])
 */
export function arange(end: number, opts?: TensorOptions): Tensor;
export function arange(start: number, end: number, opts?: TensorOptions): Tensor;
export function arange(start: number, end: number, step: number, opts?: TensorOptions): Tensor;
export function arange(...args: (number | TensorOptions | undefined)[]): Tensor {
  const nums = args.filter((a): a is number => typeof a === 'number');
  const opts = args.find((a): a is TensorOptions => typeof a === 'object');
  const [start, end, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  const dtype = opts?.dtype ?? (nums.every(Number.isInteger) ? 'int64' : getDefaultDtype());
  // integer dtypes take start, end and step truncated (PyTorch's int64 accumulator);
  // the length still comes from the unrounded values, except for int64 itself
  const integral = !isFloatingPoint(dtype);
  const [xstart, xend, xstep] = integral ? [start, end, step].map(Math.trunc) as [number, number, number] : [start, end, step];
  if (xstep === 0) throw new RuntimeError('step must be nonzero');
  if (!Number.isFinite(start) || !Number.isFinite(end)) throw new RuntimeError(`unsupported range: ${start} -> ${end}`);
  if ((xstep > 0 && xend < xstart) || (xstep < 0 && xend > xstart)) {
    throw new RuntimeError('upper bound and larger bound inconsistent with step sign');
  }
  const n = dtype === 'int64' ? Math.ceil((xend - xstart) / xstep) : Math.ceil((end - start) / step);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = xstart + i * xstep;
  return finish(fromValues(values, [n], dtype, opts?.device ?? getDefaultDevice()), opts);
}

/**
 * `torch.linspace(start, end, steps)`: evenly spaced, computed from both ends as PyTorch does.
 * @example torch.linspace(0, 1, 5) // tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])
 */
export function linspace(start: number, end: number, steps: number, opts?: TensorOptions): Tensor {
  if (steps < 0) throw new RuntimeError('number of steps must be non-negative');
  const dtype = opts?.dtype ?? getDefaultDtype();
  const values = new Float64Array(steps);
  if (steps === 1) values[0] = start;
  else if (steps > 1) {
    const single = dtype === 'float32' || dtype === 'float16' || dtype === 'bfloat16';
    const r = single ? Math.fround : (v: number) => v;
    const step = r((end - start) / (steps - 1));
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) {
      values[i] = i < half ? r(start + r(step * i)) : r(end - r(step * (steps - i - 1)));
    }
  }
  return finish(fromValues(values, [steps], dtype, opts?.device ?? getDefaultDevice()), opts);
}

/** `torch.eye(n, m=n)`. @example torch.eye(3) */
export function eye(n: number, m?: number | TensorOptions, opts?: TensorOptions): Tensor {
  const cols = typeof m === 'number' ? m : n;
  const o = typeof m === 'object' ? m : opts;
  if (n < 0) throw new RuntimeError(`n must be greater or equal to 0, got ${n}`);
  if (cols < 0) throw new RuntimeError(`m must be greater or equal to 0, got ${cols}`);
  const values = new Uint8Array(n * cols);
  for (let i = 0; i < Math.min(n, cols); i++) values[i * cols + i] = 1;
  return finish(fromValues(values, [n, cols], o?.dtype ?? getDefaultDtype(), o?.device ?? getDefaultDevice()), o);
}

/** `torch.scalar_tensor(v)`: a 0-d tensor of the default float dtype. @example torch.scalarTensor(3) // tensor(3.) */
export function scalarTensor(v: Scalar, opts?: TensorOptions): Tensor {
  return full([], v, { ...opts, dtype: opts?.dtype ?? getDefaultDtype() });
}
