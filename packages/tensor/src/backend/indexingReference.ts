// Reference decompositions of the indexing fast paths (scatterReduce, nonzero)
// into primitives. Simple rather than fast: they are the oracle the conformance
// suite compares fast paths with, and the fallback of backends without them.
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

/**
 * Which element of `index` (row-major) last writes each target, in log2(n) passes of
 * elimination on the bits of the element's position, high bit first: a candidate
 * whose bit is clear drops out when another candidate for its target has it set.
 * Returns a bool view, index-shaped and row-major, true for the winners.
 */
function lastWriters<B extends BackendBuffer>(backend: Backend<B>, out: View<B>, dim: number, index: View<B>): View<B> {
  const n = numel(index.shape);
  const rowMajor = contiguousStrides(index.shape);
  const cand = scratch(backend, 'bool', index.shape);
  const bit = scratch(backend, 'bool', index.shape);
  const tmp = scratch(backend, 'bool', index.shape);
  const seen = scratch(backend, 'bool', out.shape);
  const bits = new Uint8Array(n);
  try {
    backend.fill(cand, 1);
    for (let b = Math.ceil(Math.log2(n)) - 1; b >= 0; b--) {
      for (let e = 0; e < n; e++) bits[e] = (Math.floor(e / 2 ** b) % 2);
      backend.write(bit.buf, bits);
      // seen[t]: some candidate for target t has bit b set
      backend.binary('logicalAnd', cand, bit, tmp, 'bool');
      backend.fill(seen, 0);
      backend.scatterAdd(seen, dim, index, tmp);
      backend.gather(seen, dim, index, tmp);
      // keep a candidate when its bit is set or no candidate of its target has it
      backend.unary('logicalNot', tmp, tmp);
      backend.binary('logicalOr', tmp, bit, tmp, 'bool');
      backend.binary('logicalAnd', cand, tmp, cand, 'bool');
    }
  } catch (err) {
    backend.free(cand.buf);
    throw err;
  } finally {
    for (const v of [bit, tmp, seen]) backend.free(v.buf);
  }
  return restride(cand, index.shape, rowMajor);
}

/**
 * Writes `values` (out's dtype, index-shaped, row-major) into `out` at the targets of
 * `index`, the last write to a target winning: only the winners are added onto -0 in
 * a scratch copy, then `where(hit, copy, out)`. O((n + |out|) log n).
 */
function assignLastWins<B extends BackendBuffer>(backend: Backend<B>, out: View<B>, dim: number, index: View<B>, values: View<B>): void {
  const winners = lastWriters(backend, out, dim, index);
  const picked = scratch(backend, out.dtype, index.shape);
  const acc = scratch(backend, out.dtype, out.shape);
  const hit = scratch(backend, 'bool', out.shape);
  const one = scratch(backend, 'bool', [1]);
  try {
    // -0 keeps the sign of every value added onto it (+0 would turn -0 into +0)
    backend.where(winners, values, -0, picked);
    backend.fill(acc, out.dtype === 'int64' ? 0n : -0);
    backend.scatterAdd(acc, dim, index, picked);
    backend.fill(hit, 0);
    backend.fill(one, 1);
    backend.scatterAdd(hit, dim, index, restride(one, index.shape, index.shape.map(() => 0)));
    backend.where(hit, acc, out, out);
  } finally {
    for (const v of [winners, picked, acc, hit, one]) backend.free(v.buf);
  }
}

/** Rows of the [n, n] "same target" matrix reduced at a time: at most about 4M entries live. */
const BLOCK_ENTRIES = 2 ** 22;

/**
 * For every element e of `index`: `op` over the values of all elements writing e's
 * target (a masked reduce over rows of the [n, n] same-target matrix, a block of rows
 * at a time). O(n²) time, O(n) plus one block of memory.
 */
function groupReduce<B extends BackendBuffer>(
  backend: Backend<B>, op: Exclude<ScatterReduceOp, 'assign'>, out: View<B>, dim: number, index: View<B>, values: View<B>, reduced: View<B>,
): void {
  const n = numel(index.shape);
  const rows = Math.max(1, Math.min(n, Math.floor(BLOCK_ENTRIES / n)));
  const keys = targetKeys(backend, out, dim, index);
  const eq = scratch(backend, 'bool', [rows, n]);
  const masked = scratch(backend, out.dtype, [rows, n]);
  try {
    for (let r0 = 0; r0 < n; r0 += rows) {
      const r = Math.min(rows, n - r0);
      const eqBlock = restride(eq, [r, n], [n, 1]);
      const maskedBlock = restride(masked, [r, n], [n, 1]);
      backend.binary('eq', { ...keys, shape: [r, n], strides: [1, 0], offset: keys.offset + r0 }, restride(keys, [r, n], [0, 1]), eqBlock, 'int64');
      // off-target entries get 1 for prod and the row's own value for amax/amin (eq[e, e] always holds)
      const own = { ...values, shape: [r, n], strides: [1, 0], offset: values.offset + r0 };
      backend.where(eqBlock, restride(values, [r, n], [0, 1]), op === 'prod' ? 1 : own, maskedBlock);
      const reducedBlock = { ...reduced, shape: [r, 1], strides: [1, 1], offset: reduced.offset + r0 };
      backend.reduce(op === 'prod' ? 'prod' : op === 'amax' ? 'max' : 'min', maskedBlock, [1], reducedBlock);
    }
  } finally {
    for (const v of [keys, eq, masked]) backend.free(v.buf);
  }
}

/**
 * scatterReduce over primitives. `assign` finds each target's last writer in
 * O((n + |out|) log n); `prod`/`amax`/`amin` first reduce, for every element, all
 * writes to its own target (O(n²) comparisons), combine that with the target's
 * value, then assign it.
 */
export function scatterReduceReference<B extends BackendBuffer>(
  backend: Backend<B>, op: ScatterReduceOp, out: View<B>, dim: number, index: View<B>, src: View<B>,
): void {
  const n = numel(index.shape);
  if (n === 0) return;
  const d = index.shape.length === 0 ? 0 : dim;
  const values = scratch(backend, out.dtype, index.shape);
  const scratches: View<B>[] = [values];
  try {
    backend.copy(restride(src, index.shape, src.strides), values);
    if (op !== 'assign') {
      const flatValues = restride(values, [n], [1]);
      const reduced = scratch(backend, out.dtype, [n]);
      const current = scratch(backend, out.dtype, index.shape);
      scratches.push(reduced, current);
      groupReduce(backend, op, out, d, index, flatValues, reduced);
      backend.gather(out, d, index, current);
      const binop = op === 'prod' ? 'mul' : op === 'amax' ? 'maximum' : 'minimum';
      backend.binary(binop, current, restride(reduced, index.shape, contiguousStrides(index.shape)), values, out.dtype);
    }
    assignLastWins(backend, out, d, index, values);
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
