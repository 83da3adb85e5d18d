import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../test/views.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

// expected values from PyTorch 1.13 CPU
describe('gather / scatterAdd', () => {
  const x = view('float32', range(12), [3, 4]);
  const index = view('int64', [2, 0, 1, 1], [2, 2]);

  it('gather with an index smaller than x', () => {
    const out = zeros('float32', [2, 2]);
    backend.gather(x, 0, index, out);
    expect(values(out)).toEqual([8, 1, 4, 5]);
    backend.gather(x, 1, index, out);
    expect(values(out)).toEqual([2, 0, 5, 5]);
  });

  it('gather from a transposed x into a strided out, int64 exact', () => {
    const big = view('int64', [2n ** 60n + 1n, 1n, 2n, 3n], [2, 2]);
    const out = zeros('int64', [2, 2], { strides: [1, 2] });
    backend.gather(permute(big, [1, 0]), 1, view('int64', [0, 0, 1, 0], [2, 2]), out);
    expect(Array.from(backend.readSync!(out) as BigInt64Array)).toEqual([2n ** 60n + 1n, 2n ** 60n + 1n, 3n, 1n]);
  });

  it('scatterAdd accumulates duplicates', () => {
    const out = zeros('float32', [3, 4]);
    backend.scatterAdd(out, 1, view('int64', [0, 0, 3, 1, 1, 1], [2, 3]), view('float32', [1, 2, 3, 4, 5, 6], [2, 3]));
    expect(values(out)).toEqual([3, 0, 0, 3, 0, 15, 0, 0, 0, 0, 0, 0]);
  });

  it('out-of-range indices raise PyTorch’s message', () => {
    expect(() => backend.scatterAdd(zeros('float32', [3]), 0, view('int64', [5]), view('float32', [1]))).toThrow(
      'index 5 is out of bounds for dimension 0 with size 3',
    );
    expect(() => backend.gather(zeros('float32', [3]), 0, view('int64', [-1]), zeros('float32', [1]))).toThrow(
      'index -1 is out of bounds for dimension 0 with size 3',
    );
  });
});
