// Deterministic float64 inputs for gradient checks (no RNG dependence: a small LCG).

import type { Tensor } from '@torchlet/tensor';
import { tensor } from '@torchlet/tensor';

let state = 12345;
function next(): number {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state / 4294967296;
}

/** Layouts a leaf can have: row-major, transposed (last two dims) or a strided slice (gradcheck refuses overlapping ones). */
export type Layout = 'contiguous' | 'transposed' | 'sliced';

/**
 * A float64 leaf that requires grad, values uniform in [lo, hi), in the given layout
 * (made by a view of a larger tensor, then detached so that it is a leaf).
 * @example leaf([2, 3], { layout: 'transposed' }).isContiguous() // false
 */
export function leaf(shape: readonly number[], opts: { lo?: number; hi?: number; layout?: Layout; requiresGrad?: boolean } = {}): Tensor {
  const lo = opts.lo ?? -1;
  const hi = opts.hi ?? 1;
  const layout = opts.layout ?? 'contiguous';
  const n = shape.reduce((a, b) => a * b, 1);
  const make = (m: number, s: readonly number[]) =>
    tensor(Array.from({ length: m }, () => lo + (hi - lo) * next()), { dtype: 'float64' }).reshape([...s]);
  let t: Tensor;
  if (layout === 'transposed' && shape.length >= 2) {
    const s = [...shape];
    [s[s.length - 1], s[s.length - 2]] = [s[s.length - 2]!, s[s.length - 1]!];
    t = make(n, s).transpose(-1, -2);
  } else if (layout === 'sliced' && shape.length >= 1) {
    const s = [...shape];
    s[s.length - 1] = s[s.length - 1]! * 2;
    t = make(n * 2, s).at('...', [0, null, 2]);
  } else t = make(n, shape);
  const r = t.detach();
  return opts.requiresGrad === false ? r : r.requiresGrad_();
}

/** A leaf of the given values (float64, requires grad). */
export function of(values: number[] | number[][]): Tensor {
  return tensor(values, { dtype: 'float64', requiresGrad: true });
}
