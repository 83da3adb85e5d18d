// The backend contract: what `tensor` asks of a device. Backends see storage and
// strided views only — never Tensors, autograd or modules (DESIGN.md).

import type { DType, StorageArray } from './dtype.js';
import type { BinaryOp, ReduceOp, ScanOp, ScatterReduceOp, UnaryOp } from './ops.js';

/** A backend's handle to one allocation; opaque to `tensor`. */
export interface BackendBuffer {
  /** Elements (of the dtype it was allocated for). */
  readonly size: number;
}

/**
 * A strided window onto a buffer: element (i0, i1, …) lives at
 * `offset + Σ ik * strides[k]` (in elements). Strides may be 0 (broadcast) or
 * any other value; a backend must handle them all.
 */
export interface View<B extends BackendBuffer = BackendBuffer> {
  readonly buf: B;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** A binary or `where` operand: a view, or a scalar broadcast to every element. */
export type Operand<B extends BackendBuffer = BackendBuffer> = View<B> | number;

/**
 * The primitives every backend implements. Outputs are views too (possibly
 * strided: in-place ops write through them); they never overlap an input
 * unless they are that very input with the same layout.
 */
export interface Backend<B extends BackendBuffer = BackendBuffer> {
  /** The device name tensors use: `'cpu'`, `'webgpu'`. */
  readonly device: string;
  /** Optional fast paths; `tensor` falls back to the reference decomposition of each one missing. */
  readonly supports: FastPaths<B>;
  /** Dtypes this backend can store (float32, int64 and bool at least); others are refused with an error naming dtype and device. */
  readonly dtypes: ReadonlySet<DType>;

  alloc(dtype: DType, size: number): B;
  free(buf: B): void;
  /** Copies `data` (the storage array of the buffer's dtype) into `buf` from element `offset`. */
  write(buf: B, data: StorageArray, offset?: number): void;
  /** The elements of `view`, in row-major order, as the storage array of its dtype. */
  read(view: View<B>): Promise<StorageArray>;
  /** Synchronous `read`, for backends that can (CPU). */
  readSync?(view: View<B>): StorageArray;
  /** Resolves when all work submitted so far has finished. */
  sync(): Promise<void>;
  /** Bytes the backend keeps allocated for reuse beyond what live buffers use (a GPU buffer pool); `torch.memory()` reports it. */
  pooledBytes?(): number;

  /** `out[i] = op(x[i])`, computed in `x`'s dtype and cast to `out`'s. */
  unary(op: UnaryOp, x: View<B>, out: View<B>): void;
  /**
   * `out[i] = op(a[i], b[i])`, with both operands converted to `computeDtype`
   * first and the result cast to `out`'s dtype (bool for comparisons).
   */
  binary(op: BinaryOp, a: Operand<B>, b: Operand<B>, out: View<B>, computeDtype: DType): void;
  /** `out[i] = cond[i] ? a[i] : b[i]` (cond read as truthy), cast to `out`'s dtype. */
  where(cond: View<B>, a: Operand<B>, b: Operand<B>, out: View<B>): void;
  /**
   * Reduces `x` over `dims`. `out` has `x`'s rank with the reduced dims of size 1.
   * `sum`/`prod` accumulate in `out`'s dtype (float accumulators in float64 are allowed).
   */
  reduce(op: ReduceOp, x: View<B>, dims: readonly number[], out: View<B>): void;
  /** `dst[i] = cast(src[i])`: contiguous copies, cat, pad, slice assignment, `.to(dtype)`. */
  copy(src: View<B>, dst: View<B>): void;
  /** Sets every element of `out` to `value`. */
  fill(out: View<B>, value: number | bigint): void;
  /**
   * Batched matrix product: `a` is [...batch, M, K], `b` [...batch, K, N], `out`
   * [...batch, M, N]; batch dims are already broadcast (0-strides allowed).
   */
  matmul(a: View<B>, b: View<B>, out: View<B>): void;
  /** `out[...i, j, k...] = x[...i, index[...i, j, k...], k...]` along `dim` (PyTorch's gather); `index` is int64 or int32. */
  gather(x: View<B>, dim: number, index: View<B>, out: View<B>): void;
  /** `out[...i, index[...i, j, k...], k...] += src[...i, j, k...]` along `dim` (PyTorch's scatter_add_). */
  scatterAdd(out: View<B>, dim: number, index: View<B>, src: View<B>): void;
  /**
   * Counter-based random bits: fills the int32 view `out` with Philox4x32-10
   * output for `key`, starting at 128-bit block `counter` (four words per block).
   */
  randomBits(out: View<B>, key: readonly [number, number], counter: number): void;
}

/** The optional fast paths a backend may declare in `supports`. */
export interface FastPaths<B extends BackendBuffer = BackendBuffer> {
  /** softmax (or log-softmax) of `x` along `dim`, in `x`'s dtype. */
  softmax?(x: View<B>, dim: number, out: View<B>, log: boolean): void;
  /** Inclusive scan of `x` along `dim`. */
  scan?(op: ScanOp, x: View<B>, dim: number, out: View<B>): void;
  /**
   * Stable sort of `x` along `dim` into `values` (x's dtype) and `indices` (int64,
   * positions along `dim`): ascending, or descending when `descending`. NaN sorts as
   * the largest value (after +Inf), -0 and +0 are equal, and equal elements keep their
   * order in both directions, as PyTorch's `sort(stable=True)`.
   */
  sort?(x: View<B>, dim: number, descending: boolean, values: View<B>, indices: View<B>): void;
  /**
   * `out[...i, index[...i, j, k...], k...] = op(out[…], src[...i, j, k...])` along `dim`, in
   * row-major order of `index`, `src` cast to `out`'s dtype first; `assign` leaves the last
   * write to each target (PyTorch CPU's observable result for duplicates). Bounds as `scatterAdd`.
   */
  scatterReduce?(op: ScatterReduceOp, out: View<B>, dim: number, index: View<B>, src: View<B>): void;
  /**
   * The coordinates of `x`'s nonzero elements (NaN counts as nonzero) in row-major order:
   * `out` is int64 `[count, rank]`, `count` the number of nonzeros (the caller counted them).
   */
  nonzero?(x: View<B>, out: View<B>): void;
  /**
   * 2-D convolution (cross-correlation, as PyTorch): `x` [N, C, H, W], `weight`
   * [O, C/groups, kH, kW], `bias` [O] or undefined, `out` [N, O, OH, OW] with
   * OH = ⌊(H + 2·padH − dilH·(kH − 1) − 1) / strideH⌋ + 1 (W alike). Zero padding.
   */
  conv2d?(x: View<B>, weight: View<B>, bias: View<B> | undefined, out: View<B>, params: Conv2dParams): void;
  /** The gradient of `conv2d` with respect to `x`: `gradIn` [N, C, H, W] from `gradOut` [N, O, OH, OW] (also transposed convolution). */
  conv2dInputGrad?(gradOut: View<B>, weight: View<B>, gradIn: View<B>, params: Conv2dParams): void;
  /** The gradient of `conv2d` with respect to `weight`: `gradWeight` [O, C/groups, kH, kW] from `x` and `gradOut`. */
  conv2dWeightGrad?(x: View<B>, gradOut: View<B>, gradWeight: View<B>, params: Conv2dParams): void;
  /**
   * 2-D max pooling of `x` [N, C, H, W] into `out` [N, C, OH, OW] (padding counts
   * as -Inf), with `indices` (int64, same shape) the flat position `h·W + w` of
   * each maximum in its input plane. The first maximum of a window wins; NaN wins over numbers.
   */
  maxPool2d?(x: View<B>, out: View<B>, indices: View<B>, params: Pool2dParams): void;
  /** 2-D average pooling of `x` [N, C, H, W] into `out` [N, C, OH, OW] (padding counts as 0). */
  avgPool2d?(x: View<B>, out: View<B>, params: AvgPool2dParams): void;
}

/** Strides, zero padding, dilation (pairs: [height, width]) and groups of a 2-D convolution. */
export interface Conv2dParams {
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly groups: number;
}

/**
 * A 2-D pooling window: kernel size, stride, padding and dilation ([height, width]).
 * The output size comes from `out`'s shape (ceil mode only changes that size;
 * windows that run past the padded input see padding there).
 */
export interface Pool2dParams {
  readonly kernelSize: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation: readonly [number, number];
}

/** Average pooling: a window without dilation, and how each window's sum is divided. */
export interface AvgPool2dParams {
  readonly kernelSize: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  /** Divide by the window's size within the padded input (true) or by its in-bounds elements only. */
  readonly countIncludePad: boolean;
  /** A fixed divisor instead (PyTorch's `divisor_override`). */
  readonly divisorOverride: number | undefined;
}

export type FastPathName = keyof FastPaths;
