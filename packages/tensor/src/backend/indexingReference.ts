// Reference decompositions of the indexing fast paths (scatterReduce, nonzero)
// into primitives. Slow on purpose: they are the oracle the conformance suite
// compares fast paths with, and the fallback of backends without them.
// Host-side arrays hold only what does not depend on tensor data (coordinates,
// triangular masks); everything data-dependent runs on the backend.

import type { DType } from './dtype.js';
import { contiguousStrides, numel } from './layout.js';
import type { ScanOp, ScatterReduceOp } from './ops.js';
import type { Backend, BackendBuffer, View } from './types.js';

/** A scratch row-major view of `shape`; free it with `backend.free(view.buf)`. */
function scratch<B extends BackendBuffer>(backend: Backend<B>, dtype: DType, shape: readonly number[]): View<B> {
  return { buf: backend.alloc(dtype, Math.max(numel(shape), 1)), dtype, shape, strides: contiguousStrides(shape), offset: 0 };
}

/** A row-major int64 view holding `values`. */
function int64Buffer<B extends BackendBuffer>(backend: Backend<B>, shape: readonly number[], values: BigInt64Array): View<B> {
  const v = scratch(backend, 'int64', shape);
  if (values.length > 0) backend.write(v.buf, values);
  return v;
}

/** `v` with a new shape and strides (same buffer and offset). */
function restride<B extends BackendBuffer>(v: View<B>, shape: readonly number[], strides: readonly number[]): View<B> {
  return { ...v, shape, strides };
}

/**
 * For each element e of `index` (row-major, n of them): a key equal for two
 * elements exactly when they write the same target of `out`.
 */
function targetKeys<B extends BackendBuffer>(backend: Backend<B>, out: View<B>, dim: number, index: View<B>): View<B> {
  const n = numel(index.shape);
  const rank = index.shape.length;
  const outStrides = contiguousStrides(out.shape);
  const base = new BigInt64Array(n);
  const coord = new Array<number>(rank).fill(0);
  for (let e = 0; e < n; e++) {
    let b = 0;
    for (let k = 0; k < rank; k++) if (k !== dim) b += coord[k]! * outStrides[k]!;
    base[e] = BigInt(b);
    for (let k = rank - 1; k >= 0; k--) {
      if (++coord[k]! < index.shape[k]!) break;
      coord[k] = 0;
    }
  }
  const keys = int64Buffer(backend, [n], base);
  const idx = scratch(backend, 'int64', index.shape);
  try {
    backend.copy(index, idx);
    const flatIdx = restride(idx, [n], [1]);
    backend.binary('mul', flatIdx, rank === 0 ? 0 : outStrides[dim]!, flatIdx, 'int64');
    backend.binary('add', keys, flatIdx, keys, 'int64');
  } finally {
    backend.free(idx.buf);
  }
  return keys;
}

/** `eq[e, f]`: elements e and f of index write the same target (bool [n, n]). */
function sameTarget<B extends BackendBuffer>(backend: Backend<B>, keys: View<B>, n: number): View<B> {
  const eq = scratch(backend, 'bool', [n, n]);
  backend.binary('eq', restride(keys, [n, n], [1, 0]), restride(keys, [n, n], [0, 1]), eq, 'int64');
  return eq;
}

/**
 * Writes `values` (out's dtype, index-shaped, row-major) into `out` at the targets of
 * `index`, the last write to a target winning: only winners are added onto -0 in a
 * zeroed copy, then `where(hit, copy, out)`.
 */
function assignLastWins<B extends BackendBuffer>(backend: Backend<B>, out: View<B>, dim: number, index: View<B>, values: View<B>, eq: View<B>): void {
  const n = numel(index.shape);
  const later = new Uint8Array(n * n);
  for (let e = 0; e < n; e++) for (let f = e + 1; f < n; f++) later[e * n + f] = 1;
  const laterView = scratch(backend, 'bool', [n, n]);
  const loser = scratch(backend, 'bool', [n, 1]);
  const picked = scratch(backend, out.dtype, index.shape);
  const acc = scratch(backend, out.dtype, out.shape);
  const hit = scratch(backend, 'bool', out.shape);
  const one = scratch(backend, 'bool', [1]);
  try {
    if (n > 0) backend.write(laterView.buf, later);
    backend.binary('logicalAnd', eq, laterView, laterView, 'bool');
    backend.reduce('any', laterView, [1], loser);
    // -0 keeps the sign of every value added onto it (+0 would turn -0 into +0)
    backend.where(restride(loser, index.shape, contiguousStrides(index.shape)), -0, values, picked);
    backend.fill(acc, out.dtype === 'int64' ? 0n : -0);
    backend.scatterAdd(acc, dim, index, picked);
    backend.fill(hit, 0);
    backend.fill(one, 1);
    backend.scatterAdd(hit, dim, index, restride(one, index.shape, index.shape.map(() => 0)));
    backend.where(hit, acc, out, out);
  } finally {
    for (const v of [laterView, loser, picked, acc, hit, one]) backend.free(v.buf);
  }
}

/**
 * scatterReduce over primitives, O(n²) in the index size n: for `prod`/`amax`/`amin`
 * every element first reduces all writes to its own target (a masked [n, n] reduce),
 * combines that with the target's value, then all of them are assigned.
 */
export function scatterReduceReference<B extends BackendBuffer>(
  backend: Backend<B>, op: ScatterReduceOp, out: View<B>, dim: number, index: View<B>, src: View<B>,
): void {
  const n = numel(index.shape);
  if (n === 0) return;
  const rank = index.shape.length;
  const srcPart = restride(src, index.shape, src.strides);
  const values = scratch(backend, out.dtype, index.shape);
  const keys = targetKeys(backend, out, dim, index);
  const eq = sameTarget(backend, keys, n);
  backend.free(keys.buf);
  const scratches: View<B>[] = [values, eq];
  try {
    backend.copy(srcPart, values);
    if (op !== 'assign') {
      const flat = restride(values, [1, n], [0, 1]);
      const masked = scratch(backend, out.dtype, [n, n]);
      const reduced = scratch(backend, out.dtype, [n, 1]);
      const current = scratch(backend, out.dtype, index.shape);
      scratches.push(masked, reduced, current);
      // off-target entries get 1 for prod and the row's own value for amax/amin (eq[e, e] always holds)
      const filler = op === 'prod' ? 1 : restride(values, [n, n], [1, 0]);
      backend.where(eq, restride(flat, [n, n], [0, 1]), filler, masked);
      backend.reduce(op === 'prod' ? 'prod' : op === 'amax' ? 'max' : 'min', masked, [1], reduced);
      backend.gather(out, dim, index, current);
      const binop = op === 'prod' ? 'mul' : op === 'amax' ? 'maximum' : 'minimum';
      const reducedAsIndex = restride(reduced, index.shape, contiguousStrides(index.shape));
      backend.binary(binop, current, reducedAsIndex, values, out.dtype);
    }
    assignLastWins(backend, out, rank === 0 ? 0 : dim, index, values, eq);
  } finally {
    for (const v of scratches) backend.free(v.buf);
  }
}

/**
 * nonzero over primitives: a prefix sum of the nonzero flags gives each nonzero
 * element its output row; a scatter-add of row-major coordinates fills the rows
 * (zero elements go to one spare row that is dropped).
 */
export function nonzeroReference<B extends BackendBuffer>(
  backend: Backend<B>, x: View<B>, out: View<B>,
  scan: (backend: Backend<B>, op: ScanOp, x: View<B>, dim: number, out: View<B>) => void,
): void {
  const count = out.shape[0]!;
  const rank = x.shape.length;
  const n = numel(x.shape);
  if (count === 0 || rank === 0) return;
  const flags = scratch(backend, 'bool', [n]);
  const ones = scratch(backend, 'int64', [n]);
  const rows = scratch(backend, 'int64', [n]);
  const table = scratch(backend, 'int64', [count + 1, rank]);
  const coords = new BigInt64Array(n * rank);
  const coord = new Array<number>(rank).fill(0);
  for (let e = 0; e < n; e++) {
    for (let k = 0; k < rank; k++) coords[e * rank + k] = BigInt(coord[k]!);
    for (let k = rank - 1; k >= 0; k--) {
      if (++coord[k]! < x.shape[k]!) break;
      coord[k] = 0;
    }
  }
  const coordView = int64Buffer(backend, [n, rank], coords);
  try {
    const xFlat = scratch(backend, x.dtype, x.shape);
    backend.copy(x, xFlat);
    backend.binary('ne', restride(xFlat, [n], [1]), 0, flags, x.dtype);
    backend.free(xFlat.buf);
    backend.copy(flags, ones);
    scan(backend, 'sum', ones, 0, rows);
    // inclusive sum - 1 is the row of a nonzero element; zero elements go to the spare row
    backend.binary('sub', rows, 1, rows, 'int64');
    backend.where(flags, rows, count, rows);
    backend.fill(table, 0n);
    backend.scatterAdd(table, 0, restride(rows, [n, rank], [1, 0]), coordView);
    backend.copy(restride(table, [count, rank], [rank, 1]), out);
  } finally {
    for (const v of [flags, ones, rows, table, coordView]) backend.free(v.buf);
  }
}
