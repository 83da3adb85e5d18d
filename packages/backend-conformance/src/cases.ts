// The layout cases every elementwise primitive (unary, binary, where) runs.

import type { LayoutKind } from './layout.js';

/** One shape with a layout per input (cycled) and one for the output. */
export interface ElementwiseCase {
  readonly name: string;
  readonly shape: readonly number[];
  readonly inputs: readonly LayoutKind[];
  readonly out: LayoutKind;
}

export const ELEMENTWISE_CASES: readonly ElementwiseCase[] = [
  { name: 'contiguous', shape: [4, 5, 6], inputs: ['contiguous'], out: 'contiguous' },
  // longer than the 4096-element chunks a backend may split work into, and not a multiple of them
  { name: 'contiguous long', shape: [5003], inputs: ['contiguous'], out: 'contiguous' },
  { name: 'strided long', shape: [47, 97], inputs: ['transposed', 'broadcast'], out: 'transposed' },
  { name: 'transposed', shape: [3, 4, 5], inputs: ['transposed'], out: 'contiguous' },
  { name: 'broadcast', shape: [3, 4, 5], inputs: ['broadcast', 'broadcastOdd'], out: 'contiguous' },
  { name: 'offset', shape: [3, 4, 5], inputs: ['offset'], out: 'offset' },
  { name: 'sliced', shape: [3, 4, 5], inputs: ['sliced'], out: 'contiguous' },
  { name: 'mixed', shape: [2, 3, 4], inputs: ['transposed', 'sliced', 'offset'], out: 'offset' },
  { name: 'expanded scalar', shape: [3, 4, 5], inputs: ['broadcastAll', 'sliced', 'broadcastAll'], out: 'contiguous' },
  { name: 'size-1 dims', shape: [3, 1, 5, 1], inputs: ['transposed', 'broadcast'], out: 'sliced' },
  { name: 'transposed out', shape: [3, 4, 5], inputs: ['contiguous'], out: 'transposed' },
  { name: 'sliced out', shape: [3, 4, 5], inputs: ['offset', 'broadcast'], out: 'sliced' },
  { name: 'zero-size', shape: [3, 0, 4], inputs: ['contiguous', 'sliced'], out: 'sliced' },
  { name: 'rank 0', shape: [], inputs: ['offset'], out: 'offset' },
];

/** In-place cases: the output is the first input itself (same view), for ops whose out dtype is the input's. */
export const IN_PLACE_CASES: readonly ElementwiseCase[] = [
  { name: 'in place, transposed', shape: [3, 4, 5], inputs: ['transposed', 'contiguous'], out: 'transposed' },
  { name: 'in place, sliced', shape: [3, 4, 5], inputs: ['sliced', 'broadcast'], out: 'sliced' },
  { name: 'in place, long', shape: [5003], inputs: ['contiguous', 'offset'], out: 'contiguous' },
];

/**
 * The layout of input `k` in `c`.
 *
 * @example inputLayout(ELEMENTWISE_CASES[0], 1) // 'contiguous'
 */
export function inputLayout(c: ElementwiseCase, k: number): LayoutKind {
  return c.inputs[k % c.inputs.length] ?? 'contiguous';
}

/**
 * Test name: `<dtype> <case>`.
 *
 * @example caseName('float32', c) // 'float32 transposed'
 */
export function caseName(dtype: string, c: ElementwiseCase): string {
  return `${dtype} ${c.name}`;
}
