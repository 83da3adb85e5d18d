// The reference decomposition of the sort fast path: every element's rank along
// the dim is the number of elements that must come before it, counted with
// broadcast comparisons (O(n²) per lane: the oracle and fallback, not a fast
// sort); the rank is inverted with scatter-add and the values gathered.

import { isFloatingPoint } from './dtype.js';
import { numel } from './layout.js';
import { scratch } from './scratch.js';
import type { Backend, BackendBuffer, View } from './types.js';

/** `0 … n-1` as int64 in a new buffer, seen as `shape` varying only along `dim` (stride 1 there, 0 elsewhere). */
function iota<B extends BackendBuffer>(backend: Backend<B>, n: number, shape: readonly number[], dim: number): View<B> {
  const buf = backend.alloc('int64', Math.max(n, 1));
  backend.write(buf, BigInt64Array.from({ length: n }, (_, i) => BigInt(i)));
  return { buf, dtype: 'int64', shape, strides: shape.map((_, k) => (k === dim ? 1 : 0)), offset: 0 };
}

/**
 * Stable sort along `dim` (see `FastPaths.sort`). Over pairs (i, j) of one lane,
 * element j comes before element i when it compares before it (NaN largest), or
 * when they are equal (NaNs equal to each other) and j < i.
 */
export function sort<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, dim: number, descending: boolean, values: View<B>, indices: View<B>): void {
  if (numel(x.shape) === 0) return;
  const rank = x.shape.length;
  const n = x.shape[dim]!;
  // pairs: the lane dim stands for i, a new last dim for j
  const pairShape = [...x.shape, n];
  const xi: View<B> = { ...x, shape: pairShape, strides: [...x.strides, 0] };
  const xj: View<B> = { ...x, shape: pairShape, strides: [...x.strides.map((s, k) => (k === dim ? 0 : s)), x.strides[dim]!] };
  const idx = iota(backend, n, pairShape, dim);
  const jdx: View<B> = { ...idx, strides: pairShape.map((_, k) => (k === rank ? 1 : 0)) };
  const before = scratch(backend, 'bool', pairShape);
  const tmp = scratch(backend, 'bool', pairShape);
  const nan = scratch(backend, 'bool', x.shape);
  const notNan = scratch(backend, 'bool', x.shape);
  const counts = scratch(backend, 'int64', [...x.shape, 1]);
  const perm = scratch(backend, 'int64', x.shape);
  try {
    backend.binary(descending ? 'gt' : 'lt', xj, xi, before, x.dtype);
    backend.binary('eq', xj, xi, tmp, x.dtype);
    if (isFloatingPoint(x.dtype)) {
      backend.unary('isnan', x, nan);
      backend.unary('logicalNot', nan, notNan);
      const nanI: View<B> = { ...nan, shape: pairShape, strides: [...nan.strides, 0] };
      const nanJ: View<B> = { ...nan, shape: pairShape, strides: [...nan.strides.map((s, k) => (k === dim ? 0 : s)), nan.strides[dim]!] };
      const notNanI: View<B> = { ...nanI, buf: notNan.buf };
      const notNanJ: View<B> = { ...nanJ, buf: notNan.buf };
      const scratchPair = scratch(backend, 'bool', pairShape);
      try {
        // NaN ties with NaN
        backend.binary('logicalAnd', nanI, nanJ, scratchPair, 'bool');
        backend.binary('logicalOr', tmp, scratchPair, tmp, 'bool');
        // NaN is the largest value: a non-NaN j precedes a NaN i ascending, a NaN j precedes a non-NaN i descending
        if (descending) backend.binary('logicalAnd', nanJ, notNanI, scratchPair, 'bool');
        else backend.binary('logicalAnd', nanI, notNanJ, scratchPair, 'bool');
        backend.binary('logicalOr', before, scratchPair, before, 'bool');
      } finally {
        backend.free(scratchPair.buf);
      }
    }
    // ties: j precedes i when j < i
    const jFirst = scratch(backend, 'bool', pairShape);
    try {
      backend.binary('lt', jdx, idx, jFirst, 'int64');
      backend.binary('logicalAnd', tmp, jFirst, tmp, 'bool');
    } finally {
      backend.free(jFirst.buf);
    }
    backend.binary('logicalOr', before, tmp, before, 'bool');
    // rank[i] = number of elements before i; perm[rank[i]] = i
    backend.reduce('sum', before, [rank], counts);
    const ranks: View<B> = { ...counts, shape: x.shape, strides: counts.strides.slice(0, rank) };
    backend.fill(perm, 0);
    const lanePos: View<B> = { ...idx, shape: x.shape, strides: x.shape.map((_, k) => (k === dim ? 1 : 0)) };
    backend.scatterAdd(perm, dim, ranks, lanePos);
    backend.copy(perm, indices);
    backend.gather(x, dim, perm, values);
  } finally {
    for (const v of [idx, before, tmp, nan, notNan, counts, perm]) backend.free(v.buf);
  }
}
