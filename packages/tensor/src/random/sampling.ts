// In-place random fills: x.uniform_(), x.normal_(), x.exponential_(), x.random_().
// Samples are drawn in PyTorch's order (TensorIterator's memory order), one
// generator draw pattern per dtype, so the same seed gives PyTorch's values.

import { isFloatingPoint } from '../backend/dtype.js';
import { SCALAR_TYPE_NAME } from '../dtype.js';
import { RuntimeError, TorchTypeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { defineOp, traced } from '../trace.js';
import { DIGITS, exponentialDouble, normalDouble, uniformDoubles, uniformFloats } from './distributions.js';
import { fma, fmaf } from './fma.js';
import type { FloatDType } from './distributions.js';
import type { Generator } from './generator.js';
import { generatorFor } from './generator.js';
import { valuesFor, writeInIterationOrder } from './iterationOrder.js';
import { narrowRounder, normalFillFloat32, normalFillFloat64, normalFillNarrow } from './normalFill.js';
import { randomFromTo, randomFullRange, randomInt, randomIntBound } from './integers.js';
import { exponentialOnDevice, normalOnDevice, randomOnDevice, uniformOnDevice } from './philox.js';

/** The keyword-only `generator` argument every random op takes. */
export interface GeneratorOptions {
  generator?: Generator;
}

const UNIFORM_ = defineOp('uniform_', false);
const NORMAL_ = defineOp('normal_', false);
const EXPONENTIAL_ = defineOp('exponential_', false);
const RANDOM_ = defineOp('random_', false);

/** PyTorch's error for a kernel without this dtype: `"normal_kernel_cpu" not implemented for 'Long'`. */
export function notImplementedFor(kernel: string, x: Tensor): RuntimeError {
  return new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
}

function floatOnly(kernel: string, x: Tensor): FloatDType {
  if (!isFloatingPoint(x.dtype)) throw notImplementedFor(kernel, x);
  return x.dtype as FloatDType;
}

/** A double as PyTorch's messages print it (C++ ostream, like %g: 6 significant digits, `1e+20`). @example fmt(1 / 3) // '0.333333' */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(6)))));
  if (exp >= -5 && exp < 6) return String(Number(v.toPrecision(6)));
  const [mant, e] = v.toExponential(5).split('e') as [string, string];
  const m = mant.replace(/\.?0+$/, '');
  const sign = e.startsWith('-') ? '-' : '+';
  return `${m}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
}

/**
 * `x.uniform_(from=0, to=1, { generator })`: fills `x` with samples of U[from, to), in place.
 * @example torch.manualSeed(0); torch.empty(2).uniform_(-1, 1) // tensor([-0.0075,  0.5364])
 */
export function uniform_(x: Tensor, from = 0, to = 1, opts?: GeneratorOptions): Tensor {
  return traced(UNIFORM_, [x], { from, to }, () => {
    const dtype = floatOnly('check_uniform_bounds', x);
    if (!(from <= to)) throw new RuntimeError(`uniform_ expects to return a [from, to) range, but found from=${fmt(from)} > to=${fmt(to)}`);
    const g = generatorFor(x.device, opts?.generator);
    if (!g.isCpu) return uniformOnDevice(x, from, to, g);
    const n = x.numel();
    const values = valuesFor(dtype, n);
    if (dtype === 'float64') {
      uniformDoubles(g, values as Float64Array);
      if (from !== 0 || to !== 1) for (let i = 0; i < n; i++) values[i] = fma(values[i]!, to - from, from);
    } else {
      // bounds are cast to the tensor's dtype; for float16/bfloat16 c10 rounds to - from to it too
      const r = dtype === 'float32' ? Math.fround : narrowRounder(dtype);
      const lo = r(from);
      const hi = r(to);
      const range = r(hi - lo);
      uniformFloats(g, values, DIGITS[dtype]);
      if (lo !== 0 || hi !== 1) for (let i = 0; i < n; i++) values[i] = fmaf(values[i]!, range, lo);
    }
    return writeInIterationOrder(x, values);
  }, { inplace: true });
}

/**
 * `x.normal_(mean=0, std=1, { generator })`: fills `x` with samples of N(mean, std²), in place.
 * Contiguous tensors of 16+ elements take PyTorch's vectorised Box–Muller path, others the scalar one.
 * @example torch.manualSeed(0); torch.empty(2).normal_() // tensor([ 1.5410, -0.2934])
 */
export function normal_(x: Tensor, mean = 0, std = 1, opts?: GeneratorOptions): Tensor {
  return traced(NORMAL_, [x], { mean, std }, () => {
    const dtype = floatOnly('normal_kernel_cpu', x);
    if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${fmt(std)}`);
    const g = generatorFor(x.device, opts?.generator);
    if (!g.isCpu) return normalOnDevice(x, mean, std, g);
    const n = x.numel();
    const values = valuesFor(dtype, n);
    if (n >= 16 && x.isContiguous()) {
      if (dtype === 'float64') normalFillFloat64(values as Float64Array, mean, std, g);
      else if (dtype === 'float32') normalFillFloat32(values as Float32Array, mean, std, g);
      else normalFillNarrow(values as Float64Array, dtype, mean, std, g);
    } else {
      for (let i = 0; i < n; i++) values[i] = normalDouble(g, mean, std);
    }
    return writeInIterationOrder(x, values);
  }, { inplace: true });
}

/**
 * `x.exponential_(lambd=1, { generator })`: fills `x` with samples of Exp(lambd), in place.
 * @example torch.manualSeed(0); torch.empty(2).exponential_() // tensor([3.5083, 1.2304])
 */
export function exponential_(x: Tensor, lambd = 1, opts?: GeneratorOptions): Tensor {
  return traced(EXPONENTIAL_, [x], { lambd }, () => {
    const dtype = floatOnly('exponential_cpu', x);
    if (!(lambd >= 0)) throw new RuntimeError(`exponential_ expects lambda >= 0.0, but found lambda=${fmt(lambd)}`);
    const g = generatorFor(x.device, opts?.generator);
    if (!g.isCpu) return exponentialOnDevice(x, lambd, g);
    const n = x.numel();
    const values = valuesFor(dtype, n);
    for (let i = 0; i < n; i++) values[i] = exponentialDouble(g, lambd);
    return writeInIterationOrder(x, values);
  }, { inplace: true });
}

/** An argument of `random_`: a bound (null: up to the dtype's maximum) or the trailing options. */
export type RandomBound = number | bigint | null | GeneratorOptions | undefined;

/**
 * `x.random_(from=0, to=None, { generator })`, also `x.random_(to)`: integers
 * uniform on [from, to), in place. Without bounds: [0, 2^mantissa] for floats,
 * [0, max] for integers; `to === null` means up to the dtype's maximum.
 * @example torch.manualSeed(0); torch.zeros(3, { dtype: 'int64' }).random_(10) // tensor([4, 9, 3])
 */
export function random_(x: Tensor, ...given: RandomBound[]): Tensor {
  const args = [...given];
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop(); // absent options
  const last = args[args.length - 1];
  const opts = typeof last === 'object' && last !== null ? last : undefined;
  const bounds = (opts ? args.slice(0, -1) : args) as (number | bigint | null)[];
  if (bounds.length > 2 || bounds.some((b) => typeof b === 'number' && !Number.isInteger(b))) {
    const got = bounds.map((b) => (b === null ? 'NoneType' : typeof b === 'number' && !Number.isInteger(b) ? 'float' : 'int')).join(', ');
    throw new TorchTypeError(`random_() received an invalid combination of arguments - got (${got}), but expected one of: (*, Generator generator), (int from, int to, *, Generator generator), (int to, *, Generator generator)`);
  }
  return traced(RANDOM_, [x], { bounds }, () => {
    const g = generatorFor(x.device, opts?.generator);
    const [a, b] = bounds;
    if (!g.isCpu) {
      const from = bounds.length < 2 ? 0n : BigInt(a!);
      const to = bounds.length === 0 || b === null ? randomIntBound(x.dtype) : BigInt(bounds.length === 1 ? a! : b!);
      return randomOnDevice(x, from, to, g);
    }
    const n = x.numel();
    let values: ArrayLike<number | bigint>;
    if (bounds.length === 0) values = randomInt(g, x.dtype, n);
    else if (bounds.length === 1) values = randomFromTo(g, x.dtype, n, 0n, BigInt(a!));
    else if (b === null) values = randomFullRange(g, x.dtype, n, BigInt(a!));
    else values = randomFromTo(g, x.dtype, n, BigInt(a!), BigInt(b!));
    return writeInIterationOrder(x, values);
  }, { inplace: true });
}
