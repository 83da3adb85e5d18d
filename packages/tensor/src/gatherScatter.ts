// gather and the scatter family along one dim: scatter(_) (src or value, legacy
// `reduce`), scatterAdd(_), scatterReduce(_) (sum prod mean amax amin, includeSelf).

import type { DType } from './backend/dtype.js';
import type { View } from './backend/types.js';
import { isFloatingPoint } from './backend/dtype.js';
import { RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { checkSameDevice, isTensor } from './operands.js';
import { fmtShape, normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { clone } from './copy.js';
import { full } from './creation.js';
import { binaryOp, div, where } from './elementwise.js';
import { defineOp, traced } from './trace.js';
import type { ScatterKind } from './indexKernels.js';
import { checkIndexValues, requireInt64, requireSameDtype, restrided, scatterInto, unaliased } from './indexKernels.js';

const GATHER = defineOp('gather');
const SCATTER = defineOp('scatter');
const SCATTER_ = defineOp('scatter_');
const SCATTER_ADD = defineOp('scatterAdd');
const SCATTER_ADD_ = defineOp('scatterAdd_');
const SCATTER_REDUCE = defineOp('scatterReduce');
const SCATTER_REDUCE_ = defineOp('scatterReduce_');

/** `scatter_reduce`'s reductions. */
export type ScatterReduction = 'sum' | 'prod' | 'mean' | 'amax' | 'amin';

/** Options of `scatterReduce`: whether the values already in `self` take part (default true). */
export interface ScatterReduceOptions {
  includeSelf?: boolean;
}

/** A rank treating 0-d as 1-d, as PyTorch's scatter/gather checks do. */
const dimsOf = (t: Tensor): number => Math.max(t.ndim, 1);
const sizeAt = (t: Tensor, d: number): number => (t.ndim === 0 ? 1 : t.shape[d]!);

/** A view of `t` with rank `rank` (a 0-d tensor seen as [1] when the others are 1-d). */
function asRank(t: Tensor, rank: number): View {
  return t.ndim === rank ? t.backendView : restrided(t, [1], [0]);
}

/** PyTorch's out-of-range message for gather/scatter (a RuntimeError there). */
function checkBounds(index: Tensor, size: number, dim: number): void {
  checkIndexValues(index, (v) => v >= 0 && v < size, (v) => new RuntimeError(`index ${v} is out of bounds for dimension ${dim} with size ${size}`));
}

function checkGatherShapes(x: Tensor, dim: number, index: Tensor): void {
  if (dimsOf(index) !== dimsOf(x)) throw new RuntimeError('Index tensor must have the same number of dimensions as input tensor');
  for (let d = 0; d < dimsOf(x); d++) {
    if (d !== dim && sizeAt(index, d) > sizeAt(x, d)) {
      throw new RuntimeError(
        `Size does not match at dimension ${d} expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(x.shape)} apart from dimension ${dim}`,
      );
    }
  }
}

/**
 * `torch.gather(x, dim, index)`: `out[i][j][k] = x[i][index[i][j][k]][k]` (for dim 1);
 * `index` is int64 with x's rank and may be smaller than x away from `dim`.
 * @example torch.tensor([[1, 2], [3, 4]]).gather(1, torch.tensor([[0, 0], [1, 0]])) // tensor([[1, 1], [4, 3]])
 */
export function gather(x: Tensor, dim: number, index: Tensor, _opts?: { sparseGrad?: boolean }): Tensor {
  return traced(GATHER, [x, index], { dim }, () => {
    checkSameDevice([x, index]);
    const d = normalizeDim(dim, x.ndim);
    requireInt64(index, 'gather');
    checkGatherShapes(x, d, index);
    const out = emptyTensor(index.shape, x.dtype, x.device);
    if (index.numel() === 0) return out;
    checkBounds(index, sizeAt(x, d), d);
    const rank = Math.max(x.ndim, index.ndim);
    x.storage.backend.gather(asRank(x, rank), d, asRank(index, rank), asRank(out, rank));
    return out;
  });
}

/** The shape checks of scatter (src given) and the value form. */
function checkScatterShapes(self: Tensor, dim: number, index: Tensor, src: Tensor | undefined): void {
  const rankOk = (t: Tensor, what: string) => {
    if (dimsOf(t) !== dimsOf(index)) throw new RuntimeError(`Index tensor must have the same number of dimensions as ${what} tensor`);
  };
  rankOk(self, 'self');
  if (src) rankOk(src, 'src');
  for (let d = 0; d < dimsOf(self); d++) {
    const i = sizeAt(index, d);
    if ((d !== dim && i > sizeAt(self, d)) || (src && i > sizeAt(src, d))) {
      const tail = src ? ` and to be smaller size than src ${fmtShape(src.shape)}` : '';
      throw new RuntimeError(
        `Expected index ${fmtShape(index.shape)} to be smaller than self ${fmtShape(self.shape)} apart from dimension ${dim}${tail}`,
      );
    }
  }
}

/** Validates and runs one scatter of `src` (a tensor, or a value broadcast to index) into `self`. */
function scatterCore(kind: ScatterKind, self: Tensor, dim: number, index: Tensor, src: Tensor | Scalar): Tensor {
  checkSameDevice([self, index, src]);
  const d = normalizeDim(dim, self.ndim);
  requireInt64(index, 'scatter');
  const srcTensor = isTensor(src) ? src : undefined;
  if (srcTensor) requireSameDtype(self.dtype, srcTensor.dtype, 'scatter');
  checkScatterShapes(self, d, index, srcTensor);
  if (index.numel() === 0) return self;
  checkBounds(index, sizeAt(self, d), d);
  const rank = Math.max(self.ndim, index.ndim, srcTensor?.ndim ?? 0);
  const source = srcTensor ? unaliased(srcTensor, self) : full([], src as Scalar, { dtype: self.dtype, device: self.device });
  const srcView = srcTensor ? asRank(source, rank) : restrided(source, index.ndim === rank ? index.shape : [1], new Array<number>(rank).fill(0));
  const idx = unaliased(index, self);
  scatterInto(kind, self, d, asRank(idx, rank), srcView, asRank(self, rank));
  return self;
}

function legacyKind(reduce: string | undefined): ScatterKind {
  if (reduce === undefined) return 'assign';
  if (reduce === 'add') return 'add';
  if (reduce === 'multiply') return 'prod';
  throw new RuntimeError('reduce argument must be either add or multiply.');
}

/**
 * `x.scatter_(dim, index, src | value, { reduce })`: writes `src[i][j]` (or `value`) to
 * `x[index[i][j]][j]` (dim 0); duplicates keep the last write, as PyTorch on CPU.
 * `reduce: 'add' | 'multiply'` combines instead.
 * @example torch.zeros(3).scatter_(0, torch.tensor([2, 0]), torch.tensor([5, 6]).float()) // tensor([6., 0., 5.])
 */
export function scatter_(x: Tensor, dim: number, index: Tensor, src: Tensor | Scalar, opts?: { reduce?: 'add' | 'multiply' }): Tensor {
  const kind = legacyKind(opts?.reduce);
  return traced(SCATTER_, [x, index, isTensor(src) ? src : undefined], { dim, value: isTensor(src) ? undefined : src, reduce: opts?.reduce }, () => scatterCore(kind, x, dim, index, src), { inplace: true });
}

/** `torch.scatter(x, dim, index, src | value, { reduce })`: `scatter_` on a copy. @example torch.scatter(torch.zeros(3), 0, torch.tensor([1]), 7) // tensor([0., 7., 0.]) */
export function scatter(x: Tensor, dim: number, index: Tensor, src: Tensor | Scalar, opts?: { reduce?: 'add' | 'multiply' }): Tensor {
  const kind = legacyKind(opts?.reduce);
  return traced(SCATTER, [x, index, isTensor(src) ? src : undefined], { dim, value: isTensor(src) ? undefined : src, reduce: opts?.reduce }, () => scatterCore(kind, clone(x), dim, index, src));
}

/** `x.scatter_add_(dim, index, src)`: adds `src[i][j]` to `x[index[i][j]][j]` (dim 0), duplicates accumulating. @example torch.zeros(2).scatterAdd_(0, torch.tensor([1, 1]), torch.tensor([1, 2]).float()) // tensor([0., 3.]) */
export function scatterAdd_(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  return traced(SCATTER_ADD_, [x, index, src], { dim }, () => scatterCore('add', x, dim, index, src), { inplace: true });
}

/** `torch.scatter_add(x, dim, index, src)`: `scatterAdd_` on a copy. @example torch.scatterAdd(torch.zeros(2), 0, torch.tensor([0, 0]), torch.ones(2)) // tensor([2., 0.]) */
export function scatterAdd(x: Tensor, dim: number, index: Tensor, src: Tensor): Tensor {
  return traced(SCATTER_ADD, [x, index, src], { dim }, () => scatterCore('add', clone(x), dim, index, src));
}

/** The lowest / highest value of a dtype: what PyTorch writes first when includeSelf is false. */
function extreme(dtype: DType, high: boolean): Scalar {
  if (isFloatingPoint(dtype)) return high ? Infinity : -Infinity;
  switch (dtype) {
    case 'bool': return high;
    case 'uint8': return high ? 255 : 0;
    case 'int8': return high ? 127 : -128;
    case 'int32': return high ? 2 ** 31 - 1 : -(2 ** 31);
    default: return high ? 2n ** 63n - 1n : -(2n ** 63n);
  }
}

/** Where `index` writes in `self` (bool, self's shape). */
function targetsHit(self: Tensor, dim: number, index: Tensor): Tensor {
  const hit = full(self.shape, false, { dtype: 'bool', device: self.device });
  scatterCore('add', hit, dim, index, true);
  return hit;
}

function scatterReduceCore(self: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduction, includeSelf: boolean): Tensor {
  if (!['sum', 'prod', 'mean', 'amax', 'amin'].includes(reduce)) {
    throw new RuntimeError('reduce argument must be either sum, prod, mean, amax or amin.');
  }
  checkSameDevice([self, index, src]);
  if (reduce === 'mean' && self.dtype === 'bool') throw new RuntimeError(`"scatter_gather_tensor_cpu_reduce_mean" not implemented for 'Bool'`);
  const d = normalizeDim(dim, self.ndim);
  requireInt64(index, 'scatter');
  requireSameDtype(self.dtype, src.dtype, 'scatter');
  checkScatterShapes(self, d, index, src);
  if (index.numel() === 0) return self;
  checkBounds(index, sizeAt(self, d), d);
  const source = unaliased(src, self);
  if (!includeSelf) {
    const identity = reduce === 'prod' ? 1 : reduce === 'amax' ? extreme(self.dtype, false) : reduce === 'amin' ? extreme(self.dtype, true) : 0;
    const hit = targetsHit(self, d, index);
    const cleared = where(hit, full([], identity, { dtype: self.dtype, device: self.device }), self);
    self.storage.backend.copy(cleared.backendView, self.backendView);
  }
  const kind: ScatterKind = reduce === 'sum' || reduce === 'mean' ? 'add' : reduce;
  scatterCore(kind, self, d, index, source);
  if (reduce === 'mean') {
    const count = full(self.shape, includeSelf ? 1 : 0, { dtype: self.dtype, device: self.device });
    scatterCore('add', count, d, index, true);
    const safe = where(binaryOp('eq', count, 0), full([], 1, { dtype: self.dtype, device: self.device }), count);
    const mean = isFloatingPoint(self.dtype) ? div(self, safe) : div(self, safe, { roundingMode: 'floor' });
    self.storage.backend.copy(mean.backendView, self.backendView);
  }
  self.bumpVersion();
  return self;
}

/**
 * `x.scatter_reduce_(dim, index, src, reduce, { includeSelf = true })`: combines every
 * `src[i][j]` written to `x[index[i][j]][j]` (dim 0) with `reduce`: `'sum' | 'prod' | 'mean' | 'amax' | 'amin'`.
 * @example torch.tensor([1, 2]).float().scatterReduce_(0, torch.tensor([0, 0]), torch.tensor([5, 3]).float(), 'amax') // tensor([5., 2.])
 */
export function scatterReduce_(x: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduction, opts?: ScatterReduceOptions): Tensor {
  const includeSelf = opts?.includeSelf ?? true;
  return traced(SCATTER_REDUCE_, [x, index, src], { dim, reduce, includeSelf }, () => scatterReduceCore(x, dim, index, src, reduce, includeSelf), { inplace: true });
}

/** `torch.scatter_reduce(x, dim, index, src, reduce, { includeSelf })`: `scatterReduce_` on a copy. @example torch.scatterReduce(torch.ones(2), 0, torch.tensor([1, 1]), torch.tensor([2, 3]).float(), 'prod') // tensor([1., 6.]) */
export function scatterReduce(x: Tensor, dim: number, index: Tensor, src: Tensor, reduce: ScatterReduction, opts?: ScatterReduceOptions): Tensor {
  const includeSelf = opts?.includeSelf ?? true;
  return traced(SCATTER_REDUCE, [x, index, src], { dim, reduce, includeSelf }, () => scatterReduceCore(clone(x), dim, index, src, reduce, includeSelf));
}
