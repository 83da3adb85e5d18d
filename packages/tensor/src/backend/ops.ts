// The closed set of elementwise and reduction operations a backend implements.
// Grouped as tinygrad groups its Ops: unary, binary, reduce, scan.

/** Unary elementwise ops. Float ops on integer inputs are never requested: `tensor` casts first. */
export const UNARY_OPS = [
  'neg', 'abs', 'sign', 'reciprocal', 'square',
  'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'rsqrt',
  'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh',
  'asinh', 'acosh', 'atanh',
  'sigmoid', 'relu', 'gelu', 'geluTanh', 'silu', 'softplus', 'erf', 'erfc', 'erfinv',
  'floor', 'ceil', 'round', 'trunc', 'frac',
  'logicalNot', 'bitwiseNot',
  'isnan', 'isinf', 'isposinf', 'isneginf', 'isfinite', 'signbit',
] as const;
export type UnaryOp = (typeof UNARY_OPS)[number];

/** Binary elementwise ops; both inputs are already broadcast to the output's shape. */
export const BINARY_OPS = [
  'add', 'sub', 'mul', 'div', 'floorDiv', 'truncDiv', 'pow', 'remainder', 'fmod',
  'maximum', 'minimum', 'fmax', 'fmin', 'atan2', 'hypot', 'copysign', 'xlogy',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'logicalAnd', 'logicalOr', 'logicalXor',
  'bitwiseAnd', 'bitwiseOr', 'bitwiseXor', 'leftShift', 'rightShift',
] as const;
export type BinaryOp = (typeof BINARY_OPS)[number];

/** Ops whose result is bool whatever the compute dtype. */
export const COMPARISON_OPS: ReadonlySet<BinaryOp> = new Set([
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor',
]);

/**
 * Reductions. `max`/`min` propagate NaN as PyTorch does; `argmax`/`argmin` return the
 * first index of the extreme value (NaN counts as the extreme), as int64.
 */
export const REDUCE_OPS = ['sum', 'prod', 'max', 'min', 'argmax', 'argmin', 'all', 'any'] as const;
export type ReduceOp = (typeof REDUCE_OPS)[number];

/** Inclusive scans along one dim (an optional fast path: `tensor` decomposes them otherwise). */
export const SCAN_OPS = ['sum', 'prod', 'max', 'min'] as const;
export type ScanOp = (typeof SCAN_OPS)[number];

/**
 * Scatter reductions of the optional `scatterReduce` fast path: `assign` keeps the
 * last write to each target (row-major order of the index), the others combine
 * every write with the target's value (PyTorch's scatter_reduce prod/amax/amin).
 */
export const SCATTER_REDUCE_OPS = ['assign', 'prod', 'amax', 'amin'] as const;
export type ScatterReduceOp = (typeof SCATTER_REDUCE_OPS)[number];
