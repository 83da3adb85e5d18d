// Random creation ops: rand, randn, randint, randperm, the *Like forms and
// torch.normal. Each is an empty tensor filled by the matching in-place op, as
// in PyTorch, so they draw exactly what PyTorch draws.

import type { DType } from '../backend/dtype.js';
import type { TensorOptions } from '../creation.js';
import { empty, emptyLike, finish } from '../creation.js';
import { getDefaultDevice } from '../device.js';
import { getDefaultDtype } from '../dtype.js';
import { NotImplementedError, RuntimeError, TorchTypeError } from '../errors.js';
import { isTensor } from '../operands.js';
import { broadcastShapes, checkSizes, parseSizes } from '../shape.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { defineOp, traced } from '../trace.js';
import { Generator, generatorFor } from './generator.js';
import { randpermValues } from './integers.js';
import { writeInIterationOrder } from './iterationOrder.js';
import type { GeneratorOptions } from './sampling.js';
import { fmt, normal_, random_, uniform_ } from './sampling.js';

/** Creation options of the random ops: dtype, device, requiresGrad and the generator. */
export type RandomOptions = TensorOptions & GeneratorOptions;

/** Sizes as varargs or one array, then optional options: `rand(2, 3, { dtype })`. */
export type RandomSizesAndOptions = [readonly number[], RandomOptions?] | [...number[]] | [...number[], RandomOptions];

const RAND = defineOp('rand', false);
const RANDN = defineOp('randn', false);
const RANDINT = defineOp('randint', false);
const RANDPERM = defineOp('randperm', false);
const RAND_LIKE = defineOp('randLike', false);
const RANDN_LIKE = defineOp('randnLike', false);
const RANDINT_LIKE = defineOp('randintLike', false);
const NORMAL = defineOp('normal', false);

function split(args: readonly unknown[]): [number[], RandomOptions | undefined] {
  const last = args[args.length - 1];
  // a Generator passes for options structurally (it has a `device`): refuse it rather than ignore it
  if (last instanceof Generator) throw new TorchTypeError('the generator is a keyword argument: pass { generator }');
  const hasOpts = last !== undefined && typeof last === 'object' && !Array.isArray(last);
  const shape = parseSizes((hasOpts ? args.slice(0, -1) : args) as (number | readonly number[])[]);
  checkSizes(shape);
  return [shape, hasOpts ? (last as RandomOptions) : undefined];
}

/** A fresh tensor of `shape` from the creation options, without requiresGrad applied yet. */
function fresh(shape: readonly number[], opts: RandomOptions | undefined, dtype: DType = getDefaultDtype()): Tensor {
  return empty([...shape], { dtype: opts?.dtype ?? dtype, device: opts?.device ?? getDefaultDevice() });
}

/**
 * `torch.rand(*size)`: samples of U[0, 1) in the default float dtype.
 * @example torch.manualSeed(0); torch.rand(3) // tensor([0.4963, 0.7682, 0.0885])
 */
export function rand(...args: RandomSizesAndOptions): Tensor {
  const [shape, opts] = split(args);
  return traced(RAND, [], { shape }, () => finish(uniform_(fresh(shape, opts), 0, 1, opts), opts));
}

/**
 * `torch.randn(*size)`: samples of N(0, 1) in the default float dtype.
 * @example torch.manualSeed(0); torch.randn(2) // tensor([ 1.5410, -0.2934])
 */
export function randn(...args: RandomSizesAndOptions): Tensor {
  const [shape, opts] = split(args);
  return traced(RANDN, [], { shape }, () => finish(normal_(fresh(shape, opts), 0, 1, opts), opts));
}

/**
 * `torch.randint(low=0, high, size)`: integers uniform on [low, high), int64 unless `dtype` says otherwise.
 * @example torch.manualSeed(0); torch.randint(10, [3]) // tensor([4, 9, 3])
 */
export function randint(high: number, size: readonly number[], opts?: RandomOptions): Tensor;
export function randint(low: number, high: number, size: readonly number[], opts?: RandomOptions): Tensor;
export function randint(...args: (number | readonly number[] | RandomOptions | undefined)[]): Tensor {
  const nums = args.filter((a): a is number => typeof a === 'number');
  const size = args.find((a): a is readonly number[] => Array.isArray(a));
  const opts = args.find((a): a is RandomOptions => typeof a === 'object' && !Array.isArray(a));
  if (size === undefined || nums.length < 1 || nums.length > 2) throw new RuntimeError('randint(): expected (high, size) or (low, high, size)');
  const [low, high] = nums.length === 1 ? [0, nums[0]!] : [nums[0]!, nums[1]!];
  const shape = [...size];
  checkSizes(shape);
  return traced(RANDINT, [], { low, high, shape }, () => finish(random_(fresh(shape, opts, 'int64'), low, high, opts), opts));
}

/**
 * `torch.randperm(n)`: a random permutation of 0..n-1, int64 unless `dtype` says otherwise.
 * @example torch.manualSeed(0); torch.randperm(4) // tensor([0, 1, 3, 2])
 */
export function randperm(n: number, opts?: RandomOptions): Tensor {
  return traced(RANDPERM, [], { n }, () => {
    checkSizes([n]);
    const out = fresh([n], opts, 'int64');
    const g = generatorFor(out.device, opts?.generator);
    if (!g.isCpu) throw new NotImplementedError(`randperm on device '${out.device}' (needs a sort on the device)`);
    return finish(writeInIterationOrder(out, randpermValues(g, n)), opts);
  });
}

/**
 * `torch.rand_like(t)`: `rand` in `t`'s shape, dtype, device and (dense) layout.
 * @example torch.randLike(torch.zeros(2, 3)).shape // [2, 3]
 */
export function randLike(t: Tensor, opts?: RandomOptions): Tensor {
  return traced(RAND_LIKE, [t], {}, () => finish(uniform_(emptyLike(t, { dtype: opts?.dtype, device: opts?.device }), 0, 1, opts), opts));
}

/**
 * `torch.randn_like(t)`: `randn` in `t`'s shape, dtype, device and (dense) layout.
 * @example torch.randnLike(torch.zeros(2, 3)).shape // [2, 3]
 */
export function randnLike(t: Tensor, opts?: RandomOptions): Tensor {
  return traced(RANDN_LIKE, [t], {}, () => finish(normal_(emptyLike(t, { dtype: opts?.dtype, device: opts?.device }), 0, 1, opts), opts));
}

/**
 * `torch.randint_like(t, low=0, high)`: `randint` in `t`'s shape, dtype and device.
 * @example torch.randintLike(torch.zeros(3), 10).dtype // 'float32'
 */
export function randintLike(t: Tensor, high: number, opts?: RandomOptions): Tensor;
export function randintLike(t: Tensor, low: number, high: number, opts?: RandomOptions): Tensor;
export function randintLike(t: Tensor, ...args: (number | RandomOptions | undefined)[]): Tensor {
  const nums = args.filter((a): a is number => typeof a === 'number');
  const opts = args.find((a): a is RandomOptions => typeof a === 'object');
  const [low, high] = nums.length === 1 ? [0, nums[0]!] : [nums[0]!, nums[1]!];
  return traced(RANDINT_LIKE, [t], { low, high }, () =>
    finish(random_(emptyLike(t, { dtype: opts?.dtype, device: opts?.device }), low, high, opts), opts));
}

/**
 * `torch.normal`: `normal(mean, std, size)` with numbers; `normal(meanTensor, std=1)`,
 * `normal(mean, stdTensor)` or `normal(meanTensor, stdTensor)` broadcasting the tensors.
 * @example torch.manualSeed(0); torch.normal(2, 3, [2]) // tensor([6.6230, 1.1197])
 */
export function normal(mean: number, std: number, size: readonly number[], opts?: RandomOptions): Tensor;
export function normal(mean: Tensor, std?: Tensor | number, opts?: GeneratorOptions): Tensor;
export function normal(mean: number, std: Tensor, opts?: GeneratorOptions): Tensor;
export function normal(
  mean: number | Tensor,
  std: number | Tensor = 1,
  size?: readonly number[] | GeneratorOptions,
  opts?: RandomOptions,
): Tensor {
  return traced(NORMAL, [isTensor(mean) ? mean : undefined, isTensor(std) ? std : undefined], {}, () => {
    if (!isTensor(mean) && !isTensor(std)) {
      if (!Array.isArray(size)) throw new RuntimeError('normal(mean, std, size): size is required when mean and std are numbers');
      const shape = [...(size as readonly number[])];
      checkSizes(shape);
      return finish(normal_(fresh(shape, opts), mean, std, opts), opts);
    }
    const o = (Array.isArray(size) ? opts : size) as GeneratorOptions | undefined;
    if (isTensor(std)) {
      const s = std.contiguous().dataSync() as ArrayLike<number>;
      for (let i = 0; i < s.length; i++) if (!(Number(s[i]) >= 0)) throw new RuntimeError('normal expects all elements of std >= 0.0');
    } else if (!(std >= 0)) throw new RuntimeError(`normal expects std >= 0.0, but found std ${fmt(std)}`);
    const like = isTensor(mean) ? mean : (std as Tensor);
    const shape = broadcastShapes(isTensor(mean) ? mean.shape : [], isTensor(std) ? std.shape : []);
    const out = emptyTensor(shape, like.dtype, like.device);
    // PyTorch draws N(0, 1) (or N(0, std) for a scalar std) and then scales and shifts in place
    if (isTensor(std)) {
      normal_(out, 0, 1, o);
      out.mul_(std).add_(mean);
    } else {
      normal_(out, 0, std, o);
      out.add_(mean);
    }
    return out;
  });
}
