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
import * as Ord from './order.js';
import * as Uq from './unique.js';
import * as Cum from './cumulative.js';
import * as SO from './shapeOps.js';
import * as Tri from './triangular.js';
import * as G from './gatherScatter.js';
import * as A from './indexAlongDim.js';
import * as M from './masked.js';
import { fill, zero } from './fill.js';
import * as N from './creation.js';
import { formatTensor } from './print/format.js';
import type { TensorOrScalar, Scalar } from './operands.js';
import type { SizeArgs } from './shape.js';
import { parseSizes } from './shape.js';
import { isDTypeName, toDType } from './dtype.js';
import * as Rnd from './random/sampling.js';
import * as Bern from './random/bernoulli.js';
import * as Mult from './random/multinomial.js';
import type { BackwardOptions, GradFn, RemovableHandle } from './autogradBridge.js';
import { autogradBridge, maybeAutogradBridge } from './autogradBridge.js';


const finalizer = new FinalizationRegistry<Storage>((storage) => storage.release());

/**
 * An n-dimensional array on a device, as `torch.Tensor`. Create one with
 * `torch.tensor`, `torch.zeros`, …; never with `new`.
 * @example torch.tensor([[1, 2], [3, 4]]).mul(2).sum() // tensor(20)
 */
export class Tensor {
  /** The storage this tensor views; shared with its views. @example torch.arange(4).view(2, 2).storage.size // 4 */
  readonly storage: Storage;
  /** Sizes, as `x.shape` in PyTorch (a plain `number[]`). @example torch.zeros(2, 3).shape // [2, 3] */
  readonly shape: readonly number[];
  /** Strides in elements, as `x.stride()`. @example torch.zeros(2, 3).strides // [3, 1] */
  readonly strides: readonly number[];
  /** Offset of element (0, …, 0) in the storage, as `x.storage_offset()`. @example torch.arange(4).at([1, 3]).offset // 1 */
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

  /** `x.dtype`: the element type, as a string (`torch.int64` → `'int64'`). @example torch.tensor([1, 2]).dtype // 'int64' */
  get dtype(): DType {
    return this.storage.dtype;
  }

  /** `x.device`: the device name the storage lives on. @example torch.ones(2).device // 'cpu' */
  get device(): Device {
    return this.storage.device;
  }

  /** Number of dims, as `x.ndim`. @example torch.zeros(2, 3).ndim // 2 */
  get ndim(): number {
    return this.shape.length;
  }

  /** Whether `dispose()` has released this tensor (no PyTorch counterpart). @example torch.ones(2).isDisposed // false */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** `x.dim()`: the number of dims. @example torch.zeros(2, 3).dim() // 2 */
  dim(): number {
    return this.shape.length;
  }

  /** `x.numel()`: the number of elements. @example torch.zeros(2, 3).numel() // 6 */
  numel(): number {
    return numel(this.shape);
  }

  /** `x.size()` → shape; `x.size(d)` → one size (negative dims allowed). @example torch.zeros(2, 3).size(-1) // 3 */
  size(): number[];
  size(dim: number): number;
  size(dim?: number): number[] | number {
    if (dim === undefined) return [...this.shape];
    return this.shape[normalizeDim(dim, this.ndim)]!;
  }

  /** `x.stride()` or `x.stride(d)`: steps in elements between neighbours along each dim. @example torch.zeros(2, 3).stride() // [3, 1] */
  stride(): number[];
  stride(dim: number): number;
  stride(dim?: number): number[] | number {
    if (dim === undefined) return [...this.strides];
    return this.strides[normalizeDim(dim, this.ndim)]!;
  }

  /** `x.storage_offset()`: where element (0, …, 0) sits in the storage. @example torch.arange(4).at([1, 3]).storageOffset() // 1 */
  storageOffset(): number {
    return this.offset;
  }

  /** `x.is_contiguous()`: whether the layout is row-major without gaps. @example torch.zeros(2, 3).t().isContiguous() // false */
  isContiguous(): boolean {
    return isContiguousLayout(this.shape, this.strides);
  }

  /**
   * Frees this tensor's hold on its storage now (GPU memory is not garbage-collected).
   * @example const x = torch.ones(2); x.dispose(); x.isDisposed // true
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    finalizer.unregister(this);
    this.storage.release();
  }

  /** `using x = …` disposes `x` at the end of the block. @example { using x = torch.ones(2); } */
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

  /** `await x.toAsync(device)`: moves off devices that cannot be read synchronously. @example const y = await x.toAsync('cpu') */
  toAsync(device: Device): Promise<Tensor> {
    return C.toDeviceAsync(this, device);
  }

  /** `x.cpu()`: a copy on the CPU, or `x` itself when already there. @example const x = torch.ones(2); x.cpu() === x // true */
  cpu(): Tensor {
    return C.toDevice(this, 'cpu');
  }

  /** `x.type_as(other)`: cast to `other`'s dtype. @example torch.tensor([1, 2]).typeAs(torch.zeros(1)) // tensor([1., 2.]) */
  typeAs(other: Tensor): Tensor {
    return C.cast(this, other.dtype);
  }

  /** `x.new_zeros(size)`: zeros with `x`'s dtype and device unless given. @example torch.tensor([1]).newZeros([2]) // tensor([0, 0]) */
  newZeros(size: readonly number[], opts?: N.TensorOptions): Tensor {
    return N.full(size, 0, this.newOptions(opts));
  }
  /** `x.new_ones(size)`. @example torch.zeros(1).newOnes([2]) // tensor([1., 1.]) */
  newOnes(size: readonly number[], opts?: N.TensorOptions): Tensor {
    return N.full(size, 1, this.newOptions(opts));
  }
  /** `x.new_full(size, value)`. @example torch.zeros(1).newFull([2], 3) // tensor([3., 3.]) */
  newFull(size: readonly number[], fillValue: Scalar, opts?: N.TensorOptions): Tensor {
    return N.full(size, fillValue, this.newOptions(opts));
  }
  /** `x.new_empty(size)`. @example torch.zeros(1).newEmpty([2]).shape // [2] */
  newEmpty(size: readonly number[], opts?: N.TensorOptions): Tensor {
    const o = this.newOptions(opts);
    return N.empty(size, o);
  }
  /** `x.new_tensor(data)`: a tensor of `data` with `x`'s dtype and device unless given. @example torch.zeros(1).newTensor([1, 2]) // tensor([1., 2.]) */
  newTensor(data: N.TensorData, opts?: N.TensorOptions): Tensor {
    return N.tensor(data, this.newOptions(opts));
  }
  private newOptions(opts?: N.TensorOptions): N.TensorOptions {
    return { ...opts, dtype: opts?.dtype ?? this.dtype, device: opts?.device ?? this.device };
  }

  /** `x.nelement()`: same as `numel()`. @example torch.zeros(2, 3).nelement() // 6 */
  nelement(): number {
    return this.numel();
  }

  /** `x.type(dtype)`: cast to `dtype` (`x` itself when it already has it). @example torch.tensor([1.5]).type('int32') // tensor([1], dtype=torch.int32) */
  type(dtype: DType): Tensor {
    return C.cast(this, toDType(dtype));
  }
  /** `x.float()`: cast to float32. @example torch.tensor([1, 2]).float() // tensor([1., 2.]) */
  float(): Tensor {
    return C.cast(this, 'float32');
  }
  /** `x.double()`: cast to float64. @example torch.tensor([1, 2]).double() // tensor([1., 2.], dtype=torch.float64) */
  double(): Tensor {
    return C.cast(this, 'float64');
  }
  /** `x.half()`: cast to float16. @example torch.tensor([1, 2]).half() // tensor([1., 2.], dtype=torch.float16) */
  half(): Tensor {
    return C.cast(this, 'float16');
  }
  /** `x.bfloat16()`: cast to bfloat16. @example torch.tensor([1, 2]).bfloat16() // tensor([1., 2.], dtype=torch.bfloat16) */
  bfloat16(): Tensor {
    return C.cast(this, 'bfloat16');
  }
  /** `x.int()`: cast to int32 (floats truncate toward zero). @example torch.tensor([1.7, -1.7]).int() // tensor([ 1, -1], dtype=torch.int32) */
  int(): Tensor {
    return C.cast(this, 'int32');
  }
  /** `x.long()`: cast to int64 (floats truncate toward zero). @example torch.tensor([1.7, -1.7]).long() // tensor([ 1, -1]) */
  long(): Tensor {
    return C.cast(this, 'int64');
  }
  /** `x.bool()`: cast to bool (nonzero → true). @example torch.tensor([0, 2]).bool() // tensor([False,  True]) */
  bool(): Tensor {
    return C.cast(this, 'bool');
  }
  /** `x.byte()`: cast to uint8. @example torch.tensor([1, 2]).byte() // tensor([1, 2], dtype=torch.uint8) */
  byte(): Tensor {
    return C.cast(this, 'uint8');
  }
  /** `x.char()`: cast to int8. @example torch.tensor([1, 2]).char() // tensor([1, 2], dtype=torch.int8) */
  char(): Tensor {
    return C.cast(this, 'int8');
  }

  /** `x.is_floating_point()`: whether the dtype is a float type. @example torch.tensor([1, 2]).isFloatingPoint() // false */
  isFloatingPoint(): boolean {
    return isFloatingPoint(this.dtype);
  }

  /** `x.element_size()`: bytes per element. @example torch.zeros(2).elementSize() // 4 */
  elementSize(): number {
    return itemSize(this.dtype);
  }

  // ---- copies and views ---------------------------------------------------

  /** `x.contiguous()`: `x` itself when already row-major, else a row-major copy. @example torch.zeros(2, 3).t().contiguous().isContiguous() // true */
  contiguous(): Tensor {
    return C.contiguous(this);
  }
  /** `x.clone()`: a copy with its own storage. @example torch.tensor([1, 2]).clone() // tensor([1, 2]) */
  clone(): Tensor {
    return C.clone(this);
  }
  /** `x.detach()`: a tensor sharing storage, outside any autograd graph. @example torch.tensor([1, 2]).float().detach() // tensor([1., 2.]) */
  detach(): Tensor {
    return C.alias(this);
  }
  /** `x.copy_(src)`: in place, broadcasting and casting `src`. @example torch.zeros(2).copy_(torch.tensor([1, 2])) // tensor([1., 2.]) */
  copy_(src: Tensor): Tensor {
    return C.copyInto(this, src);
  }
  /**
   * `x.set_(source)`: `x` now views `source`'s storage with its shape, strides and offset, as
   * PyTorch's `x.data = source` (autograd state, `.grad` and the object itself are kept; nothing
   * is recorded). `nn.Module.to()` moves parameters in place with it, so that references held
   * elsewhere (an optimizer) stay valid.
   * @example const p = torch.zeros(2); p.set_(torch.ones(3)); p // tensor([1., 1., 1.])
   */
  set_(source: Tensor): Tensor {
    if (this.disposed || source.disposed) throw new RuntimeError('this tensor has been disposed');
    const self = this as { storage: Storage; shape: readonly number[]; strides: readonly number[]; offset: number };
    if (source.storage !== this.storage) {
      source.storage.retain();
      finalizer.unregister(this);
      this.storage.release();
      self.storage = source.storage;
      finalizer.register(this, source.storage, this);
    }
    self.shape = [...source.shape];
    self.strides = [...source.strides];
    self.offset = source.offset;
    return this;
  }
  /**
   * `x.view(*shape)` or `x.view([...])`: the same storage with another shape (never a copy);
   * one size may be -1. `x.view(dtype)` is not supported.
   * @example torch.arange(6).view(2, -1).shape // [2, 3]
   */
  view(...shape: SizeArgs): Tensor {
    return V.view(this, parseSizes(shape));
  }
  /** `x.view_as(other)`: `x.view(other.shape)`. @example torch.arange(6).viewAs(torch.zeros(3, 2)).shape // [3, 2] */
  viewAs(other: Tensor): Tensor {
    return V.view(this, other.shape);
  }
  /** `x.reshape(*shape)`: a view when the layout allows, else a copy; one size may be -1. @example torch.arange(6).reshape(3, -1).shape // [3, 2] */
  reshape(...shape: SizeArgs): Tensor {
    return V.reshape(this, parseSizes(shape));
  }
  /** `x.reshape_as(other)`: `x.reshape(other.shape)`. @example torch.arange(6).reshapeAs(torch.zeros(3, 2)).shape // [3, 2] */
  reshapeAs(other: Tensor): Tensor {
    return V.reshape(this, other.shape);
  }
  /** `x.permute(*dims)`: the dims reordered, as a view. @example torch.zeros(2, 3, 4).permute(2, 0, 1).shape // [4, 2, 3] */
  permute(...dims: SizeArgs): Tensor {
    return V.permute(this, parseSizes(dims));
  }
  /** `x.transpose(dim0, dim1)`: two dims swapped, as a view. @example torch.zeros(2, 3, 4).transpose(0, 2).shape // [4, 3, 2] */
  transpose(dim0: number, dim1: number): Tensor {
    return V.transpose(this, dim0, dim1);
  }
  /** `x.swapaxes(a, b)` = transpose. @example torch.zeros(2, 3).swapaxes(0, 1).shape // [3, 2] */
  swapaxes(dim0: number, dim1: number): Tensor {
    return V.transpose(this, dim0, dim1);
  }
  /** `x.t()`: the transpose of a tensor with at most 2 dims. @example torch.zeros(2, 3).t().shape // [3, 2] */
  t(): Tensor {
    return V.t(this);
  }
  /** `x.T`: all dims reversed. @example torch.zeros(2, 3).T.shape // [3, 2] */
  get T(): Tensor {
    return V.permute(this, this.shape.map((_, i) => this.ndim - 1 - i));
  }
  /** `x.mT`: the last two dims swapped. @example torch.zeros(5, 2, 3).mT.shape // [5, 3, 2] */
  get mT(): Tensor {
    if (this.ndim < 2) {
      throw new RuntimeError(`tensor.mT is only supported on matrices or batches of matrices. Got ${this.ndim}-D tensor.`);
    }
    return V.transpose(this, -2, -1);
  }
  /** `x.expand(*sizes)`: size-1 dims broadcast to `sizes` as a view (stride 0); -1 keeps a size. @example torch.tensor([1, 2]).expand(2, -1).shape // [2, 2] */
  expand(...sizes: SizeArgs): Tensor {
    return V.expand(this, parseSizes(sizes));
  }
  /** `x.expand_as(other)`: `x.expand(other.shape)`. @example torch.tensor([1]).expandAs(torch.zeros(3)) // tensor([1, 1, 1]) */
  expandAs(other: Tensor): Tensor {
    return V.expand(this, other.shape);
  }
  /** `x.squeeze(dim?)`: size-1 dims removed (all of them, or only those in `dim`). @example torch.zeros(1, 2, 1).squeeze().shape // [2] */
  squeeze(dim?: number | readonly number[]): Tensor {
    return V.squeeze(this, dim);
  }
  /** `x.unsqueeze(dim)`: a size-1 dim inserted at `dim`. @example torch.tensor([1, 2]).unsqueeze(1).shape // [2, 1] */
  unsqueeze(dim: number): Tensor {
    return V.unsqueeze(this, dim);
  }
  /** `x.flatten(startDim=0, endDim=-1)`: dims `startDim..endDim` merged into one. @example torch.zeros(2, 3, 4).flatten(1).shape // [2, 12] */
  flatten(startDim = 0, endDim = -1): Tensor {
    return V.flatten(this, startDim, endDim);
  }
  /** `x.unflatten(dim, sizes)`: one dim split into `sizes` (one may be -1). @example torch.zeros(2, 12).unflatten(1, [3, -1]).shape // [2, 3, 4] */
  unflatten(dim: number, sizes: readonly number[]): Tensor {
    return V.unflatten(this, dim, sizes);
  }
  /** `x.narrow(dim, start, length)`: `length` entries of `dim` from `start`, as a view. @example torch.arange(5).narrow(0, 1, 3) // tensor([1, 2, 3]) */
  narrow(dim: number, start: number, length: number): Tensor {
    return V.narrow(this, dim, start, length);
  }
  /** `x.select(dim, index)`: `x[..., index, ...]` at `dim`, which is removed. @example torch.tensor([[1, 2], [3, 4]]).select(1, 0) // tensor([1, 3]) */
  select(dim: number, index: number): Tensor {
    return V.select(this, dim, index);
  }
  /** `x.diagonal(offset=0, dim1=0, dim2=1)`: a diagonal as a view, appended as the last dim. @example torch.tensor([[1, 2], [3, 4]]).diagonal() // tensor([1, 4]) */
  diagonal(offset = 0, dim1 = 0, dim2 = 1): Tensor {
    return V.diagonal(this, offset, dim1, dim2);
  }
  /** `x.movedim(source, destination)`: dims moved to new positions, the others keeping their order. @example torch.zeros(2, 3, 4).movedim(0, -1).shape // [3, 4, 2] */
  movedim(source: number | readonly number[], destination: number | readonly number[]): Tensor {
    return V.movedim(this, source, destination);
  }
  /**
   * `x[...]`: ints, `[start, stop, step]` slices, `':'`, `null`, `'...'` (a view), and int64 /
   * bool tensors and booleans (advanced indexing, a copy). A JS array is a slice, never a list of indices.
   * @example x.at(0, [1, 3]); x.at(torch.tensor([0, 2]), '...'); x.at(x.gt(0))
   */
  at(...indices: I.Index[]): Tensor {
    return I.at(this, ...indices);
  }
  /** `x[...] = value`, in place, for every index form of `at`; `value` broadcasts. @example x.setAt([0, ':'], 1); x.setAt([x.lt(0)], 0) */
  setAt(indices: readonly I.Index[], value: TensorOrScalar): Tensor {
    return I.setAt(this, indices, value);
  }
  /** `x.chunk(chunks, dim=0)`: up to `chunks` views of equal size (the last may be smaller). @example torch.arange(5).chunk(2) // [tensor([0, 1, 2]), tensor([3, 4])] */
  chunk(chunks: number, dim = 0): Tensor[] {
    return J.chunk(this, chunks, dim);
  }
  /** `x.split(splitSize | sizes, dim=0)`: views of `splitSize` each, or of the given sizes. @example torch.arange(5).split([1, 4]) // [tensor([0]), tensor([1, 2, 3, 4])] */
  split(splitSize: number | readonly number[], dim = 0): Tensor[] {
    return J.split(this, splitSize, dim);
  }
  /** `x.unbind(dim=0)`: the slices along `dim`, as views. @example torch.tensor([[1, 2], [3, 4]]).unbind(1) // [tensor([1, 3]), tensor([2, 4])] */
  unbind(dim = 0): Tensor[] {
    return J.unbind(this, dim);
  }

  // ---- indexing: gather, scatter, index_*, masks -------------------------

  /** `x.gather(dim, index)`: `out[i][j] = x[i][index[i][j]]` (dim 1). @example torch.tensor([[1, 2], [3, 4]]).gather(1, torch.tensor([[1], [0]])) // tensor([[2], [3]]) */
  gather(dim: number, index: Tensor, opts?: { sparseGrad?: boolean }): Tensor { return G.gather(this, dim, index, opts); }
  /** `x.scatter(dim, index, src | value, { reduce })`: a copy with `src` written at `index`. @example torch.zeros(3).scatter(0, torch.tensor([1]), 5) // tensor([0., 5., 0.]) */
  scatter(dim: number, index: Tensor, src: Tensor | Scalar, opts?: { reduce?: 'add' | 'multiply' }): Tensor { return G.scatter(this, dim, index, src, opts); }
  /** `x.scatter_(dim, index, src | value, { reduce })`: `src` written at `index` in place; duplicates keep the last. @example torch.zeros(3).scatter_(0, torch.tensor([2]), torch.tensor([1]).float()) // tensor([0., 0., 1.]) */
  scatter_(dim: number, index: Tensor, src: Tensor | Scalar, opts?: { reduce?: 'add' | 'multiply' }): Tensor { return G.scatter_(this, dim, index, src, opts); }
  /** `x.scatter_add(dim, index, src)`: a copy with `src` added at `index`. @example torch.zeros(2).scatterAdd(0, torch.tensor([0, 0]), torch.ones(2)) // tensor([2., 0.]) */
  scatterAdd(dim: number, index: Tensor, src: Tensor): Tensor { return G.scatterAdd(this, dim, index, src); }
  /** `x.scatter_add_(dim, index, src)`: `src` added at `index` in place. @example torch.zeros(2).scatterAdd_(0, torch.tensor([1]), torch.ones(1)) // tensor([0., 1.]) */
  scatterAdd_(dim: number, index: Tensor, src: Tensor): Tensor { return G.scatterAdd_(this, dim, index, src); }
  /** `x.scatter_reduce(dim, index, src, reduce, { includeSelf })`: `sum prod mean amax amin` of the writes per target. @example torch.zeros(2).scatterReduce(0, torch.tensor([0, 0]), torch.tensor([1, 3]).float(), 'mean') // tensor([1.3333, 0.0000]) */
  scatterReduce(dim: number, index: Tensor, src: Tensor, reduce: G.ScatterReduction, opts?: G.ScatterReduceOptions): Tensor { return G.scatterReduce(this, dim, index, src, reduce, opts); }
  /** `x.scatter_reduce_(dim, index, src, reduce, { includeSelf })`: `scatterReduce` in place. @example torch.ones(2).scatterReduce_(0, torch.tensor([1]), torch.tensor([5]).float(), 'amax') // tensor([1., 5.]) */
  scatterReduce_(dim: number, index: Tensor, src: Tensor, reduce: G.ScatterReduction, opts?: G.ScatterReduceOptions): Tensor { return G.scatterReduce_(this, dim, index, src, reduce, opts); }
  /** `x.index_select(dim, index)`: the entries `index` of `dim`. @example torch.tensor([1, 2, 3]).indexSelect(0, torch.tensor([2, 0])) // tensor([3, 1]) */
  indexSelect(dim: number, index: Tensor): Tensor { return A.indexSelect(this, dim, index); }
  /** `x.index_add(dim, index, source, { alpha })`: a copy with `alpha * source` added at the entries `index` of `dim`. @example torch.zeros(2).indexAdd(0, torch.tensor([1]), torch.ones(1)) // tensor([0., 1.]) */
  indexAdd(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: Scalar }): Tensor { return A.indexAdd(this, dim, index, source, opts); }
  /** `x.index_add_(dim, index, source, { alpha })`: `indexAdd` in place. @example torch.zeros(2).indexAdd_(0, torch.tensor([0, 0]), torch.ones(2)) // tensor([2., 0.]) */
  indexAdd_(dim: number, index: Tensor, source: Tensor, opts?: { alpha?: Scalar }): Tensor { return A.indexAdd_(this, dim, index, source, opts); }
  /** `x.index_copy(dim, index, source)`: a copy with the slices of `source` at the entries `index` of `dim`. @example torch.zeros(2).indexCopy(0, torch.tensor([1]), torch.ones(1)) // tensor([0., 1.]) */
  indexCopy(dim: number, index: Tensor, source: Tensor): Tensor { return A.indexCopy(this, dim, index, source); }
  /** `x.index_copy_(dim, index, source)`: `indexCopy` in place. @example torch.zeros(2).indexCopy_(0, torch.tensor([0]), torch.ones(1)) // tensor([1., 0.]) */
  indexCopy_(dim: number, index: Tensor, source: Tensor): Tensor { return A.indexCopy_(this, dim, index, source); }
  /** `x.index_fill(dim, index, value)`: a copy with the entries `index` of `dim` set to `value`. @example torch.zeros(2).indexFill(0, torch.tensor([1]), 3) // tensor([0., 3.]) */
  indexFill(dim: number, index: Tensor, value: Scalar | Tensor): Tensor { return A.indexFill(this, dim, index, value); }
  /** `x.index_fill_(dim, index, value)`: `indexFill` in place. @example torch.zeros(2).indexFill_(0, torch.tensor([0]), 3) // tensor([3., 0.]) */
  indexFill_(dim: number, index: Tensor, value: Scalar | Tensor): Tensor { return A.indexFill_(this, dim, index, value); }
  /** `x.index_put(indices, values, { accumulate })`: a copy with `values` put at `indices`. @example torch.zeros(2).indexPut([torch.tensor([1])], torch.tensor(2).float()) // tensor([0., 2.]) */
  indexPut(indices: readonly Tensor[], values: Tensor, opts?: { accumulate?: boolean }): Tensor { return I.indexPut(this, indices, values, opts); }
  /** `x.index_put_(indices, values, { accumulate })`: `x[indices] = values` (or `+=`) in place. @example torch.zeros(2).indexPut_([torch.tensor([0, 0])], torch.tensor(1).float(), { accumulate: true }) // tensor([2., 0.]) */
  indexPut_(indices: readonly Tensor[], values: Tensor, opts?: { accumulate?: boolean }): Tensor { return I.indexPut_(this, indices, values, opts); }
  /** `x.masked_fill(mask, value)`: a copy with `value` where `mask` is true. @example torch.zeros(2).maskedFill(torch.tensor([true, false]), 1) // tensor([1., 0.]) */
  maskedFill(mask: Tensor, value: Scalar | Tensor): Tensor { return M.maskedFill(this, mask, value); }
  /** `x.masked_fill_(mask, value)`: `maskedFill` in place. @example torch.zeros(2).maskedFill_(torch.tensor([false, true]), 1) // tensor([0., 1.]) */
  maskedFill_(mask: Tensor, value: Scalar | Tensor): Tensor { return M.maskedFill_(this, mask, value); }
  /** `x.masked_select(mask)`: the elements where `mask` is true, 1-d (reads the mask: CPU). @example torch.tensor([1, 2]).maskedSelect(torch.tensor([false, true])) // tensor([2]) */
  maskedSelect(mask: Tensor): Tensor { return M.maskedSelect(this, mask); }
  /** `x.masked_scatter(mask, source)`: a copy whose true mask positions take `source`'s elements in order. @example torch.zeros(2).maskedScatter(torch.tensor([false, true]), torch.tensor([7]).float()) // tensor([0., 7.]) */
  maskedScatter(mask: Tensor, source: Tensor): Tensor { return M.maskedScatter(this, mask, source); }
  /** `x.masked_scatter_(mask, source)`: `maskedScatter` in place. @example torch.zeros(2).maskedScatter_(torch.tensor([true, false]), torch.tensor([7]).float()) // tensor([7., 0.]) */
  maskedScatter_(mask: Tensor, source: Tensor): Tensor { return M.maskedScatter_(this, mask, source); }
  /** `x.nonzero({ asTuple })`: indices of the nonzero elements, [count, ndim] or one tensor per dim (reads: CPU). @example torch.tensor([0, 3]).nonzero() // tensor([[1]]) */
  nonzero(): Tensor;
  nonzero(opts: { asTuple: true }): Tensor[];
  nonzero(opts?: { asTuple?: boolean }): Tensor | Tensor[];
  nonzero(opts?: { asTuple?: boolean }): Tensor | Tensor[] { return M.nonzero(this, opts); }
  /** `x.argwhere()`: `x.nonzero()`. @example torch.tensor([0, 3]).argwhere() // tensor([[1]]) */
  argwhere(): Tensor { return M.argwhere(this); }
  /** `x.take(index)`: elements of the flattened `x` at `index`, shaped like `index`. @example torch.tensor([[1, 2], [3, 4]]).take(torch.tensor([3])) // tensor([4]) */
  take(index: Tensor): Tensor { return A.take(this, index); }

  // ---- filling ----------------------------------------------------------

  /** `x.fill_(value)`: every element set to `value` (a scalar or 0-d tensor), in place. @example torch.zeros(2).fill_(7) // tensor([7., 7.]) */
  fill_(value: Scalar | Tensor): Tensor {
    return fill(this, value);
  }
  /** `x.zero_()`: every element set to 0, in place. @example torch.ones(2).zero_() // tensor([0., 0.]) */
  zero_(): Tensor {
    return zero(this);
  }

  // ---- unary math -------------------------------------------------------

  /** `x.abs()`: |x|. @example torch.tensor([-1, 2]).abs() // tensor([1, 2]) */
  abs(): Tensor { return E.unaryOp('abs', this); }
  /** `x.abs_()`: `abs` in place. @example torch.tensor([-1, 2]).abs_() // tensor([1, 2]) */
  abs_(): Tensor { return E.unaryOp('abs', this, this); }
  /** `x.neg()`: -x. @example torch.tensor([1, -2]).neg() // tensor([-1,  2]) */
  neg(): Tensor { return E.unaryOp('neg', this); }
  /** `x.neg_()`: `neg` in place. @example torch.tensor([1, -2]).neg_() // tensor([-1,  2]) */
  neg_(): Tensor { return E.unaryOp('neg', this, this); }
  /** `x.negative()`: alias of `neg`. @example torch.tensor([1, -2]).negative() // tensor([-1,  2]) */
  negative(): Tensor { return E.unaryOp('neg', this); }
  /** `x.exp()`: e^x; integers promote to the default float dtype. @example torch.tensor([0, 1]).exp() // tensor([1.0000, 2.7183]) */
  exp(): Tensor { return E.unaryOp('exp', this); }
  /** `x.exp_()`: `exp` in place (float tensors). @example torch.tensor([0, 1]).float().exp_() // tensor([1.0000, 2.7183]) */
  exp_(): Tensor { return E.unaryOp('exp', this, this); }
  /** `x.exp2()`: 2^x. @example torch.tensor([0, 3]).exp2() // tensor([1., 8.]) */
  exp2(): Tensor { return E.unaryOp('exp2', this); }
  /** `x.exp2_()`: `exp2` in place. @example torch.tensor([0, 3]).float().exp2_() // tensor([1., 8.]) */
  exp2_(): Tensor { return E.unaryOp('exp2', this, this); }
  /** `x.expm1()`: e^x - 1, accurate near 0. @example torch.tensor([0, 1]).expm1() // tensor([0.0000, 1.7183]) */
  expm1(): Tensor { return E.unaryOp('expm1', this); }
  /** `x.expm1_()`: `expm1` in place. @example torch.tensor([0, 1]).float().expm1_() // tensor([0.0000, 1.7183]) */
  expm1_(): Tensor { return E.unaryOp('expm1', this, this); }
  /** `x.log()`: natural logarithm (NaN below 0). @example torch.tensor([1, 2]).log() // tensor([0.0000, 0.6931]) */
  log(): Tensor { return E.unaryOp('log', this); }
  /** `x.log_()`: `log` in place. @example torch.tensor([1, 2]).float().log_() // tensor([0.0000, 0.6931]) */
  log_(): Tensor { return E.unaryOp('log', this, this); }
  /** `x.log2()`: base-2 logarithm. @example torch.tensor([1, 8]).log2() // tensor([0., 3.]) */
  log2(): Tensor { return E.unaryOp('log2', this); }
  /** `x.log2_()`: `log2` in place. @example torch.tensor([1, 8]).float().log2_() // tensor([0., 3.]) */
  log2_(): Tensor { return E.unaryOp('log2', this, this); }
  /** `x.log10()`: base-10 logarithm. @example torch.tensor([1, 100]).log10() // tensor([0., 2.]) */
  log10(): Tensor { return E.unaryOp('log10', this); }
  /** `x.log10_()`: `log10` in place. @example torch.tensor([1, 100]).float().log10_() // tensor([0., 2.]) */
  log10_(): Tensor { return E.unaryOp('log10', this, this); }
  /** `x.log1p()`: log(1 + x), accurate near 0. @example torch.tensor([0, 1]).log1p() // tensor([0.0000, 0.6931]) */
  log1p(): Tensor { return E.unaryOp('log1p', this); }
  /** `x.log1p_()`: `log1p` in place. @example torch.tensor([0, 1]).float().log1p_() // tensor([0.0000, 0.6931]) */
  log1p_(): Tensor { return E.unaryOp('log1p', this, this); }
  /** `x.sqrt()`: square root (NaN below 0). @example torch.tensor([4, 2]).sqrt() // tensor([2.0000, 1.4142]) */
  sqrt(): Tensor { return E.unaryOp('sqrt', this); }
  /** `x.sqrt_()`: `sqrt` in place. @example torch.tensor([4, 2]).float().sqrt_() // tensor([2.0000, 1.4142]) */
  sqrt_(): Tensor { return E.unaryOp('sqrt', this, this); }
  /** `x.rsqrt()`: 1 / sqrt(x). @example torch.tensor([4, 1]).rsqrt() // tensor([0.5000, 1.0000]) */
  rsqrt(): Tensor { return E.unaryOp('rsqrt', this); }
  /** `x.rsqrt_()`: `rsqrt` in place. @example torch.tensor([4, 1]).float().rsqrt_() // tensor([0.5000, 1.0000]) */
  rsqrt_(): Tensor { return E.unaryOp('rsqrt', this, this); }
  /** `x.sin()`: sine (radians). @example torch.tensor([0, 1]).sin() // tensor([0.0000, 0.8415]) */
  sin(): Tensor { return E.unaryOp('sin', this); }
  /** `x.sin_()`: `sin` in place. @example torch.tensor([0, 1]).float().sin_() // tensor([0.0000, 0.8415]) */
  sin_(): Tensor { return E.unaryOp('sin', this, this); }
  /** `x.cos()`: cosine (radians). @example torch.tensor([0, 1]).cos() // tensor([1.0000, 0.5403]) */
  cos(): Tensor { return E.unaryOp('cos', this); }
  /** `x.cos_()`: `cos` in place. @example torch.tensor([0, 1]).float().cos_() // tensor([1.0000, 0.5403]) */
  cos_(): Tensor { return E.unaryOp('cos', this, this); }
  /** `x.tan()`: tangent (radians). @example torch.tensor([0, 1]).tan() // tensor([0.0000, 1.5574]) */
  tan(): Tensor { return E.unaryOp('tan', this); }
  /** `x.tan_()`: `tan` in place. @example torch.tensor([0, 1]).float().tan_() // tensor([0.0000, 1.5574]) */
  tan_(): Tensor { return E.unaryOp('tan', this, this); }
  /** `x.asin()`: arcsine (NaN outside [-1, 1]). @example torch.tensor([0, 1]).asin() // tensor([0.0000, 1.5708]) */
  asin(): Tensor { return E.unaryOp('asin', this); }
  /** `x.asin_()`: `asin` in place. @example torch.tensor([0, 1]).float().asin_() // tensor([0.0000, 1.5708]) */
  asin_(): Tensor { return E.unaryOp('asin', this, this); }
  /** `x.acos()`: arccosine (NaN outside [-1, 1]). @example torch.tensor([0, 1]).acos() // tensor([1.5708, 0.0000]) */
  acos(): Tensor { return E.unaryOp('acos', this); }
  /** `x.acos_()`: `acos` in place. @example torch.tensor([0, 1]).float().acos_() // tensor([1.5708, 0.0000]) */
  acos_(): Tensor { return E.unaryOp('acos', this, this); }
  /** `x.atan()`: arctangent. @example torch.tensor([0, 1]).atan() // tensor([0.0000, 0.7854]) */
  atan(): Tensor { return E.unaryOp('atan', this); }
  /** `x.atan_()`: `atan` in place. @example torch.tensor([0, 1]).float().atan_() // tensor([0.0000, 0.7854]) */
  atan_(): Tensor { return E.unaryOp('atan', this, this); }
  /** `x.sinh()`: hyperbolic sine. @example torch.tensor([0, 1]).sinh() // tensor([0.0000, 1.1752]) */
  sinh(): Tensor { return E.unaryOp('sinh', this); }
  /** `x.sinh_()`: `sinh` in place. @example torch.tensor([0, 1]).float().sinh_() // tensor([0.0000, 1.1752]) */
  sinh_(): Tensor { return E.unaryOp('sinh', this, this); }
  /** `x.cosh()`: hyperbolic cosine. @example torch.tensor([0, 1]).cosh() // tensor([1.0000, 1.5431]) */
  cosh(): Tensor { return E.unaryOp('cosh', this); }
  /** `x.cosh_()`: `cosh` in place. @example torch.tensor([0, 1]).float().cosh_() // tensor([1.0000, 1.5431]) */
  cosh_(): Tensor { return E.unaryOp('cosh', this, this); }
  /** `x.tanh()`: hyperbolic tangent. @example torch.tensor([0, 1]).tanh() // tensor([0.0000, 0.7616]) */
  tanh(): Tensor { return E.unaryOp('tanh', this); }
  /** `x.tanh_()`: `tanh` in place. @example torch.tensor([0, 1]).float().tanh_() // tensor([0.0000, 0.7616]) */
  tanh_(): Tensor { return E.unaryOp('tanh', this, this); }
  /** `x.asinh()`: inverse hyperbolic sine. @example torch.tensor([0, 1]).asinh() // tensor([0.0000, 0.8814]) */
  asinh(): Tensor { return E.unaryOp('asinh', this); }
  /** `x.acosh()`: inverse hyperbolic cosine (NaN below 1). @example torch.tensor([1, 2]).acosh() // tensor([0.0000, 1.3170]) */
  acosh(): Tensor { return E.unaryOp('acosh', this); }
  /** `x.atanh()`: inverse hyperbolic tangent (±inf at ±1). @example torch.tensor([0, 0.5]).atanh() // tensor([0.0000, 0.5493]) */
  atanh(): Tensor { return E.unaryOp('atanh', this); }
  /** `x.sigmoid()`: 1 / (1 + e^-x). @example torch.tensor([0, 2]).sigmoid() // tensor([0.5000, 0.8808]) */
  sigmoid(): Tensor { return E.unaryOp('sigmoid', this); }
  /** `x.sigmoid_()`: `sigmoid` in place. @example torch.tensor([0, 2]).float().sigmoid_() // tensor([0.5000, 0.8808]) */
  sigmoid_(): Tensor { return E.unaryOp('sigmoid', this, this); }
  /** `x.relu()`: max(x, 0), keeping the dtype. @example torch.tensor([-1, 2]).relu() // tensor([0, 2]) */
  relu(): Tensor { return E.unaryOp('relu', this); }
  /** `x.relu_()`: `relu` in place. @example torch.tensor([-1, 2]).relu_() // tensor([0, 2]) */
  relu_(): Tensor { return E.unaryOp('relu', this, this); }
  /** `F.gelu(x, approximate='none')` as a method; `{ approximate: 'tanh' }` for the tanh form. @example torch.tensor([-1, 1]).float().gelu() // tensor([-0.1587,  0.8413]) */
  gelu(opts?: { approximate?: 'none' | 'tanh' }): Tensor { return E.gelu(this, opts); }
  /** `F.silu(x)` as a method: x * sigmoid(x). @example torch.tensor([-1, 1]).float().silu() // tensor([-0.2689,  0.7311]) */
  silu(): Tensor { return E.unaryOp('silu', this); }
  /** `F.softplus(x, beta=1, threshold=20)` as a method: log(1 + e^(beta x)) / beta, linear above `threshold`. @example torch.tensor([0, 30]).float().softplus() // tensor([ 0.6931, 30.0000]) */
  softplus(opts?: { beta?: number; threshold?: number }): Tensor { return E.softplus(this, opts); }
  /** `x.erf()`: the error function. @example torch.tensor([0, 1]).erf() // tensor([0.0000, 0.8427]) */
  erf(): Tensor { return E.unaryOp('erf', this); }
  /** `x.erf_()`: `erf` in place. @example torch.tensor([0, 1]).float().erf_() // tensor([0.0000, 0.8427]) */
  erf_(): Tensor { return E.unaryOp('erf', this, this); }
  /** `x.erfc()`: 1 - erf(x). @example torch.tensor([0, 1]).erfc() // tensor([1.0000, 0.1573]) */
  erfc(): Tensor { return E.unaryOp('erfc', this); }
  /** `x.erfc_()`: `erfc` in place. @example torch.tensor([0, 1]).float().erfc_() // tensor([1.0000, 0.1573]) */
  erfc_(): Tensor { return E.unaryOp('erfc', this, this); }
  /** `x.erfinv()`: the inverse error function on (-1, 1). @example torch.tensor([0, 0.5]).erfinv() // tensor([0.0000, 0.4769]) */
  erfinv(): Tensor { return E.unaryOp('erfinv', this); }
  /** `x.erfinv_()`: `erfinv` in place. @example torch.tensor([0, 0.5]).erfinv_() // tensor([0.0000, 0.4769]) */
  erfinv_(): Tensor { return E.unaryOp('erfinv', this, this); }
  /** `x.floor()`: round down (integers unchanged). @example torch.tensor([-1.5, 1.5]).floor() // tensor([-2.,  1.]) */
  floor(): Tensor { return E.unaryOp('floor', this); }
  /** `x.floor_()`: `floor` in place. @example torch.tensor([-1.5, 1.5]).floor_() // tensor([-2.,  1.]) */
  floor_(): Tensor { return E.unaryOp('floor', this, this); }
  /** `x.ceil()`: round up (integers unchanged). @example torch.tensor([-1.5, 1.5]).ceil() // tensor([-1.,  2.]) */
  ceil(): Tensor { return E.unaryOp('ceil', this); }
  /** `x.ceil_()`: `ceil` in place. @example torch.tensor([-1.5, 1.5]).ceil_() // tensor([-1.,  2.]) */
  ceil_(): Tensor { return E.unaryOp('ceil', this, this); }
  /** `x.round({ decimals=0 })`: round half to even. @example torch.tensor([0.5, 1.5, 2.5]).round() // tensor([0., 2., 2.]) */
  round(opts?: { decimals?: number }): Tensor { return E.round(this, opts); }
  /** `x.round_({ decimals })`: `round` in place. @example torch.tensor([1.25, 2.5]).round_({ decimals: 1 }) // tensor([1.2000, 2.5000]) */
  round_(opts?: { decimals?: number }): Tensor { return opts?.decimals ? C.copyInto(this, E.round(this, opts)) : E.unaryOp('round', this, this); }
  /** `x.trunc()`: round toward zero. @example torch.tensor([-1.5, 1.5]).trunc() // tensor([-1.,  1.]) */
  trunc(): Tensor { return E.unaryOp('trunc', this); }
  /** `x.trunc_()`: `trunc` in place. @example torch.tensor([-1.5, 1.5]).trunc_() // tensor([-1.,  1.]) */
  trunc_(): Tensor { return E.unaryOp('trunc', this, this); }
  /** `x.frac()`: x - trunc(x). @example torch.tensor([-1.5, 2.25]).frac() // tensor([-0.5000,  0.2500]) */
  frac(): Tensor { return E.unaryOp('frac', this); }
  /** `x.frac_()`: `frac` in place. @example torch.tensor([-1.5, 2.25]).frac_() // tensor([-0.5000,  0.2500]) */
  frac_(): Tensor { return E.unaryOp('frac', this, this); }
  /** `x.sign()`: -1, 0 or 1 by the sign of x. @example torch.tensor([-3, 0, 2]).sign() // tensor([-1,  0,  1]) */
  sign(): Tensor { return E.unaryOp('sign', this); }
  /** `x.sign_()`: `sign` in place. @example torch.tensor([-3, 0, 2]).sign_() // tensor([-1,  0,  1]) */
  sign_(): Tensor { return E.unaryOp('sign', this, this); }
  /** `x.sgn()`: `sign` (they differ only for complex tensors, which torchlet lacks). @example torch.tensor([-3, 0, 2]).sgn() // tensor([-1,  0,  1]) */
  sgn(): Tensor { return E.sgn(this); }
  /** `x.signbit()`: whether the sign bit is set (true for -0.0), as bool. @example torch.tensor([-1, 0, 1]).signbit() // tensor([ True, False, False]) */
  signbit(): Tensor { return E.unaryOp('signbit', this); }
  /** `x.reciprocal()`: 1 / x; integers promote to the default float dtype. @example torch.tensor([2, 4]).reciprocal() // tensor([0.5000, 0.2500]) */
  reciprocal(): Tensor { return E.unaryOp('reciprocal', this); }
  /** `x.reciprocal_()`: `reciprocal` in place. @example torch.tensor([2, 4]).float().reciprocal_() // tensor([0.5000, 0.2500]) */
  reciprocal_(): Tensor { return E.unaryOp('reciprocal', this, this); }
  /** `x.square()`: x * x. @example torch.tensor([-2, 3]).square() // tensor([4, 9]) */
  square(): Tensor { return E.unaryOp('square', this); }
  /** `x.square_()`: `square` in place. @example torch.tensor([-2, 3]).square_() // tensor([4, 9]) */
  square_(): Tensor { return E.unaryOp('square', this, this); }
  /** `x.isnan()`: where x is NaN, as bool. @example torch.tensor([1, NaN]).isnan() // tensor([False,  True]) */
  isnan(): Tensor { return E.unaryOp('isnan', this); }
  /** `x.isinf()`: where x is ±inf, as bool. @example torch.tensor([1, -Infinity]).isinf() // tensor([False,  True]) */
  isinf(): Tensor { return E.unaryOp('isinf', this); }
  /** `x.isposinf()`: where x is +inf, as bool. @example torch.tensor([Infinity, -Infinity]).isposinf() // tensor([ True, False]) */
  isposinf(): Tensor { return E.unaryOp('isposinf', this); }
  /** `x.isneginf()`: where x is -inf, as bool. @example torch.tensor([Infinity, -Infinity]).isneginf() // tensor([False,  True]) */
  isneginf(): Tensor { return E.unaryOp('isneginf', this); }
  /** `x.isfinite()`: where x is neither NaN nor ±inf, as bool. @example torch.tensor([1, NaN, Infinity]).isfinite() // tensor([ True, False, False]) */
  isfinite(): Tensor { return E.unaryOp('isfinite', this); }
  /** `x.logical_not()`: where x is zero, as bool. @example torch.tensor([0, 2]).logicalNot() // tensor([ True, False]) */
  logicalNot(): Tensor { return E.unaryOp('logicalNot', this); }
  /** `x.logical_not_()`: `logicalNot` in place, in `x`'s dtype (1 or 0). @example torch.tensor([0, 2]).logicalNot_() // tensor([1, 0]) */
  logicalNot_(): Tensor { return E.unaryOp('logicalNot', this, this); }
  /** `x.bitwise_not()` (`~x`): integers and bool only. @example torch.tensor([0, 5]).bitwiseNot() // tensor([-1, -6]) */
  bitwiseNot(): Tensor { return E.unaryOp('bitwiseNot', this); }
  /** `x.bitwise_not_()`: `bitwiseNot` in place. @example torch.tensor([true, false]).bitwiseNot_() // tensor([False,  True]) */
  bitwiseNot_(): Tensor { return E.unaryOp('bitwiseNot', this, this); }
  /** `x.nan_to_num({ nan=0, posinf, neginf })`: NaN and ±inf replaced (±inf by the dtype's largest finite values by default). @example torch.tensor([NaN, Infinity, 1]).nanToNum({ posinf: 9 }) // tensor([0., 9., 1.]) */
  nanToNum(opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor { return E.nanToNum(this, opts); }
  /** `x.nan_to_num_({ nan, posinf, neginf })`: `nanToNum` in place. @example torch.tensor([NaN, 1]).nanToNum_({ nan: -1 }) // tensor([-1.,  1.]) */
  nanToNum_(opts?: { nan?: number; posinf?: number | null; neginf?: number | null }): Tensor { return E.nanToNum(this, opts, this); }

  // ---- binary math ------------------------------------------------------

  /** `x.add(other, { alpha=1 })`: x + alpha * other, broadcasting and promoting. @example torch.tensor([1, 2]).add(torch.tensor([10, 20]), { alpha: 2 }) // tensor([21, 42]) */
  add(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.add(this, other, opts); }
  /** `x.add_(other, { alpha })`: `add` in place. @example torch.tensor([1, 2]).add_(1) // tensor([2, 3]) */
  add_(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.add(this, other, { ...opts, out: this }); }
  /** `x.sub(other, { alpha=1 })`: x - alpha * other. @example torch.tensor([5, 7]).sub(torch.tensor([1, 2])) // tensor([4, 5]) */
  sub(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, opts); }
  /** `x.sub_(other, { alpha })`: `sub` in place. @example torch.tensor([5, 7]).sub_(1) // tensor([4, 6]) */
  sub_(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, { ...opts, out: this }); }
  /** `x.subtract(other, { alpha })`: alias of `sub`. @example torch.tensor([5, 7]).subtract(2) // tensor([3, 5]) */
  subtract(other: TensorOrScalar, opts?: E.AlphaOptions): Tensor { return E.sub(this, other, opts); }
  /** `x.mul(other)`: x * other. @example torch.tensor([1, 2]).mul(0.5) // tensor([0.5000, 1.0000]) */
  mul(other: TensorOrScalar): Tensor { return E.mul(this, other); }
  /** `x.mul_(other)`: `mul` in place (the result must fit `x`'s dtype). @example torch.tensor([1, 2]).mul_(3) // tensor([3, 6]) */
  mul_(other: TensorOrScalar): Tensor { return E.mul(this, other, this); }
  /** `x.multiply(other)`: alias of `mul`. @example torch.tensor([1, 2]).multiply(3) // tensor([3, 6]) */
  multiply(other: TensorOrScalar): Tensor { return E.mul(this, other); }
  /** `x.div(other, { roundingMode })`: true division, or `'trunc'`/`'floor'` rounding. @example torch.tensor([-7, 7]).div(2, { roundingMode: 'floor' }) // tensor([-4,  3]) */
  div(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, opts); }
  /** `x.div_(other, { roundingMode })`: `div` in place. @example torch.tensor([1, 3]).float().div_(2) // tensor([0.5000, 1.5000]) */
  div_(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, { ...opts, out: this }); }
  /** `x.divide(other, { roundingMode })`: alias of `div`. @example torch.tensor([1, 3]).divide(2) // tensor([0.5000, 1.5000]) */
  divide(other: TensorOrScalar, opts?: E.DivOptions): Tensor { return E.div(this, other, opts); }
  /** `x.true_divide(other)`: `div` without rounding. @example torch.tensor([1, 3]).trueDivide(2) // tensor([0.5000, 1.5000]) */
  trueDivide(other: TensorOrScalar): Tensor { return E.div(this, other); }
  /** `x.floor_divide(other)`: division rounded down (Python's `//`). @example torch.tensor([-7, 7]).floorDivide(2) // tensor([-4,  3]) */
  floorDivide(other: TensorOrScalar): Tensor { return E.floorDivide(this, other); }
  /** `x.pow(exponent)`: x ** exponent. @example torch.tensor([2, 3]).pow(2) // tensor([4, 9]) */
  pow(exponent: TensorOrScalar): Tensor { return E.pow(this, exponent); }
  /** `x.pow_(exponent)`: `pow` in place. @example torch.tensor([2, 3]).pow_(2) // tensor([4, 9]) */
  pow_(exponent: TensorOrScalar): Tensor { return E.pow(this, exponent, this); }
  /** `x.remainder(other)`: Python's `%`, the result takes the divisor's sign. @example torch.tensor([-3, 3]).remainder(2) // tensor([1, 1]) */
  remainder(other: TensorOrScalar): Tensor { return E.binaryOp('remainder', this, other); }
  /** `x.remainder_(other)`: `remainder` in place. @example torch.tensor([-3, 3]).remainder_(2) // tensor([1, 1]) */
  remainder_(other: TensorOrScalar): Tensor { return E.binaryOp('remainder', this, other, { out: this }); }
  /** `x.fmod(other)`: C's fmod, the result takes the dividend's sign. @example torch.tensor([-3, 3]).fmod(2) // tensor([-1,  1]) */
  fmod(other: TensorOrScalar): Tensor { return E.binaryOp('fmod', this, other); }
  /** `x.fmod_(other)`: `fmod` in place. @example torch.tensor([-3, 3]).fmod_(2) // tensor([-1,  1]) */
  fmod_(other: TensorOrScalar): Tensor { return E.binaryOp('fmod', this, other, { out: this }); }
  /** `x.maximum(other)`: elementwise max; NaN propagates. @example torch.tensor([1, 5]).maximum(torch.tensor([3, 2])) // tensor([3, 5]) */
  maximum(other: Tensor): Tensor { return E.binaryOp('maximum', this, other); }
  /** `x.minimum(other)`: elementwise min; NaN propagates. @example torch.tensor([1, 5]).minimum(torch.tensor([3, 2])) // tensor([1, 2]) */
  minimum(other: Tensor): Tensor { return E.binaryOp('minimum', this, other); }
  /** `x.fmax(other)`: elementwise max ignoring NaN (NaN only when both are). @example torch.tensor([1, NaN]).fmax(torch.tensor([3, 2])) // tensor([3., 2.]) */
  fmax(other: Tensor): Tensor { return E.binaryOp('fmax', this, other); }
  /** `x.fmin(other)`: elementwise min ignoring NaN (NaN only when both are). @example torch.tensor([1, NaN]).fmin(torch.tensor([3, 2])) // tensor([1., 2.]) */
  fmin(other: Tensor): Tensor { return E.binaryOp('fmin', this, other); }
  /** `y.atan2(x)`: the angle of (x, y) in (-π, π]. @example torch.tensor([1, -1]).atan2(torch.tensor([0, 0])) // tensor([ 1.5708, -1.5708]) */
  atan2(other: Tensor): Tensor { return E.floatBinary('atan2', this, other); }
  /** `y.atan2_(x)`: `atan2` in place. @example torch.tensor([1, -1]).float().atan2_(torch.zeros(2)) // tensor([ 1.5708, -1.5708]) */
  atan2_(other: Tensor): Tensor { return E.floatBinary('atan2', this, other, this); }
  /** `x.hypot(y)`: sqrt(x² + y²) (float tensors). @example torch.tensor([3]).float().hypot(torch.tensor([4]).float()) // tensor([5.]) */
  hypot(other: Tensor): Tensor { return E.floatBinary('hypot', this, other); }
  /** `x.hypot_(y)`: `hypot` in place. @example torch.tensor([3]).float().hypot_(torch.tensor([4]).float()) // tensor([5.]) */
  hypot_(other: Tensor): Tensor { return E.floatBinary('hypot', this, other, this); }
  /** `x.copysign(other)`: |x| with the sign of `other`. @example torch.tensor([1, 2]).copysign(-1) // tensor([-1., -2.]) */
  copysign(other: TensorOrScalar): Tensor { return E.floatBinary('copysign', this, other); }
  /** `x.copysign_(other)`: `copysign` in place. @example torch.tensor([1, 2]).float().copysign_(-1) // tensor([-1., -2.]) */
  copysign_(other: TensorOrScalar): Tensor { return E.floatBinary('copysign', this, other, this); }
  /** `x.xlogy(y)`: x * log(y), and 0 where x is 0. @example torch.tensor([0, 2]).xlogy(torch.tensor([0, 3])) // tensor([0.0000, 2.1972]) */
  xlogy(other: TensorOrScalar): Tensor { return E.floatBinary('xlogy', this, other); }
  /** `x.xlogy_(y)`: `xlogy` in place. @example torch.tensor([0, 2]).float().xlogy_(torch.tensor([0, 3])) // tensor([0.0000, 2.1972]) */
  xlogy_(other: TensorOrScalar): Tensor { return E.floatBinary('xlogy', this, other, this); }
  /** `x.clamp(min?, max?)`: values limited to [min, max]; bounds may be scalars, tensors or null. @example torch.tensor([-2, 0, 2]).clamp(-1, 1) // tensor([-1,  0,  1]) */
  clamp(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max); }
  /** `x.clamp_(min?, max?)`: `clamp` in place. @example torch.tensor([-2, 0, 2]).clamp_(null, 1) // tensor([-2,  0,  1]) */
  clamp_(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max, this); }
  /** `x.clip(min?, max?)`: alias of `clamp`. @example torch.tensor([-2, 0, 2]).clip(-1, 1) // tensor([-1,  0,  1]) */
  clip(min?: E.ClampBound, max?: E.ClampBound): Tensor { return E.clamp(this, min, max); }
  /** `x.clamp_min(min)`: `x.clamp(min)`. @example torch.tensor([-2, 2]).clampMin(0) // tensor([0, 2]) */
  clampMin(min: TensorOrScalar): Tensor { return E.clamp(this, min, null); }
  /** `x.clamp_max(max)`: `x.clamp(null, max)`. @example torch.tensor([-2, 2]).clampMax(0) // tensor([-2,  0]) */
  clampMax(max: TensorOrScalar): Tensor { return E.clamp(this, null, max); }
  /** `x.where(cond, y)`: `x` where `cond`, else `y`. @example torch.tensor([1, -2]).where(torch.tensor([true, false]), 0) // tensor([1, 0]) */
  where(condition: Tensor, other: TensorOrScalar): Tensor { return E.where(condition, this, other); }
  /** `x.lerp(end, weight)`: x + weight * (end - x), float tensors. @example torch.zeros(2).lerp(torch.tensor([10, 20]).float(), 0.5) // tensor([ 5., 10.]) */
  lerp(end: Tensor, weight: TensorOrScalar): Tensor { return E.lerp(this, end, weight); }
  /** `x.lerp_(end, weight)`: `lerp` in place. @example torch.zeros(2).lerp_(torch.tensor([10, 20]).float(), 0.5) // tensor([ 5., 10.]) */
  lerp_(end: Tensor, weight: TensorOrScalar): Tensor { return E.lerp(this, end, weight, this); }

  /** `x.eq(other)` (`x == other`): elementwise equality, as bool. @example torch.tensor([1, 2]).eq(2) // tensor([False,  True]) */
  eq(other: TensorOrScalar): Tensor { return E.binaryOp('eq', this, other); }
  /** `x.eq_(other)`: `eq` written into `x` in its own dtype (1 or 0). @example torch.tensor([1, 2]).float().eq_(2) // tensor([0., 1.]) */
  eq_(other: TensorOrScalar): Tensor { return E.binaryOp('eq', this, other, { out: this }); }
  /** `x.ne(other)` (`x != other`), as bool. @example torch.tensor([1, 2]).ne(2) // tensor([ True, False]) */
  ne(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other); }
  /** `x.ne_(other)`: `ne` written into `x` in its own dtype. @example torch.tensor([1, 2]).float().ne_(2) // tensor([1., 0.]) */
  ne_(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other, { out: this }); }
  /** `x.lt(other)` (`x < other`), as bool. @example torch.tensor([1, 2]).lt(2) // tensor([ True, False]) */
  lt(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other); }
  /** `x.lt_(other)`: `lt` written into `x` in its own dtype. @example torch.tensor([1, 2]).float().lt_(2) // tensor([1., 0.]) */
  lt_(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other, { out: this }); }
  /** `x.le(other)` (`x <= other`), as bool. @example torch.tensor([1, 3]).le(2) // tensor([ True, False]) */
  le(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other); }
  /** `x.le_(other)`: `le` written into `x` in its own dtype. @example torch.tensor([1, 3]).float().le_(2) // tensor([1., 0.]) */
  le_(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other, { out: this }); }
  /** `x.gt(other)` (`x > other`), as bool. @example torch.tensor([1, 3]).gt(2) // tensor([False,  True]) */
  gt(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other); }
  /** `x.gt_(other)`: `gt` written into `x` in its own dtype. @example torch.tensor([1, 3]).float().gt_(2) // tensor([0., 1.]) */
  gt_(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other, { out: this }); }
  /** `x.ge(other)` (`x >= other`), as bool. @example torch.tensor([1, 2]).ge(2) // tensor([False,  True]) */
  ge(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other); }
  /** `x.ge_(other)`: `ge` written into `x` in its own dtype. @example torch.tensor([1, 2]).float().ge_(2) // tensor([0., 1.]) */
  ge_(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other, { out: this }); }
  /** `x.greater(other)`: alias of `gt`. @example torch.tensor([1, 3]).greater(2) // tensor([False,  True]) */
  greater(other: TensorOrScalar): Tensor { return E.binaryOp('gt', this, other); }
  /** `x.greater_equal(other)`: alias of `ge`. @example torch.tensor([1, 2]).greaterEqual(2) // tensor([False,  True]) */
  greaterEqual(other: TensorOrScalar): Tensor { return E.binaryOp('ge', this, other); }
  /** `x.less(other)`: alias of `lt`. @example torch.tensor([1, 2]).less(2) // tensor([ True, False]) */
  less(other: TensorOrScalar): Tensor { return E.binaryOp('lt', this, other); }
  /** `x.less_equal(other)`: alias of `le`. @example torch.tensor([1, 3]).lessEqual(2) // tensor([ True, False]) */
  lessEqual(other: TensorOrScalar): Tensor { return E.binaryOp('le', this, other); }
  /** `x.not_equal(other)`: alias of `ne`. @example torch.tensor([1, 2]).notEqual(2) // tensor([ True, False]) */
  notEqual(other: TensorOrScalar): Tensor { return E.binaryOp('ne', this, other); }
  /** `x.equal(other)`: same shape and values (synchronous read; CPU). @example torch.tensor([1, 2]).equal(torch.tensor([1, 2])) // true */
  equal(other: Tensor): boolean {
    if (this.ndim !== other.ndim || this.shape.some((s, i) => s !== other.shape[i])) return false;
    return Rd.itemSync(R.all(E.binaryOp('eq', this, other))) === true;
  }
  /** `x.isclose(other, { rtol=1e-5, atol=1e-8, equalNan=false })`: |x - other| <= atol + rtol * |other|, as bool. @example torch.tensor([1, 1.1]).isclose(torch.ones(2)) // tensor([ True, False]) */
  isclose(other: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): Tensor { return E.isclose(this, other, opts); }
  /** `x.allclose(other, { rtol, atol, equalNan })`: whether `isclose` holds everywhere (synchronous read; CPU). @example torch.tensor([1, 1.000001]).allclose(torch.ones(2)) // true */
  allclose(other: Tensor, opts?: { rtol?: number; atol?: number; equalNan?: boolean }): boolean { return E.allclose(this, other, opts); }
  /** `x.logical_and(other)`: both nonzero, as bool. @example torch.tensor([0, 1, 2]).logicalAnd(torch.tensor([1, 1, 0])) // tensor([False,  True, False]) */
  logicalAnd(other: TensorOrScalar): Tensor { return E.binaryOp('logicalAnd', this, other); }
  /** `x.logical_and_(other)`: `logicalAnd` written into `x` in its own dtype. @example torch.tensor([0, 1, 2]).logicalAnd_(torch.tensor([1, 1, 0])) // tensor([0, 1, 0]) */
  logicalAnd_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalAnd', this, other, { out: this }); }
  /** `x.logical_or(other)`: either nonzero, as bool. @example torch.tensor([0, 0, 2]).logicalOr(torch.tensor([0, 1, 0])) // tensor([False,  True,  True]) */
  logicalOr(other: TensorOrScalar): Tensor { return E.binaryOp('logicalOr', this, other); }
  /** `x.logical_or_(other)`: `logicalOr` written into `x` in its own dtype. @example torch.tensor([0, 0, 2]).logicalOr_(torch.tensor([0, 1, 0])) // tensor([0, 1, 1]) */
  logicalOr_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalOr', this, other, { out: this }); }
  /** `x.logical_xor(other)`: exactly one nonzero, as bool. @example torch.tensor([0, 1, 2]).logicalXor(torch.tensor([1, 1, 0])) // tensor([ True, False,  True]) */
  logicalXor(other: TensorOrScalar): Tensor { return E.binaryOp('logicalXor', this, other); }
  /** `x.logical_xor_(other)`: `logicalXor` written into `x` in its own dtype. @example torch.tensor([0, 1, 2]).logicalXor_(torch.tensor([1, 1, 0])) // tensor([1, 0, 1]) */
  logicalXor_(other: TensorOrScalar): Tensor { return E.binaryOp('logicalXor', this, other, { out: this }); }
  /** `x.bitwise_and(other)` (`x & other`): integers and bool only. @example torch.tensor([12, 10]).bitwiseAnd(6) // tensor([4, 2]) */
  bitwiseAnd(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseAnd', this, other); }
  /** `x.bitwise_and_(other)`: `bitwiseAnd` in place. @example torch.tensor([12, 10]).bitwiseAnd_(6) // tensor([4, 2]) */
  bitwiseAnd_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseAnd', this, other, this); }
  /** `x.bitwise_or(other)` (`x | other`): integers and bool only. @example torch.tensor([12, 10]).bitwiseOr(6) // tensor([14, 14]) */
  bitwiseOr(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseOr', this, other); }
  /** `x.bitwise_or_(other)`: `bitwiseOr` in place. @example torch.tensor([12, 10]).bitwiseOr_(6) // tensor([14, 14]) */
  bitwiseOr_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseOr', this, other, this); }
  /** `x.bitwise_xor(other)` (`x ^ other`): integers and bool only. @example torch.tensor([12, 10]).bitwiseXor(6) // tensor([10, 12]) */
  bitwiseXor(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseXor', this, other); }
  /** `x.bitwise_xor_(other)`: `bitwiseXor` in place. @example torch.tensor([12, 10]).bitwiseXor_(6) // tensor([10, 12]) */
  bitwiseXor_(other: TensorOrScalar): Tensor { return E.bitwise('bitwiseXor', this, other, this); }
  /** `x.bitwise_left_shift(other)` (`x << other`): integers only. @example torch.tensor([1, 3]).bitwiseLeftShift(2) // tensor([ 4, 12]) */
  bitwiseLeftShift(other: TensorOrScalar): Tensor { return E.bitwise('leftShift', this, other); }
  /** `x.bitwise_left_shift_(other)`: `bitwiseLeftShift` in place. @example torch.tensor([1, 3]).bitwiseLeftShift_(2) // tensor([ 4, 12]) */
  bitwiseLeftShift_(other: TensorOrScalar): Tensor { return E.bitwise('leftShift', this, other, this); }
  /** `x.bitwise_right_shift(other)` (`x >> other`, arithmetic): integers only. @example torch.tensor([-8, 8]).bitwiseRightShift(2) // tensor([-2,  2]) */
  bitwiseRightShift(other: TensorOrScalar): Tensor { return E.bitwise('rightShift', this, other); }
  /** `x.bitwise_right_shift_(other)`: `bitwiseRightShift` in place. @example torch.tensor([-8, 8]).bitwiseRightShift_(2) // tensor([-2,  2]) */
  bitwiseRightShift_(other: TensorOrScalar): Tensor { return E.bitwise('rightShift', this, other, this); }

  // ---- reductions -------------------------------------------------------

  /**
   * `x.sum(dim?, { keepdim, dtype })`; `x.sum(1, true)` also works. Integers accumulate in int64.
   * @example torch.tensor([[1, 2], [3, 4]]).sum(1) // tensor([3, 7])
   */
  sum(dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor { return R.sum(this, dim, ro(opts)); }
  /** `x.mean(dim?, { keepdim, dtype })`: the average over `dim` (all dims when omitted); floating point only. @example torch.tensor([[1, 2], [3, 4]]).float().mean(1) // tensor([1.5000, 3.5000]) */
  mean(dim?: R.Dims, opts?: R.ReduceOptions | boolean): Tensor { return R.mean(this, dim, ro(opts)); }
  /** `x.prod(dim?, { keepdim, dtype })`: the product over one dim or all; integers accumulate in int64. @example torch.tensor([[1, 2], [3, 4]]).prod(1) // tensor([ 2, 12]) */
  prod(dim?: number | null, opts?: R.ReduceOptions | boolean): Tensor { return R.prod(this, dim, ro(opts)); }
  /**
   * `x.max()`, `x.max(dim, keepdim?)` → [values, indices], or `x.max(other)` = maximum.
   * @example torch.tensor([[1, 5], [3, 4]]).max(1) // [tensor([5, 4]), tensor([1, 1])]
   */
  max(): Tensor;
  max(dim: number, opts?: { keepdim?: boolean } | boolean): R.ValuesIndices;
  max(other: Tensor): Tensor;
  max(arg?: number | Tensor, opts?: { keepdim?: boolean } | boolean): Tensor | R.ValuesIndices {
    if (arg === undefined) return R.maxAll('max', this);
    if (arg instanceof Tensor) return E.binaryOp('maximum', this, arg);
    return R.maxAlongDim('max', this, arg, ro(opts)?.keepdim ?? false);
  }
  /**
   * `x.min()`, `x.min(dim, keepdim?)` → [values, indices], or `x.min(other)` = minimum.
   * @example torch.tensor([[1, 5], [3, 4]]).min(1).values // tensor([1, 3])
   */
  min(): Tensor;
  min(dim: number, opts?: { keepdim?: boolean } | boolean): R.ValuesIndices;
  min(other: Tensor): Tensor;
  min(arg?: number | Tensor, opts?: { keepdim?: boolean } | boolean): Tensor | R.ValuesIndices {
    if (arg === undefined) return R.maxAll('min', this);
    if (arg instanceof Tensor) return E.binaryOp('minimum', this, arg);
    return R.maxAlongDim('min', this, arg, ro(opts)?.keepdim ?? false);
  }
  /** `x.amax(dim?, { keepdim })`: the maximum over `dim` (all dims when omitted), without indices. @example torch.tensor([[1, 5], [3, 4]]).amax(0) // tensor([3, 5]) */
  amax(dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.amax(this, dim, ro(opts)); }
  /** `x.amin(dim?, { keepdim })`: the minimum over `dim` (all dims when omitted), without indices. @example torch.tensor([[1, 5], [3, 4]]).amin(0) // tensor([1, 4]) */
  amin(dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.amin(this, dim, ro(opts)); }
  /** `x.argmax(dim?, { keepdim })`: the index of the first maximum (into the flattened tensor when no dim). @example torch.tensor([[1, 5], [3, 4]]).argmax(1) // tensor([1, 1]) */
  argmax(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.argmax(this, dim, ro(opts)); }
  /** `x.argmin(dim?, { keepdim })`: the index of the first minimum (into the flattened tensor when no dim). @example torch.tensor([[1, 5], [3, 4]]).argmin() // tensor(0) */
  argmin(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.argmin(this, dim, ro(opts)); }
  /**
   * `x.std(dim?, { correction=1, keepdim })`; `x.std(false)` is the biased (unbiased=False) form.
   * @example torch.tensor([1, 2, 3, 4]).float().std(false) // tensor(1.1180)
   */
  std(dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor { return typeof dim === 'boolean' ? R.std(this, null, { unbiased: dim }) : R.std(this, dim, opts); }
  /** `x.var(dim?, { correction=1, keepdim })`: the variance; `x.var(false)` is the biased (unbiased=False) form. @example torch.tensor([1, 2, 3, 4]).float().var() // tensor(1.6667) */
  var(dim?: R.Dims | boolean, opts?: R.VarOptions): Tensor { return typeof dim === 'boolean' ? R.variance(this, null, { unbiased: dim }) : R.variance(this, dim, opts); }
  /** `x.logsumexp(dim, { keepdim })`: log(sum(exp(x))) over `dim`, computed stably. @example torch.zeros(2, 2).logsumexp(1) // tensor([0.6931, 0.6931]) */
  logsumexp(dim: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.logsumexp(this, dim, ro(opts)); }
  /** `x.norm(p='fro', dim?, { keepdim })`: the vector p-norm (p a number, ±Infinity or 'fro'). @example torch.tensor([3, 4]).float().norm() // tensor(5.) */
  norm(p?: number | 'fro', dim?: R.Dims, opts?: { keepdim?: boolean } | boolean): Tensor { return R.norm(this, p, dim, ro(opts)); }
  /** `x.all(dim?, { keepdim })`: whether every element is nonzero, as bool. @example torch.tensor([[1, 0], [1, 1]]).all(1) // tensor([False,  True]) */
  all(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.all(this, dim, ro(opts)); }
  /** `x.any(dim?, { keepdim })`: whether some element is nonzero, as bool. @example torch.tensor([[0, 0], [0, 1]]).any(1) // tensor([False,  True]) */
  any(dim?: number | null, opts?: { keepdim?: boolean } | boolean): Tensor { return R.any(this, dim, ro(opts)); }
  /** `x.cumsum(dim, { dtype })`: running sums along `dim`; integers accumulate in int64. @example torch.tensor([1, 2, 3]).cumsum(0) // tensor([1, 3, 6]) */
  cumsum(dim: number, opts?: { dtype?: DType }): Tensor { return R.cumsum(this, dim, opts); }
  /** `x.cumprod(dim, { dtype })`: running products along `dim`; integers accumulate in int64. @example torch.tensor([1, 2, 3]).cumprod(0) // tensor([1, 2, 6]) */
  cumprod(dim: number, opts?: { dtype?: DType }): Tensor { return R.cumprod(this, dim, opts); }
  /** `x.softmax(dim, { dtype })`: exp(x) normalised to sum 1 along `dim`; floating point only unless `dtype` is given. @example torch.tensor([0, 1]).float().softmax(0) // tensor([0.2689, 0.7311]) */
  softmax(dim: number, opts?: { dtype?: DType }): Tensor { return S.softmax(this, dim, opts); }
  /** `x.log_softmax(dim, { dtype })`: log(softmax(x)), computed stably. @example torch.tensor([0, 1]).float().logSoftmax(0) // tensor([-1.3133, -0.3133]) */
  logSoftmax(dim: number, opts?: { dtype?: DType }): Tensor { return S.logSoftmax(this, dim, opts); }

  // ---- shape and order ops ----------------------------------------------

  /** `x.flip(dims)`: a copy with the elements reversed along `dims` (varargs or a list). @example torch.tensor([1, 2, 3]).flip(0) // tensor([3, 2, 1]) */
  flip(...dims: SizeArgs): Tensor { return SO.flip(this, parseSizes(dims)); }
  /** `x.fliplr()`: flipped along dim 1. @example torch.tensor([[1, 2]]).fliplr() // tensor([[2, 1]]) */
  fliplr(): Tensor { return SO.fliplr(this); }
  /** `x.flipud()`: flipped along dim 0. @example torch.tensor([1, 2]).flipud() // tensor([2, 1]) */
  flipud(): Tensor { return SO.flipud(this); }
  /** `x.roll(shifts, dims?)`: elements shifted circularly (over the flattened tensor without dims). @example torch.tensor([1, 2, 3]).roll(-1) // tensor([2, 3, 1]) */
  roll(shifts: number | readonly number[], dims?: number | readonly number[] | null): Tensor { return SO.roll(this, shifts, dims); }
  /** `x.repeat(*sizes)`: tiled `sizes[i]` times along each dim. @example torch.tensor([1, 2]).repeat(2) // tensor([1, 2, 1, 2]) */
  repeat(...sizes: SizeArgs): Tensor { return SO.repeat(this, parseSizes(sizes)); }
  /** `x.tile(dims)`: `repeat` with `dims` padded by leading 1s. @example torch.tensor([[1, 2]]).tile(2) // tensor([[1, 2, 1, 2]]) */
  tile(...dims: SizeArgs): Tensor { return SO.tile(this, parseSizes(dims)); }
  /** `x.repeat_interleave(repeats, dim?, { outputSize })`: each element repeated (tensor repeats are read synchronously). @example torch.tensor([1, 2]).repeatInterleave(2) // tensor([1, 1, 2, 2]) */
  repeatInterleave(repeats: number | Tensor, dim?: number | null, opts?: SO.RepeatInterleaveOptions): Tensor { return SO.repeatInterleave(this, repeats, dim, opts); }
  /** `x.tril(diagonal=0)`: the lower triangle of the last two dims. @example torch.ones(2, 2).tril() // tensor([[1., 0.], [1., 1.]]) */
  tril(diagonal = 0): Tensor { return Tri.tril(this, diagonal); }
  /** `x.triu(diagonal=0)`: the upper triangle of the last two dims. @example torch.ones(2, 2).triu() // tensor([[1., 1.], [0., 1.]]) */
  triu(diagonal = 0): Tensor { return Tri.triu(this, diagonal); }
  /** `x.diag(diagonal=0)`: a diagonal matrix from a vector, or a matrix's diagonal (a copy). @example torch.tensor([1, 2]).diag() // tensor([[1, 0], [0, 2]]) */
  diag(diagonal = 0): Tensor { return Tri.diag(this, diagonal); }
  /** `x.diag_embed(offset=0, dim1=-2, dim2=-1)`: the last dim placed on a diagonal of two new dims. @example torch.tensor([1, 2]).diagEmbed().shape // [2, 2] */
  diagEmbed(offset = 0, dim1 = -2, dim2 = -1): Tensor { return Tri.diagEmbed(this, offset, dim1, dim2); }
  /** `x.trace()`: the sum of a matrix's main diagonal. @example torch.tensor([[1, 2], [3, 4]]).trace() // tensor(5) */
  trace(): Tensor { return Tri.trace(this); }
  /** `x.sort(dim=-1, descending=false, { stable })` → [values, indices]; always stable, NaN largest. @example torch.tensor([3, 1, 2]).sort().values // tensor([1, 2, 3]) */
  sort(dim?: number | Ord.SortOptions, descending?: boolean, opts?: Ord.SortOptions): R.ValuesIndices { return Ord.sort(this, dim, descending, opts); }
  /** `x.argsort(dim=-1, descending=false, { stable })`: the indices that sort `x`. @example torch.tensor([3, 1, 2]).argsort() // tensor([1, 2, 0]) */
  argsort(dim?: number | Ord.SortOptions, descending?: boolean, opts?: Ord.SortOptions): Tensor { return Ord.argsort(this, dim, descending, opts); }
  /** `x.msort()`: sorted along dim 0. @example torch.tensor([2, 1]).msort() // tensor([1, 2]) */
  msort(): Tensor { return Ord.msort(this); }
  /** `x.topk(k, dim=-1, largest=true, sorted=true)` → [values, indices]. @example torch.tensor([1, 5, 3]).topk(1).values // tensor([5]) */
  topk(k: number, dim?: number | Ord.TopkOptions, largest?: boolean, sorted?: boolean): R.ValuesIndices { return Ord.topk(this, k, dim, largest, sorted); }
  /** `x.kthvalue(k, dim=-1, keepdim=false)` → [values, indices]: the k-th smallest. @example torch.tensor([4, 1, 3]).kthvalue(1).values // tensor(1) */
  kthvalue(k: number, dim?: number, keepdim?: boolean | { keepdim?: boolean }): R.ValuesIndices { return Ord.kthvalue(this, k, dim, keepdim); }
  /** `x.unique({ sorted, returnInverse, returnCounts, dim })`: sorted unique values (reads values synchronously). @example torch.tensor([2, 1, 2]).unique() // tensor([1, 2]) */
  unique(opts: Uq.UniqueOptions & ({ returnInverse: true } | { returnCounts: true })): Tensor[];
  unique(opts?: Uq.UniqueOptions & { returnInverse?: false; returnCounts?: false }): Tensor;
  unique(opts?: Uq.UniqueOptions): Tensor | Tensor[];
  unique(opts?: Uq.UniqueOptions): Tensor | Tensor[] { return Uq.unique(this, opts); }
  /** `x.cummax(dim)` → [values, indices]: running maxima and where each was reached. @example torch.tensor([1, 3, 2]).cummax(0).values // tensor([1, 3, 3]) */
  cummax(dim: number): R.ValuesIndices { return Cum.cummax(this, dim); }
  /** `x.cummin(dim)` → [values, indices]: running minima and where each was reached. @example torch.tensor([3, 1, 2]).cummin(0).indices // tensor([0, 1, 1]) */
  cummin(dim: number): R.ValuesIndices { return Cum.cummin(this, dim); }
  /** `x.logcumsumexp(dim)`: log of the running sums of exp(x), computed stably. @example torch.tensor([0, 0]).float().logcumsumexp(0) // tensor([0.0000, 0.6931]) */
  logcumsumexp(dim: number): Tensor { return Cum.logcumsumexp(this, dim); }

  // ---- linear algebra ---------------------------------------------------

  /** `x.matmul(other)` (`x @ other`): matrix product with PyTorch's rules for 1-D operands and broadcast batch dims. @example torch.ones(5, 2, 3).matmul(torch.ones(3, 4)).shape // [5, 2, 4] */
  matmul(other: Tensor): Tensor { return L.matmul(this, other); }
  /** `x.mm(other)`: 2-D × 2-D matrix product, no broadcasting. @example torch.tensor([[1, 2]]).float().mm(torch.tensor([[3], [4]]).float()) // tensor([[11.]]) */
  mm(other: Tensor): Tensor { return L.mm(this, other); }
  /** `x.bmm(other)`: [b, n, m] × [b, m, p] → [b, n, p], no broadcasting. @example torch.ones(5, 2, 3).bmm(torch.ones(5, 3, 4)).shape // [5, 2, 4] */
  bmm(other: Tensor): Tensor { return L.bmm(this, other); }
  /** `x.mv(vec)`: matrix × vector. @example torch.tensor([[1, 2], [3, 4]]).float().mv(torch.tensor([1, 1]).float()) // tensor([3., 7.]) */
  mv(vec: Tensor): Tensor { return L.mv(this, vec); }
  /** `x.dot(other)`: the inner product of two 1-D tensors of one dtype, as a 0-d tensor. @example torch.tensor([1, 2]).float().dot(torch.tensor([3, 4]).float()) // tensor(11.) */
  dot(other: Tensor): Tensor { return L.dot(this, other); }
  /** `x.outer(other)`: the outer product of two 1-D tensors, as [n, m]. @example torch.tensor([1, 2]).outer(torch.tensor([1, 2, 3])).shape // [2, 3] */
  outer(other: Tensor): Tensor { return L.outer(this, other); }

  // ---- random sampling ----------------------------------------------------

  /** `x.uniform_(from=0, to=1, { generator })`: U[from, to) samples, in place (PyTorch's CPU stream). @example torch.manualSeed(0); torch.empty(2).uniform_() // tensor([0.4963, 0.7682]) */
  uniform_(from?: number, to?: number, opts?: Rnd.GeneratorOptions): Tensor { return Rnd.uniform_(this, from, to, opts); }
  /** `x.normal_(mean=0, std=1, { generator })`: N(mean, std²) samples, in place. @example torch.manualSeed(0); torch.empty(2).normal_() // tensor([ 1.5410, -0.2934]) */
  normal_(mean?: number, std?: number, opts?: Rnd.GeneratorOptions): Tensor { return Rnd.normal_(this, mean, std, opts); }
  /** `x.exponential_(lambd=1, { generator })`: Exp(lambd) samples, in place. @example torch.manualSeed(0); torch.empty(2).exponential_() // tensor([3.5083, 1.2304]) */
  exponential_(lambd?: number, opts?: Rnd.GeneratorOptions): Tensor { return Rnd.exponential_(this, lambd, opts); }
  /** `x.random_(from=0, to=None, { generator })` or `x.random_(to)`: uniform integers, in place. @example torch.manualSeed(0); torch.zeros(3, { dtype: 'int64' }).random_(10) // tensor([4, 9, 3]) */
  random_(...args: Rnd.RandomBound[]): Tensor { return Rnd.random_(this, ...args); }
  /** `x.bernoulli_(p=0.5, { generator })`: 1 with probability p (a number or tensor), else 0, in place. @example torch.manualSeed(0); torch.empty(4).bernoulli_(0.5) // tensor([0., 0., 1., 0.]) */
  bernoulli_(p?: number | Tensor, opts?: Rnd.GeneratorOptions): Tensor { return Bern.bernoulli_(this, p, opts); }
  /** `x.bernoulli(p?, { generator })`: a new 0/1 tensor, 1 with probability x[i] (or p). @example torch.manualSeed(0); torch.full([3], 0.5).bernoulli() // tensor([1., 0., 1.]) */
  bernoulli(p?: number | Rnd.GeneratorOptions, opts?: Rnd.GeneratorOptions): Tensor { return Bern.bernoulli(this, p, opts); }
  /** `x.multinomial(numSamples, replacement=false, { generator })`: sampled indices (int64). @example torch.manualSeed(0); torch.tensor([0.1, 0.6, 0.3]).multinomial(2) // tensor([2, 1]) */
  multinomial(numSamples: number, replacement?: boolean, opts?: Rnd.GeneratorOptions): Tensor { return Mult.multinomial(this, numSamples, replacement, opts); }

  // ---- reading ----------------------------------------------------------

  /** `await x.data()`: values in row-major order (x.numpy() in PyTorch). @example await torch.tensor([1, 2.5]).data() // Float32Array [1, 2.5] */
  data(): Promise<Rd.DataArray> { return Rd.data(this); }
  /** `x.dataSync()`: `data()` read synchronously, for backends that can (CPU). @example torch.tensor([1, 2.5]).dataSync() // Float32Array [1, 2.5] */
  dataSync(): Rd.DataArray { return Rd.dataSync(this); }
  /** `await x.item()`: the value of a one-element tensor. @example await torch.tensor([1, 2]).sum().item() // 3 */
  item(): Promise<number | boolean> { return Rd.item(this); }
  /** `x.itemSync()`: `item()` read synchronously (CPU). @example torch.tensor([2.5]).itemSync() // 2.5 */
  itemSync(): number | boolean { return Rd.itemSync(this); }
  /** `await x.tolist()`: the values as nested arrays (a plain value for 0-d tensors). @example await torch.tensor([[1, 2], [3, 4]]).tolist() // [[1, 2], [3, 4]] */
  tolist(): Promise<Rd.NestedList> { return Rd.tolist(this); }
  /** `x.tolistSync()`: `tolist()` read synchronously (CPU). @example torch.tensor([[1, 2], [3, 4]]).tolistSync() // [[1, 2], [3, 4]] */
  tolistSync(): Rd.NestedList { return Rd.tolistSync(this); }

  /**
   * Prints as PyTorch prints: `tensor([1., 2.])`. Reads synchronously (CPU); other devices print their metadata.
   * @example torch.tensor([1, 2]).toString() // 'tensor([1, 2])'
   */
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

  /** What `console.log(x)` prints in Node: `toString()`. @example console.log(torch.tensor([1, 2])) // prints tensor([1, 2]) */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // ---- autograd -----------------------------------------------------------
  // Delegations to the bridge @torchlet/autograd installs; per-tensor state lives in one slot.

  /** @internal Autograd's per-tensor state (owned by @torchlet/autograd). */
  autogradMeta: object | undefined = undefined;
  /** @internal The tensor a view was made from (PyTorch's `_base`; null unless a view): in-place writes through views need it. */
  viewBase: Tensor | null = null;

  /** `x.requires_grad`: whether ops on `x` are recorded; settable on leaves. @example torch.ones(2, { requiresGrad: true }).requiresGrad // true */
  get requiresGrad(): boolean { return maybeAutogradBridge()?.requiresGrad(this) ?? false; }
  set requiresGrad(value: boolean) { autogradBridge('requiresGrad').setRequiresGrad(this, value); }
  /** `x.requires_grad_(requiresGrad=true)`: sets `requiresGrad` in place, returns `x`. @example torch.ones(2).requiresGrad_().requiresGrad // true */
  requiresGrad_(requiresGrad = true): Tensor { autogradBridge('requiresGrad_').setRequiresGrad(this, requiresGrad); return this; }
  /** `x.grad`: the gradient accumulated by `backward()` (leaves, or tensors that `retainGrad()`), else null. @example x.sum().backward(); x.grad // tensor([1., 1.]) */
  get grad(): Tensor | null { return maybeAutogradBridge()?.grad(this) ?? null; }
  set grad(g: Tensor | null) { autogradBridge('grad').setGrad(this, g); }
  /** `x.grad_fn`: the backward node that made `x`, or null for leaves. @example x.mul(2).gradFn!.name() // 'MulBackward0' */
  get gradFn(): GradFn | null { return maybeAutogradBridge()?.gradFn(this) ?? null; }
  /** `x.is_leaf`: true unless `x` was made by a recorded op. @example torch.ones(2, { requiresGrad: true }).mul(2).isLeaf // false */
  get isLeaf(): boolean { return maybeAutogradBridge()?.isLeaf(this) ?? true; }
  /** `x.retains_grad`: whether `retainGrad()` was called on this non-leaf. @example y.retainGrad(); y.retainsGrad // true */
  get retainsGrad(): boolean { return maybeAutogradBridge()?.retainsGrad(this) ?? false; }
  /** `x.backward(gradient?, { retainGraph, createGraph, inputs })`: accumulates d(x)/d(leaf) into leaves' `.grad`. @example x.mul(x).sum().backward(); x.grad */
  backward(gradient?: Tensor, opts?: BackwardOptions): void { autogradBridge('backward').backward(this, gradient, opts); }
  /** `x.retain_grad()`: keep `.grad` for this non-leaf during backward. @example const y = x.mul(2); y.retainGrad() */
  retainGrad(): void { autogradBridge('retainGrad').retainGrad(this); }
  /** `x.register_hook(fn)`: `fn(grad)` runs when the gradient of `x` is computed; a returned tensor replaces it. @example x.registerHook((g) => g.mul(2)) */
  registerHook(fn: (grad: Tensor) => Tensor | void): RemovableHandle { return autogradBridge('registerHook').registerHook(this, fn); }
  /** `x.register_post_accumulate_grad_hook(fn)`: `fn(x)` after `.grad` of this leaf was accumulated. @example w.registerPostAccumulateGradHook((p) => console.log(p.grad)) */
  registerPostAccumulateGradHook(fn: (t: Tensor) => void): RemovableHandle { return autogradBridge('registerPostAccumulateGradHook').registerPostAccumulateGradHook(this, fn); }
  /** `x.detach_()`: makes `x` a leaf that does not require grad, in place. @example y.detach_().requiresGrad // false */
  detach_(): Tensor { return autogradBridge('detach_').detach_(this); }
  /** `x.as_strided(size, stride, storageOffset?)`: a view with the given geometry over `x`'s storage. @example torch.arange(6).asStrided([2, 2], [1, 2]) // tensor([[0, 2], [1, 3]]) */
  asStrided(size: readonly number[], stride: readonly number[], storageOffset?: number): Tensor { return V.asStrided(this, size, stride, storageOffset); }

  /** @internal The backend view of this tensor; throws when disposed. */
  get backendView(): View {
    if (this.disposed) throw new RuntimeError('this tensor has been disposed');
    return { buf: this.storage.buf, dtype: this.dtype, shape: this.shape, strides: this.strides, offset: this.offset };
  }

  /** @internal Marks an in-place write for autograd's version check. */
  bumpVersion(): void {
    this.storage.version++;
  }

  /** The in-place version counter, as `x._version`. @example torch.zeros(2).add_(1).version // 1 */
  get version(): number {
    return this.storage.version;
  }
}

/** @internal A new contiguous tensor with uninitialised contents. */
export function emptyTensor(shape: readonly number[], dtype: DType, device: Device, like?: Tensor): Tensor {
  const storage = new Storage(device, dtype, numel(shape));
  const strides = (like && denseStrides(like.shape, like.strides)) ?? contiguousStrides(shape);
  return new Tensor(storage, [...shape], strides, 0);
}

/**
 * The strides of a dense, non-overlapping layout other than row-major (a
 * permutation of it, as `x.t()`), or null. New tensors made "like" such a
 * tensor keep its layout, as PyTorch's preserve_format does.
 */
function denseStrides(shape: readonly number[], strides: readonly number[]): number[] | null {
  if (numel(shape) === 0 || isContiguousLayout(shape, strides)) return null;
  const order = shape.map((_, i) => i).filter((i) => shape[i] !== 1).sort((a, b) => strides[b]! - strides[a]!);
  let expected = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const d = order[k]!;
    if (strides[d] !== expected) return null;
    expected *= shape[d]!;
  }
  return [...strides];
}

/** @internal Another view onto `t`'s storage. */
export function viewTensor(t: Tensor, shape: readonly number[], strides: readonly number[], offset: number): Tensor {
  if (t.isDisposed) throw new RuntimeError('this tensor has been disposed');
  const v = new Tensor(t.storage, shape, strides, offset);
  v.viewBase = t.viewBase ?? t;
  return v;
}

/** Keepdim given as a boolean (PyTorch's positional form) or in options. */
function ro<T extends { keepdim?: boolean }>(opts: T | boolean | undefined): T | undefined {
  return typeof opts === 'boolean' ? ({ keepdim: opts } as T) : opts;
}

/**
 * What printing adds beyond values (autograd fills in requires_grad and grad_fn).
 * @example printHooks.extra = () => ({ gradFnName: 'AddBackward0' }); // torch.ones(1) now prints tensor([1.], grad_fn=<AddBackward0>)
 */
export const printHooks: { extra: (t: Tensor) => { requiresGrad?: boolean; gradFnName?: string } } = {
  extra: () => ({}),
};
