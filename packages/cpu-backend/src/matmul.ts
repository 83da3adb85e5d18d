// Batched strided matmul. float32/float64 operands and result go straight to the
// shared packed GEMM core (gemm.ts), which reads and writes any strides; other
// dtypes are multiplied as contiguous float64 copies and cast to out's dtype.

import { elementOffsets, isFloatingPoint } from '@torchlet/tensor/backend';
import type { DType } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { gemm } from './gemm.js';
import type { StridedMatrix } from './gemm.js';
import { applyConvert, converter, normalizer } from './cast.js';
import { loadInt64 } from './int64.js';
import { loadValues, storeValues } from './storage.js';
import type { Offsets } from './storage.js';

/** Copies the [rows, cols] matrix at `base` with strides (rs, cs) into `dst`, row-major, as numbers. */
function pack(x: CpuView, base: number, rows: number, cols: number, rs: number, cs: number, dst: Float64Array): void {
  const idx = new Int32Array(rows * cols);
  for (let i = 0, k = 0; i < rows; i++) for (let j = 0; j < cols; j++) idx[k++] = base + i * rs + j * cs;
  loadValues(x.buf.data, x.dtype, idx, rows * cols, dst);
}

const isF32OrF64 = (x: CpuView): boolean => x.dtype === 'float32' || x.dtype === 'float64';

/**
 * c[M×N] = a[M×K] · b[K×N] modulo 2^32 (int32 semantics) for integer-valued arrays.
 *
 * @example
 * gemmInt32(a, b, c, 2, 3, 4);
 */
export function gemmInt32(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  const row = new Int32Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const ap = a[i * k + p]!;
      const bp = p * n;
      for (let j = 0; j < n; j++) row[j] = row[j]! + Math.imul(ap, b[bp + j]!);
    }
    for (let j = 0; j < n; j++) c[i * n + j] = row[j]!;
  }
}

/** int64 matmul on bigints (exact, wrapping modulo 2^64 as the BigInt64Array stores do). */
function matmulInt64(a: CpuView, b: CpuView, out: CpuView, bases: Offsets[], m: number, k: number, n: number): void {
  const r = out.shape.length;
  const [aBase, bBase, oBase] = bases as [Offsets, Offsets, Offsets];
  const grid = (base: number, rows: number, cols: number, rs: number, cs: number): Int32Array => {
    const idx = new Int32Array(rows * cols);
    for (let i = 0, q = 0; i < rows; i++) for (let j = 0; j < cols; j++) idx[q++] = base + i * rs + j * cs;
    return idx;
  };
  const pa = new BigInt64Array(m * k);
  const pb = new BigInt64Array(k * n);
  const o = out.buf.data as BigInt64Array;
  for (let t = 0; t < oBase.length; t++) {
    loadInt64(a.buf.data, a.dtype, grid(aBase[t]!, m, k, a.strides[r - 2]!, a.strides[r - 1]!), m * k, pa);
    loadInt64(b.buf.data, b.dtype, grid(bBase[t]!, k, n, b.strides[r - 2]!, b.strides[r - 1]!), k * n, pb);
    const oIdx = grid(oBase[t]!, m, n, out.strides[r - 2]!, out.strides[r - 1]!);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0n;
        for (let p = 0; p < k; p++) acc += pa[i * k + p]! * pb[p * n + j]!;
        o[oIdx[i * n + j]!] = acc;
      }
    }
  }
}

/** The result domain of the float64 products: exact integers for integer outputs. */
function resultDtype(dtype: DType): DType {
  return isFloatingPoint(dtype) ? 'float64' : 'int64';
}

/**
 * Batched matrix product `out[..., M, N] = a[..., M, K] · b[..., K, N]` (batch dims already broadcast).
 *
 * @example
 * matmul(a, b, out);
 */
export function matmul(a: CpuView, b: CpuView, out: CpuView): void {
  const r = out.shape.length;
  if (r < 2 || a.shape.length !== r || b.shape.length !== r) throw new Error('cpu: matmul expects [...batch, M, K] x [...batch, K, N] views of equal rank');
  const m = a.shape[r - 2]!;
  const k = a.shape[r - 1]!;
  const n = b.shape[r - 1]!;
  if (b.shape[r - 2] !== k || out.shape[r - 2] !== m || out.shape[r - 1] !== n) throw new Error('cpu: matmul shapes do not match');
  const batch = out.shape.slice(0, r - 2);
  const aBase = elementOffsets(batch, a.strides.slice(0, r - 2), a.offset);
  const bBase = elementOffsets(batch, b.strides.slice(0, r - 2), b.offset);
  const oBase = elementOffsets(batch, out.strides.slice(0, r - 2), out.offset);
  if (out.dtype === 'int64') {
    matmulInt64(a, b, out, [aBase, bBase, oBase], m, k, n);
    return;
  }
  const [ars, acs, brs, bcs] = [a.strides[r - 2]!, a.strides[r - 1]!, b.strides[r - 2]!, b.strides[r - 1]!];
  const [ors, ocs] = [out.strides[r - 2]!, out.strides[r - 1]!];
  // the GEMM core writes C while it still reads A and B: an out sharing their storage takes the copying path
  const disjoint = out.buf !== a.buf && out.buf !== b.buf;
  if (disjoint && isF32OrF64(a) && isF32OrF64(b) && isF32OrF64(out)) {
    const o = out.buf.data as Float32Array | Float64Array;
    for (let t = 0; t < oBase.length; t++) {
      const am: StridedMatrix = { data: a.buf.data as Float32Array | Float64Array, offset: aBase[t]!, rowStride: ars, colStride: acs };
      const bm: StridedMatrix = { data: b.buf.data as Float32Array | Float64Array, offset: bBase[t]!, rowStride: brs, colStride: bcs };
      gemm(m, n, k, am, bm, { data: o, offset: oBase[t]!, rowStride: ors, colStride: ocs });
    }
    return;
  }
  const multiply = out.dtype === 'int32' ? gemmInt32 : gemmFloat64;
  const pa = new Float64Array(m * k);
  const pb = new Float64Array(k * n);
  const pc = new Float64Array(m * n);
  const oIdx = new Int32Array(m * n);
  const from = resultDtype(out.dtype);
  const norm = from === 'int64' ? normalizer('int64') : null;
  const conv = converter(from, out.dtype);
  for (let t = 0; t < oBase.length; t++) {
    // broadcast batches (0-strides) reuse the previous packing
    if (t === 0 || aBase[t] !== aBase[t - 1]) pack(a, aBase[t]!, m, k, ars, acs, pa);
    if (t === 0 || bBase[t] !== bBase[t - 1]) pack(b, bBase[t]!, k, n, brs, bcs, pb);
    multiply(pa, pb, pc, m, k, n);
    applyConvert(pc, m * n, norm);
    applyConvert(pc, m * n, conv);
    for (let i = 0, q = 0; i < m; i++) for (let j = 0; j < n; j++) oIdx[q++] = oBase[t]! + i * ors + j * ocs;
    storeValues(out.buf.data, out.dtype, oIdx, m * n, pc);
  }
}

/** c = a · b for contiguous row-major float64 matrices, through the shared GEMM core. */
function gemmFloat64(a: Float64Array, b: Float64Array, c: Float64Array, m: number, k: number, n: number): void {
  gemm(m, n, k, { data: a, offset: 0, rowStride: k, colStride: 1 }, { data: b, offset: 0, rowStride: n, colStride: 1 }, { data: c, offset: 0, rowStride: n, colStride: 1 });
}
