// What a backend may do differently from the oracle and still conform.

import type { Backend, DType } from '@torchlet/tensor/backend';

/** Per-backend allowances, given to `describeConformance`. */
export interface ConformanceOptions {
  /**
   * `'flush'`: the device may flush subnormal floats to zero, as WGSL allows (SwiftShader
   * does). Subnormal inputs are then drawn as zeros of the same sign, and a zero of either
   * sign is accepted where the oracle's result is subnormal. Default `'preserve'`.
   */
  readonly subnormals?: 'preserve' | 'flush';
}

const OPTIONS = new WeakMap<Backend, ConformanceOptions>();

/** Records the options of a backend under test (read by its harnesses). */
export function setOptions(backend: Backend, options: ConformanceOptions): void {
  OPTIONS.set(backend, options);
}

/**
 * The options a backend was registered with.
 *
 * @example optionsOf(backend).subnormals // 'flush'
 */
export function optionsOf(backend: Backend): ConformanceOptions {
  return OPTIONS.get(backend) ?? {};
}

const MIN_NORMAL: Partial<Record<DType, number>> = {
  float32: 2 ** -126, bfloat16: 2 ** -126, float16: 2 ** -14, float64: 2 ** -1022,
};

/**
 * True when `v` is a nonzero subnormal of `dtype`.
 *
 * @example isSubnormal(-2e-40, 'float32') // true
 */
export function isSubnormal(v: unknown, dtype: DType): boolean {
  const min = MIN_NORMAL[dtype];
  return min !== undefined && typeof v === 'number' && v !== 0 && Math.abs(v) < min;
}
