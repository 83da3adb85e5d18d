import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../test/views.js';

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => f(i));

// expected values from PyTorch 1.13 CPU
describe('matmul', () => {
  it('batched, with a transposed and broadcast (0-stride batch) right operand', () => {
    const a = view('float32', range(12, (i) => i - 5), [2, 2, 3]);
    const bt = view('float32', range(12, (i) => i * 0.5), [4, 3]);
    const b = { ...permute(bt, [1, 0]), shape: [2, 3, 4], strides: [0, ...permute(bt, [1, 0]).strides] };
    const out = zeros('float32', [2, 2, 4]);
    backend.matmul(a, b, out);
    expect(values(out)).toEqual([-5, -23, -41, -59, -0.5, -5, -9.5, -14, 4, 13, 22, 31, 8.5, 31, 53.5, 76]);
  });

  it('int32 wraps', () => {
    const out = zeros('int32', [2, 2]);
    backend.matmul(view('int32', [2 ** 20, 3, 1, -2], [2, 2]), view('int32', [2 ** 12, 1, 7, 2 ** 30], [2, 2]), out);
    expect(values(out)).toEqual([21, -1072693248, 4082, -2147483647]);
  });

  it('matches a naive product on odd shapes with a strided out', () => {
    const [m, k, n] = [5, 7, 3];
    const a = view('float64', range(m * k, (i) => Math.sin(i)), [m, k]);
    const b = view('float64', range(k * n, (i) => Math.cos(i)), [k, n]);
    const out = zeros('float64', [m, n], { strides: [1, m] });
    backend.matmul(a, b, out);
    const want = range(m * n, (q) => {
      const [i, j] = [Math.floor(q / n), q % n];
      return range(k, (p) => Math.sin(i * k + p) * Math.cos(p * n + j)).reduce((s, v) => s + v, 0);
    });
    values(out).forEach((v, q) => expect(v).toBeCloseTo(want[q]!, 12));
  });

  it('reads its operands fully before writing an out that shares their storage', () => {
    // a = the first 2×2 of the buffer, out = the last 2×2 (disjoint elements, one storage)
    const storage = view('float32', [1, 2, 3, 4, 0, 0, 0, 0]);
    const a = { ...storage, shape: [2, 2], strides: [2, 1] };
    const out = { ...a, offset: 4 };
    backend.matmul(a, view('float32', [5, 6, 7, 8], [2, 2]), out);
    expect(values(out)).toEqual([19, 22, 43, 50]);
    expect(values(a)).toEqual([1, 2, 3, 4]);
  });

  it('handles K = 0 and M = 0', () => {
    const out = zeros('float32', [2, 2]);
    backend.fill(out, 7);
    backend.matmul(zeros('float32', [2, 0]), zeros('float32', [0, 2]), out);
    expect(values(out)).toEqual([0, 0, 0, 0]);
    backend.matmul(zeros('float32', [0, 3]), zeros('float32', [3, 2]), zeros('float32', [0, 2]));
  });

  it('512x512 float32 runs at a usable speed', () => {
    const n = 512;
    const a = view('float32', range(n * n, (i) => (i % 13) - 6), [n, n]);
    const b = view('float32', range(n * n, (i) => (i % 7) - 3), [n, n]);
    const out = zeros('float32', [n, n]);
    const t = performance.now();
    backend.matmul(a, b, out);
    const seconds = (performance.now() - t) / 1000;
    expect(seconds).toBeLessThan(2); // ~0.15 s on a laptop core: >= 1 GFLOP/s
  });
});
