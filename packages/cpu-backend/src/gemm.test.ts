import { describe, expect, it } from 'vitest';
import { gemmBlocked, gemmTransposedB } from './gemm.js';

/** The definition, one dot product per element. */
function naive(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j]! += a[i * k + p]! * b[p * n + j]!;
  return c;
}

describe('gemmBlocked', () => {
  // sizes around the 4×4 blocking: full blocks, leftover rows and depth, empty dims
  for (const [m, k, n] of [[8, 8, 5], [7, 9, 3], [1, 1, 1], [5, 3, 0], [4, 0, 6], [13, 75, 33]] as const) {
    it(`${m}×${k} · ${k}×${n}`, () => {
      const a = Float64Array.from({ length: m * k }, (_, i) => ((i * 37) % 11) - 5);
      const b = Float64Array.from({ length: k * n }, (_, i) => ((i * 17) % 7) - 3);
      const c = new Float64Array(m * n).fill(99);
      gemmBlocked(a, b, c, m, k, n);
      // small integers: every product and sum is exact in float64
      expect(Array.from(c)).toEqual(Array.from(naive(a, b, m, k, n)));
    });
  }
});

describe('gemmTransposedB', () => {
  for (const [m, k, n] of [[8, 8, 8], [7, 9, 6], [1, 1, 1], [5, 3, 0], [4, 0, 6], [13, 75, 33]] as const) {
    it(`${m}×${k} · (${n}×${k})ᵀ`, () => {
      const a = Float64Array.from({ length: m * k }, (_, i) => ((i * 37) % 11) - 5);
      const bt = Float64Array.from({ length: n * k }, (_, i) => ((i * 17) % 7) - 3);
      // b = btᵀ, row-major [k][n]
      const b = new Float64Array(k * n);
      for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) b[p * n + j] = bt[j * k + p]!;
      const c = new Float64Array(m * n).fill(99);
      gemmTransposedB(a, bt, c, m, k, n);
      expect(Array.from(c)).toEqual(Array.from(naive(a, b, m, k, n)));
    });
  }
});
