// The CPU backend's one float GEMM core (matmul and the conv2d family use it).
// Goto-style: B is packed a KC×NC block at a time into nr-column panels, A an
// MC×KC block at a time into mr-row panels, so every operand layout (row-major,
// transposed, any strides, float32 or float64) reaches the same micro-kernel,
// which keeps an mr×nr tile of C in registers and streams both panels
// contiguously. The kernel is WebAssembly SIMD where the runtime has it
// (f32x4 for float32 operands, which then accumulate in float32 within a KC
// block as PyTorch's float32 GEMM does; f64x2 otherwise; wasmGemm.ts), else TypeScript.
// C is written in place through its strides (float32 or float64), so callers
// need no result copy; across KC blocks partial sums accumulate in C.

import { tsKernel } from './gemmKernel.js';
import type { BlockKernel } from './gemmKernel.js';
import { wasmKernel } from './wasmGemm.js';

/** A strided 2-d operand or result: element (i, j) is `data[offset + i·rowStride + j·colStride]`. */
export interface StridedMatrix {
  readonly data: Float32Array | Float64Array;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

// cache blocks: depth, rows of A, columns of B (an A block of 64×256 float64 is 128 KiB)
const KC = 256;
const MC = 64;
const NC = 512;

type Floats = Float32Array | Float64Array;

/** Packs A[i0:i0+mc, p0:p0+kc] into mr-row panels (k-major inside a panel), zero-padding the last panel. */
function packA(a: StridedMatrix, i0: number, p0: number, mc: number, kc: number, mr: number, dst: Floats): void {
  const { data, rowStride: rs, colStride: cs } = a;
  for (let ir = 0; ir < mc; ir += mr) {
    const panel = ir * kc;
    for (let r = 0; r < mr; r++) {
      if (ir + r >= mc) {
        for (let p = 0, d = panel + r; p < kc; p++, d += mr) dst[d] = 0;
        continue;
      }
      const src = a.offset + (i0 + ir + r) * rs + p0 * cs;
      for (let p = 0, d = panel + r, s = src; p < kc; p++, d += mr, s += cs) dst[d] = data[s]!;
    }
  }
}

/** Packs B[p0:p0+kc, j0:j0+nc] into nr-column panels (k-major inside a panel), zero-padding the last panel. */
function packB(b: StridedMatrix, p0: number, j0: number, kc: number, nc: number, nr: number, dst: Floats): void {
  const { data, rowStride: rs, colStride: cs } = b;
  for (let jr = 0; jr < nc; jr += nr) {
    const panel = jr * kc;
    if (nr === 8 && jr + 8 <= nc) {
      // a full panel of the f32x4 kernel's width, one depth step (8 columns, any strides) per
      // iteration: this copy is as hot as the kernel when M is small (conv2d's Og rows)
      const [c1, c2, c3, c4, c5, c6, c7] = [cs, 2 * cs, 3 * cs, 4 * cs, 5 * cs, 6 * cs, 7 * cs];
      for (let p = 0, d = panel, s = b.offset + p0 * rs + (j0 + jr) * cs; p < kc; p++, d += 8, s += rs) {
        dst[d] = data[s]!; dst[d + 1] = data[s + c1]!; dst[d + 2] = data[s + c2]!; dst[d + 3] = data[s + c3]!;
        dst[d + 4] = data[s + c4]!; dst[d + 5] = data[s + c5]!; dst[d + 6] = data[s + c6]!; dst[d + 7] = data[s + c7]!;
      }
      continue;
    }
    for (let j = 0; j < nr; j++) {
      if (jr + j >= nc) {
        for (let p = 0, d = panel + j; p < kc; p++, d += nr) dst[d] = 0;
        continue;
      }
      const src = b.offset + p0 * rs + (j0 + jr + j) * cs;
      for (let p = 0, d = panel + j, s = src; p < kc; p++, d += nr, s += rs) dst[d] = data[s]!;
    }
  }
}

const roundUp = (x: number, to: number): number => Math.ceil(x / to) * to;

/** The kernel for operands `a`, `b`: float32 ones take the f32x4 kernel, the rest f64x2, else TypeScript. */
function defaultKernel(a: StridedMatrix, b: StridedMatrix): BlockKernel {
  const f32 = a.data instanceof Float32Array && b.data instanceof Float32Array;
  return wasmKernel(f32 ? 'f32' : 'f64') ?? tsKernel;
}

/**
 * c[M×N] = a[M×K] · b[K×N] (or c += … with `accumulate`), for strided float32 or
 * float64 operands and result (c must not overlap a or b). `kernel` picks
 * the micro-kernel (tests use it to cover every one); by default the fastest available.
 *
 * @example
 * // C = A · Bᵀ with B stored row-major as [N×K]
 * gemm(m, n, k, { data: a, offset: 0, rowStride: k, colStride: 1 }, { data: bt, offset: 0, rowStride: 1, colStride: k }, { data: c, offset: 0, rowStride: n, colStride: 1 });
 */
export function gemm(m: number, n: number, k: number, a: StridedMatrix, b: StridedMatrix, c: StridedMatrix, accumulate = false, kernel = defaultKernel(a, b)): void {
  if (m === 0 || n === 0) return;
  const { data: cd, rowStride: crs, colStride: ccs } = c;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) cd[c.offset + i * crs + j * ccs] = 0;
    return;
  }
  const { mr, nr } = kernel;
  const kcMax = Math.min(KC, k);
  const mcMax = roundUp(Math.min(MC, m), mr);
  const ncMax = roundUp(Math.min(NC, n), nr);
  const ws = kernel.workspace(mcMax * kcMax, ncMax * kcMax, mcMax * ncMax);
  const blk = ws.c;
  for (let j0 = 0; j0 < n; j0 += NC) {
    const nc = Math.min(NC, n - j0);
    const ncPad = roundUp(nc, nr);
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = Math.min(KC, k - p0);
      const add = accumulate || p0 > 0;
      packB(b, p0, j0, kc, nc, nr, ws.bp);
      for (let i0 = 0; i0 < m; i0 += MC) {
        const mc = Math.min(MC, m - i0);
        packA(a, i0, p0, mc, kc, mr, ws.ap);
        ws.run(roundUp(mc, mr), ncPad, kc);
        // the valid mc×nc corner of the padded block into C
        for (let i = 0; i < mc; i++) {
          const row = c.offset + (i0 + i) * crs + j0 * ccs;
          const src = i * ncPad;
          if (!add && ccs === 1) cd.set(blk.subarray(src, src + nc), row); // a native copy (and cast)
          else if (add) for (let j = 0, d = row; j < nc; j++, d += ccs) cd[d] = cd[d]! + blk[src + j]!;
          else for (let j = 0, d = row; j < nc; j++, d += ccs) cd[d] = blk[src + j]!;
        }
      }
    }
  }
}
