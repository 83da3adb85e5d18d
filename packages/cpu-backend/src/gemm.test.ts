import { describe, expect, it } from 'vitest';
import { gemm } from './gemm.js';
import type { StridedMatrix } from './gemm.js';
import { tsKernel } from './gemmKernel.js';
import type { BlockKernel } from './gemmKernel.js';
import { wasmKernel } from './wasmGemm.js';

/** The definition, one dot product per element, on plain row-major arrays. */
function naive(a: number[], b: number[], m: number, k: number, n: number): number[] {
  const c = new Array<number>(m * n).fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j]! += a[i * k + p]! * b[p * n + j]!;
  return c;
}

/** Stores the row-major [rows×cols] `values` in `layout`, behind an offset of 3 elements. */
function stored(values: number[], rows: number, cols: number, layout: 'rowMajor' | 'colMajor' | 'strided', ctor: Float32ArrayConstructor | Float64ArrayConstructor): StridedMatrix {
  const offset = 3;
  // 'strided': rows padded to cols + 2, every other column skipped
  const [rowStride, colStride] = layout === 'rowMajor' ? [cols, 1] : layout === 'colMajor' ? [1, rows] : [2 * cols + 2, 2];
  const data = new ctor(offset + Math.max(rows * cols, rows * rowStride + cols * colStride) + 1).fill(NaN);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[offset + i * rowStride + j * colStride] = values[i * cols + j]!;
  return { data, offset, rowStride, colStride };
}

/** The [rows×cols] matrix stored in `x`, row-major. */
function read(x: StridedMatrix, rows: number, cols: number): number[] {
  return Array.from({ length: rows * cols }, (_, q) => x.data[x.offset + Math.floor(q / cols) * x.rowStride + (q % cols) * x.colStride]!);
}

// small integers: every product and sum is exact in float64, and in float32 too
// (sums stay far below 2^24)
const ints = (len: number, mul: number, mod: number): number[] => Array.from({ length: len }, (_, i) => ((i * mul) % mod) - (mod >> 1));

// Node 20 has WebAssembly SIMD: both SIMD kernels must be there, and each is tested beside the TypeScript one
const KERNELS: [string, BlockKernel | null][] = [['typescript', tsKernel], ['wasm f64x2', wasmKernel('f64')], ['wasm f32x4', wasmKernel('f32')]];

it('WebAssembly SIMD kernels are available on Node', () => {
  expect(KERNELS.every(([, kernel]) => kernel !== null)).toBe(true);
});

describe.each(KERNELS)('gemm, %s kernel', (_, kernelOrNull) => {
  const kernel = kernelOrNull ?? tsKernel;
  // around the 4×4 register tile, and past the KC = 256, MC = 64, NC = 512 cache blocks
  const sizes = [[8, 8, 5], [7, 9, 3], [1, 1, 1], [5, 3, 0], [0, 3, 5], [4, 0, 6], [13, 75, 33], [70, 260, 9], [3, 300, 530]] as const;
  for (const [m, k, n] of sizes) {
    for (const [la, lb, ctor] of [['rowMajor', 'rowMajor', Float64Array], ['colMajor', 'strided', Float32Array], ['strided', 'colMajor', Float64Array]] as const) {
      it(`${m}×${k} · ${k}×${n}, a ${la}, b ${lb}, ${ctor.name}`, () => {
        const a = ints(m * k, 37, 11);
        const b = ints(k * n, 17, 7);
        // the result in the third layout, prefilled with garbage that must be overwritten
        const lc = (['rowMajor', 'colMajor', 'strided'] as const).find((l) => l !== la && l !== lb)!;
        const c = stored(new Array<number>(m * n).fill(99), m, n, lc, ctor);
        gemm(m, n, k, stored(a, m, k, la, ctor), stored(b, k, n, lb, ctor), c, false, kernel);
        expect(read(c, m, n)).toEqual(naive(a, b, m, k, n));
      });
    }
  }

  it('accumulates into c', () => {
    const [m, k, n] = [6, 300, 7];
    const a = ints(m * k, 5, 9);
    const b = ints(k * n, 3, 5);
    const c = stored(new Array<number>(m * n).fill(2), m, n, 'strided', Float32Array);
    gemm(m, n, k, stored(a, m, k, 'rowMajor', Float64Array), stored(b, k, n, 'colMajor', Float64Array), c, true, kernel);
    expect(read(c, m, n)).toEqual(naive(a, b, m, k, n).map((v) => v + 2));
  });
});
