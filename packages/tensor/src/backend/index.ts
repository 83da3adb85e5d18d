// @torchlet/tensor/backend: the contract between `tensor` and a device (types,
// layout helpers, and the reference decompositions of optional fast paths).
export type { DType, StorageArray, StorageArrayOf } from './dtype.js';
export { DTYPES, allocStorageArray, isFloatingPoint, isIntegral, itemSize } from './dtype.js';
export { bfloat16BitsToFloat, floatToBfloat16Bits, floatToHalfBits, halfBitsToFloat } from './half.js';
export type { BinaryOp, ReduceOp, ScanOp, ScatterReduceOp, UnaryOp } from './ops.js';
export { BINARY_OPS, COMPARISON_OPS, REDUCE_OPS, SCAN_OPS, SCATTER_REDUCE_OPS, UNARY_OPS } from './ops.js';
export type { AvgPool2dParams, Backend, BackendBuffer, Conv2dParams, FastPathName, FastPaths, Operand, Pool2dParams, View } from './types.js';
export { coalesce, contiguousStrides, contiguousView, elementOffsets, isContiguousLayout, numel } from './layout.js';
export { reference } from './reference.js';

export { philox4x32 } from './philox.js';
export { IndexError, NotImplementedError, RuntimeError, TorchError, TorchTypeError, ValueError, unstoredDtype } from './errors.js';
