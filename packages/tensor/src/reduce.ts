// Reductions over dims (number or list, negative allowed) with keepdim.

import type { DType } from './backend/dtype.js';
import { isFloatingPoint } from './backend/dtype.js';
import type { ReduceOp, ScanOp } from './backend/ops.js';
import { reference } from './backend/reference.js';
import { getDefaultDtype, SCALAR_TYPE_NAME } from './dtype.js';
import { IndexError, RuntimeError } from './errors.js';
import { normalizeDim, normalizeDims } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast } from './copy.js';
import { binaryOp, sub, unaryOp, where } from './elementwise.js';
import { squeeze } from './views.js';
import { full } from './creation.js';
import { defineOp, traced } from './trace.js';

const SUM = defineOp('sum');
const PROD = defineOp('prod');
const MEAN = defineOp('mean');
const AMAX = defineOp('amax');
const AMIN = defineOp('amin');
const ARGMAX = defineOp('argmax', false);
const ARGMIN = defineOp('argmin', false);
const MAX_DIM = defineOp('maxDim');
const MIN_DIM = defineOp('minDim');
const MAX_ALL = defineOp('maxAll');
const MIN_ALL = defineOp('minAll');
const ALL = defineOp('all', false);
const ANY = defineOp('any', false);
const VAR = defineOp('var');
const STD = defineOp('std');
const LOGSUMEXP = defineOp('logsumexp');
const NORM = defineOp('norm');
const CUMSUM = defineOp('cumsum');
const CUMPROD = defineOp('cumprod');

/** Options of reductions over dims. */
export interface ReduceOptions {
  keepdim?: boolean;
  dtype?: DType;
}

/** A dim argument: one dim, a list, or none for all. */
export type Dims = number | readonly number[] | null | undefined;

/** `max`/`min` with a dim: values and indices, destructurable and named. */
export type ValuesIndices = Omit<readonly [Tensor, Tensor], 'values'> & { readonly values: Tensor; readonly indices: Tensor };

/** @internal Makes a ValuesIndices. */
export function valuesIndices(values: Tensor, indices: Tensor): ValuesIndices {
  // the named field shadows Array.prototype.values, as the named tuple does in PyTorch
  return Object.assign([values, indices], { values, indices }) as unknown as ValuesIndices;
}

/** @internal Runs a reduce primitive over `dims` into a tensor of `outDtype`. */
export function reduceOp(op: ReduceOp, x: Tensor, dims: Dims, keepdim: boolean, outDtype: DType): Tensor {
  const axes = normalizeDims(dims, x.ndim);
  const keptShape = x.shape.map((s, i) => (axes.includes(i) ? 1 : s));
  const out = emptyTensor(keptShape, outDtype, x.device);
  x.storage.backend.reduce(op, x.backendView, axes, out.backendView);
  if (keepdim) return out;
  // the squeezed view holds the storage; dropping the keepdim handle now lets
  // dispose() of the result free it (GPU memory is not garbage-collected)
  const squeezed = squeeze(out, axes);
  if (squeezed !== out) out.dispose();
  return squeezed;
}

function requireNonEmpty(name: string, x: Tensor, dims: Dims): void {
  if (x.numel() > 0) return;
  if (dims === undefined || dims === null || (Array.isArray(dims) && dims.length === 0)) {
    const err = name === 'argmax' || name === 'argmin' ? IndexError : RuntimeError;
    const extra = name === 'argmax' || name === 'argmin' ? '' : " Specify the reduction dim with the 'dim' argument.";
    throw new err(`${name}(): Expected reduction dim to be specified for input.numel() == 0.${extra}`);
  }
  for (const d of normalizeDims(dims, x.ndim)) {
    if (x.shape[d] === 0) throw new IndexError(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  }
}

/** The accumulation dtype of sum/prod: int64 for integers and bool. */
function sumDtype(x: Tensor, dtype?: DType): DType {
  if (dtype) return dtype;
  return isFloatingPoint(x.dtype) ? x.dtype : 'int64';
}

/** `torch.sum(x, dim?, { keepdim, dtype })`. @example torch.tensor([[1, 2], [3, 4]]).sum(1, { keepdim: true }).shape // [2, 1] */
export function sum(x: Tensor, dim?: Dims, opts?: ReduceOptions): Tensor {
  return traced(SUM, [x], { dim, keepdim: opts?.keepdim ?? false }, () => sumImpl(x, dim, opts));
}

function sumImpl(x: Tensor, dim?: Dims, opts?: ReduceOptions): Tensor {
  return reduceOp('sum', x, dim, opts?.keepdim ?? false, sumDtype(x, opts?.dtype));
}

/** `torch.prod(x, dim?, { keepdim, dtype })`. @example torch.tensor([1, 2, 3, 4]).prod() // tensor(24) */
export function prod(x: Tensor, dim?: number | null, opts?: ReduceOptions): Tensor {
  return traced(PROD, [x], { dim, keepdim: opts?.keepdim ?? false }, () => prodImpl(x, dim, opts));
}

function prodImpl(x: Tensor, dim?: number | null, opts?: ReduceOptions): Tensor {
  return reduceOp('prod', x, dim, opts?.keepdim ?? false, sumDtype(x, opts?.dtype));
}

/** `torch.mean(x, dim?, { keepdim, dtype })`: floating point only, as in PyTorch. @example torch.tensor([1, 2]).mean(null, { dtype: 'float64' }) // tensor(1.5000, dtype=torch.float64) */
export function mean(x: Tensor, dim?: Dims, opts?: ReduceOptions): Tensor {
  return traced(MEAN, [x], { dim, keepdim: opts?.keepdim ?? false }, () => meanImpl(x, dim, opts));
}

function meanImpl(x: Tensor, dim?: Dims, opts?: ReduceOptions): Tensor {
  const dtype = opts?.dtype ?? x.dtype;
  if (!isFloatingPoint(dtype)) {
    throw new RuntimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${SCALAR_TYPE_NAME[dtype]}`,
    );
  }
  const axes = normalizeDims(dim, x.ndim);
  const count = axes.reduce((n, d) => n * x.shape[d]!, 1);
  const s = reduceOp('sum', x, dim, opts?.keepdim ?? false, dtype);
  return binaryOp('div', s, count, { computeDtype: dtype, out: s });
}

/** `torch.amax(x, dim=(), keepdim)`: maxima over `dim` (all dims when omitted). @example torch.tensor([[1, 5], [3, 4]]).amax() // tensor(5) */
export function amax(x: Tensor, dim?: Dims, opts?: { keepdim?: boolean }): Tensor {
  return traced(AMAX, [x], { dim, keepdim: opts?.keepdim ?? false }, () => amaxImpl(x, dim, opts));
}

function amaxImpl(x: Tensor, dim?: Dims, opts?: { keepdim?: boolean }): Tensor {
  requireNonEmpty('amax', x, dim ?? []);
  return reduceOp('max', x, dim, opts?.keepdim ?? false, x.dtype);
}

/** `torch.amin(x, dim=(), keepdim)`: minima over `dim` (all dims when omitted). @example torch.tensor([[1, 5], [3, 4]]).amin(1) // tensor([1, 3]) */
export function amin(x: Tensor, dim?: Dims, opts?: { keepdim?: boolean }): Tensor {
  return traced(AMIN, [x], { dim, keepdim: opts?.keepdim ?? false }, () => aminImpl(x, dim, opts));
}

function aminImpl(x: Tensor, dim?: Dims, opts?: { keepdim?: boolean }): Tensor {
  requireNonEmpty('amin', x, dim ?? []);
  return reduceOp('min', x, dim, opts?.keepdim ?? false, x.dtype);
}

/** `torch.argmax(x, dim?, keepdim)`: the first index of the maximum (flat when no dim). @example torch.tensor([[1, 5], [5, 4]]).argmax() // tensor(1) */
export function argmax(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return traced(ARGMAX, [x], {}, () => argmaxImpl(x, dim, opts));
}

function argmaxImpl(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return argExtreme('argmax', x, dim, opts?.keepdim ?? false);
}

/** `torch.argmin(x, dim?, keepdim)`: the first index of the minimum (flat when no dim). @example torch.tensor([[1, 5], [3, 0]]).argmin(0) // tensor([0, 1]) */
export function argmin(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return traced(ARGMIN, [x], {}, () => argminImpl(x, dim, opts));
}

function argminImpl(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return argExtreme('argmin', x, dim, opts?.keepdim ?? false);
}

function argExtreme(op: 'argmax' | 'argmin', x: Tensor, dim: number | null | undefined, keepdim: boolean): Tensor {
  if (x.dtype === 'bool') throw new RuntimeError(`"${op}_cpu" not implemented for 'Bool'`);
  requireNonEmpty(op, x, dim);
  return reduceOp(op, x, dim ?? null, keepdim, 'int64');
}

/** `torch.max(x, dim, keepdim)` / `torch.min(…)` → [values, indices]. @example maxAlongDim('max', torch.tensor([[1, 5], [3, 4]]), 1, false).indices // tensor([1, 1]) */
export function maxAlongDim(op: 'max' | 'min', x: Tensor, dim: number, keepdim: boolean): ValuesIndices {
  const [values, indices] = traced(op === 'max' ? MAX_DIM : MIN_DIM, [x], { dim, keepdim }, () => [...maxAlongDimImpl(op, x, dim, keepdim)]);
  return valuesIndices(values!, indices!);
}

function maxAlongDimImpl(op: 'max' | 'min', x: Tensor, dim: number, keepdim: boolean): ValuesIndices {
  requireNonEmpty(op, x, dim);
  const d = normalizeDim(dim, x.ndim);
  const values = reduceOp(op, x, d, keepdim, x.dtype);
  const indices = reduceOp(op === 'max' ? 'argmax' : 'argmin', x, d, keepdim, 'int64');
  return valuesIndices(values, indices);
}

/** `torch.max(x)` / `torch.min(x)` over everything, as a 0-d tensor. @example maxAll('min', torch.tensor([[1, 5], [3, 4]])) // tensor(1) */
export function maxAll(op: 'max' | 'min', x: Tensor): Tensor {
  return traced(op === 'max' ? MAX_ALL : MIN_ALL, [x], {}, () => maxAllImpl(op, x));
}

function maxAllImpl(op: 'max' | 'min', x: Tensor): Tensor {
  requireNonEmpty(op, x, undefined);
  return reduceOp(op, x, null, false, x.dtype);
}

/** `torch.all(x, dim?, keepdim)` → bool (uint8 for uint8 input, as PyTorch). @example torch.tensor([1, 2]).all() // tensor(True) */
export function all(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return traced(ALL, [x], {}, () => allImpl(x, dim, opts));
}

function allImpl(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return reduceOp('all', x, dim, opts?.keepdim ?? false, x.dtype === 'uint8' ? 'uint8' : 'bool');
}

/** `torch.any(x, dim?, keepdim)` → bool (uint8 for uint8 input, as PyTorch). @example torch.tensor([0, 2]).byte().any() // tensor(1, dtype=torch.uint8) */
export function any(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return traced(ANY, [x], {}, () => anyImpl(x, dim, opts));
}

function anyImpl(x: Tensor, dim?: number | null, opts?: { keepdim?: boolean }): Tensor {
  return reduceOp('any', x, dim, opts?.keepdim ?? false, x.dtype === 'uint8' ? 'uint8' : 'bool');
}

/** Options of var/std: `correction` (default 1), or the older `unbiased` flag. */
export interface VarOptions {
  correction?: number;
  unbiased?: boolean;
  keepdim?: boolean;
}

/** `torch.var(x, dim?, { correction=1, keepdim })`. @example torch.tensor([1, 2, 3, 4]).float().var(0, { correction: 0 }) // tensor(1.2500) */
export function variance(x: Tensor, dim?: Dims, opts?: VarOptions): Tensor {
  return traced(VAR, [x], varArgs(dim, opts), () => varianceImpl(x, dim, opts));
}

function varianceImpl(x: Tensor, dim?: Dims, opts?: VarOptions): Tensor {
  if (!isFloatingPoint(x.dtype)) throw new RuntimeError('std and var only support floating point and complex dtypes');
  const correction = opts?.correction ?? (opts?.unbiased === false ? 0 : 1);
  const axes = normalizeDims(dim, x.ndim);
  const n = axes.reduce((k, d) => k * x.shape[d]!, 1);
  const m = mean(x, axes, { keepdim: true });
  const centered = sub(x, m);
  const sq = binaryOp('mul', centered, centered);
  const s = reduceOp('sum', sq, axes, opts?.keepdim ?? false, x.dtype);
  return binaryOp('div', s, Math.max(0, n - correction), { out: s });
}

/** `torch.std(x, dim?, { correction=1, keepdim })`. @example torch.tensor([1, 2, 3, 4]).float().std() // tensor(1.2910) */
export function std(x: Tensor, dim?: Dims, opts?: VarOptions): Tensor {
  return traced(STD, [x], varArgs(dim, opts), () => stdImpl(x, dim, opts));
}

/** The arguments var/std's derivatives need: dims, correction and keepdim as resolved. */
function varArgs(dim: Dims, opts?: VarOptions): Record<string, unknown> {
  return { dim, correction: opts?.correction ?? (opts?.unbiased === false ? 0 : 1), keepdim: opts?.keepdim ?? false };
}

function stdImpl(x: Tensor, dim?: Dims, opts?: VarOptions): Tensor {
  const v = variance(x, dim, opts);
  return unaryOp('sqrt', v, v);
}

/** `torch.logsumexp(x, dim, keepdim)`: stable log(sum(exp(x))). @example torch.tensor([1000, 1000]).float().logsumexp(0) // tensor(1000.6932) */
export function logsumexp(x: Tensor, dim: Dims, opts?: { keepdim?: boolean }): Tensor {
  return traced(LOGSUMEXP, [x], { dim, keepdim: opts?.keepdim ?? false }, () => logsumexpImpl(x, dim, opts));
}

function logsumexpImpl(x: Tensor, dim: Dims, opts?: { keepdim?: boolean }): Tensor {
  const xf = isFloatingPoint(x.dtype) ? x : cast(x, getDefaultDtype());
  const axes = normalizeDims(dim, x.ndim);
  const keepdim = opts?.keepdim ?? false;
  if (xf.numel() === 0) return unaryOp('log', sum(unaryOp('exp', xf), axes, { keepdim }));
  let m = reduceOp('max', xf, axes, true, xf.dtype);
  m = where(unaryOp('isinf', m), 0, m);
  const s = reduceOp('sum', unaryOp('exp', sub(xf, m)), axes, true, xf.dtype);
  const r = binaryOp('add', unaryOp('log', s), m);
  return keepdim ? r : squeeze(r, axes);
}

/**
 * `torch.norm(x, p='fro', dim?, keepdim)`: p in {'fro', 'nuc' (refused), number, ±Infinity}.
 * @example torch.tensor([3, -4]).float().norm(1) // tensor(7.)
 */
export function norm(x: Tensor, p: number | 'fro' = 'fro', dim?: Dims, opts?: { keepdim?: boolean; dtype?: DType }): Tensor {
  return traced(NORM, [x], { p, dim, keepdim: opts?.keepdim ?? false }, () => normImpl(x, p, dim, opts));
}

function normImpl(x: Tensor, p: number | 'fro' = 'fro', dim?: Dims, opts?: { keepdim?: boolean; dtype?: DType }): Tensor {
  if (!isFloatingPoint(x.dtype)) {
    throw new RuntimeError(`norm(): input dtype should be either floating point or complex. Got ${SCALAR_TYPE_NAME[x.dtype]} instead.`);
  }
  const xf = opts?.dtype ? cast(x, opts.dtype) : x;
  const keepdim = opts?.keepdim ?? false;
  const a = unaryOp('abs', xf);
  if (p === 'fro' || p === 2) return unaryOp('sqrt', sum(binaryOp('mul', a, a), dim, { keepdim }));
  if (p === Infinity) return xf.numel() === 0 ? full([], 0, { dtype: xf.dtype }) : reduceOp('max', a, dim, keepdim, xf.dtype);
  if (p === -Infinity) return reduceOp('min', a, dim, keepdim, xf.dtype);
  if (p === 0) return sum(cast(binaryOp('ne', a, 0), xf.dtype), dim, { keepdim });
  if (p === 1) return sum(a, dim, { keepdim });
  return binaryOp('pow', sum(binaryOp('pow', a, p), dim, { keepdim }), 1 / p);
}

/** @internal Inclusive scan through the backend's fast path or the reference decomposition. @example scanOp('max', x, 0, x.dtype) */
export function scanOp(op: ScanOp, x: Tensor, dim: number, dtype: DType): Tensor {
  const d = normalizeDim(dim, x.ndim);
  const src = x.dtype === dtype ? x : cast(x, dtype);
  const out = emptyTensor(x.shape, dtype, x.device);
  if (x.numel() === 0) return out;
  if (x.ndim === 0) {
    out.storage.backend.copy(src.backendView, out.backendView);
    return out;
  }
  const backend = x.storage.backend;
  if (backend.supports.scan) backend.supports.scan(op, src.backendView, d, out.backendView);
  else reference.scan(backend, op, src.backendView, d, out.backendView);
  return out;
}

/** `torch.cumsum(x, dim, { dtype })`: integers accumulate in int64. @example torch.tensor([1, 2]).int().cumsum(0).dtype // 'int64' */
export function cumsum(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return traced(CUMSUM, [x], { dim }, () => cumsumImpl(x, dim, opts));
}

function cumsumImpl(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return scanOp('sum', x, dim, sumDtype(x, opts?.dtype));
}

/** `torch.cumprod(x, dim, { dtype })`: running products along `dim`. @example torch.tensor([1, 2, 3, 4]).cumprod(0) // tensor([ 1,  2,  6, 24]) */
export function cumprod(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return traced(CUMPROD, [x], { dim }, () => cumprodImpl(x, dim, opts));
}

function cumprodImpl(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return scanOp('prod', x, dim, sumDtype(x, opts?.dtype));
}

