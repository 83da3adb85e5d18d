// The backend contract: what `tensor` asks of a device. Backends see storage and
// strided views only — never Tensors, autograd or modules (DESIGN.md).

import type { DType, StorageArray } from './dtype.js';
import type { BinaryOp, ReduceOp, ScanOp, UnaryOp } from './ops.js';

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
  /** Dtypes this backend can store; others are refused with an error naming dtype and device. */
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
  /** `out[...i, j, k...] = x[...i, index[...i, j, k...], k...]` along `dim` (PyTorch's gather); `index` is int64, or int32 on a backend without int64. */
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
}

export type FastPathName = keyof FastPaths;
