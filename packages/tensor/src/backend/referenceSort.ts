// The reference decomposition of the sort fast path: a bitonic sorting network
// over every lane at once, written with gather, comparisons and where. Lanes are
// padded to a power of two; elements are compared as (value, original position)
// pairs, so the network (not stable by itself) yields the stable order. Each of
// the log2(N)·(log2(N)+1)/2 stages is a fixed number of primitive calls on the
// whole [lanes, N] block: O(N log² N) work, no data-dependent control flow.

import { isFloatingPoint } from './dtype.js';
import { numel } from './layout.js';
import { narrowView, scratch } from './scratch.js';
import type { Backend, BackendBuffer, View } from './types.js';

/** `v` with dim `d` moved last (metadata only). */
function dimLast<B extends BackendBuffer>(v: View<B>, d: number): View<B> {
  const order = [...v.shape.keys()].filter((k) => k !== d).concat(d);
  return { ...v, shape: order.map((k) => v.shape[k]!), strides: order.map((k) => v.strides[k]!) };
}

/** A host-computed pattern over the last dim, written to a new buffer and broadcast over the lanes. */
function pattern<B extends BackendBuffer>(backend: Backend<B>, shape: readonly number[], dtype: 'int64' | 'bool', f: (i: number) => number): View<B> {
  const n = shape[shape.length - 1]!;
  const buf = backend.alloc(dtype, n);
  backend.write(buf, dtype === 'int64' ? BigInt64Array.from({ length: n }, (_, i) => BigInt(f(i))) : Uint8Array.from({ length: n }, (_, i) => f(i)));
  return { buf, dtype, shape, strides: shape.map((_, k) => (k === shape.length - 1 ? 1 : 0)), offset: 0 };
}

/**
 * Stable sort along `dim` (see `FastPaths.sort`): NaN is the largest value, equal
 * values (NaN with NaN, -0 with +0) keep their order, in both directions.
 * @example reference.sort(backend, x, 1, false, values, indices)
 */
export function sort<B extends BackendBuffer>(backend: Backend<B>, x: View<B>, dim: number, descending: boolean, values: View<B>, indices: View<B>): void {
  if (numel(x.shape) === 0) return;
  const n = x.shape[dim]!;
  const xl = dimLast(x, dim);
  let size = 1;
  while (size < n) size *= 2;
  const shape = [...xl.shape.slice(0, -1), size];
  const last = shape.length - 1;
  const v = scratch(backend, x.dtype, shape);
  const pos = scratch(backend, 'int64', shape);
  const pv = scratch(backend, x.dtype, shape);
  const pp = scratch(backend, 'int64', shape);
  const first = scratch(backend, 'bool', shape);
  const keep = scratch(backend, 'bool', shape);
  const work: Work<B> = { t1: scratch(backend, 'bool', shape), t2: scratch(backend, 'bool', shape), t3: scratch(backend, 'bool', shape), t4: scratch(backend, 'bool', shape) };
  const owned: View<B>[] = [v, pos, pv, pp, first, keep, work.t1, work.t2, work.t3, work.t4];
  try {
    // padding: any value, positions n … size-1 (a pad sorts after every element)
    backend.fill(v, 0);
    const iota = pattern(backend, shape, 'int64', (i) => i);
    owned.push(iota);
    backend.copy(iota, pos);
    backend.copy(xl, narrowView(v, last, 0, n));
    for (let k = 2; k <= size; k *= 2) {
      for (let j = k / 2; j >= 1; j /= 2) {
        const partner = pattern(backend, shape, 'int64', (i) => i ^ j);
        // whether position i keeps the element that comes first of its pair
        const keepsFirst = pattern(backend, shape, 'bool', (i) => ((i & k) === 0) === (i < (i ^ j)) ? 1 : 0);
        try {
          backend.gather(v, last, partner, pv);
          backend.gather(pos, last, partner, pp);
          comesFirst(backend, v, pos, pv, pp, descending, n, first, work);
          backend.binary('eq', first, keepsFirst, keep, 'bool');
          backend.where(keep, v, pv, v);
          backend.where(keep, pos, pp, pos);
        } finally {
          backend.free(partner.buf);
          backend.free(keepsFirst.buf);
        }
      }
    }
    backend.copy(narrowView(pos, last, 0, n), dimLast(indices, dim));
    backend.copy(narrowView(v, last, 0, n), dimLast(values, dim));
  } finally {
    for (const s of owned) backend.free(s.buf);
  }
}

/** Bool scratch views of the stage shape, reused by every stage. */
interface Work<B extends BackendBuffer> {
  readonly t1: View<B>;
  readonly t2: View<B>;
  readonly t3: View<B>;
  readonly t4: View<B>;
}

/**
 * `out` = whether element (a, pa) comes before (b, pb): by value (NaN largest), then
 * by original position; a pair with padding (positions ≥ n) orders by position alone.
 */
function comesFirst<B extends BackendBuffer>(
  backend: Backend<B>, a: View<B>, pa: View<B>, b: View<B>, pb: View<B>,
  descending: boolean, n: number, out: View<B>, w: Work<B>,
): void {
  const { t1: equal, t2: posFirst, t3, t4 } = w;
  backend.binary(descending ? 'gt' : 'lt', a, b, out, a.dtype);
  backend.binary('eq', a, b, equal, a.dtype);
  if (isFloatingPoint(a.dtype)) {
    backend.unary('isnan', a, t3);
    backend.unary('isnan', b, t4);
    // NaN equals NaN; NaN comes last ascending, first descending
    backend.binary('logicalAnd', t3, t4, posFirst, 'bool');
    backend.binary('logicalOr', equal, posFirst, equal, 'bool');
    const [nan, other] = descending ? [t3, t4] : [t4, t3];
    backend.unary('logicalNot', other, other);
    backend.binary('logicalAnd', nan, other, posFirst, 'bool');
    backend.binary('logicalOr', out, posFirst, out, 'bool');
  }
  backend.binary('lt', pa, pb, posFirst, 'int64');
  backend.binary('logicalAnd', equal, posFirst, equal, 'bool');
  backend.binary('logicalOr', out, equal, out, 'bool');
  backend.binary('ge', pa, n, t3, 'int64');
  backend.binary('ge', pb, n, t4, 'int64');
  backend.binary('logicalOr', t3, t4, t3, 'bool');
  backend.where(t3, posFirst, out, out);
}
