import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../test/views.js';

const nan = NaN;
const close = (got: number[], want: number[], digits = 15): void => got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, digits));

// expected values from PyTorch 1.13 CPU
describe('softmax', () => {
  const x = view('float64', [1, 2, 3, 1000, 1000, -1000], [2, 3]);

  it('is stable for large inputs (softmax and log-softmax)', () => {
    const out = zeros('float64', [2, 3]);
    backend.supports.softmax!(x, 1, out, false);
    close(values(out), [0.09003057317038045, 0.2447284710547976, 0.6652409557748218, 0.5, 0.5, 0]);
    backend.supports.softmax!(x, 1, out, true);
    close(values(out), [-2.4076059644443806, -1.4076059644443804, -0.4076059644443804, -0.6931471805599453, -0.6931471805599453, -2000.69314718056], 12);
  });

  it('along dim 0 of a transposed float32 view', () => {
    const t = permute(view('float32', [1, 3, 2, 5], [2, 2]), [1, 0]); // [[1,2],[3,5]]
    const out = zeros('float32', [2, 2]);
    backend.supports.softmax!(t, 0, out, false);
    // PyTorch's float32 kernel is 1 ulp off the correctly rounded 0.8807970881462097 in the third
    close(values(out), [0.11920291930437088, 0.04742587357759476, 0.8807970285415649, 0.9525741338729858], 6);
  });
});

describe('scan', () => {
  it('cumsum of int32 into int64', () => {
    const out = zeros('int64', [2, 3]);
    backend.supports.scan!('sum', view('int32', [1, 2, 3, 4, 5, 6], [2, 3]), 1, out);
    expect(values(out)).toEqual([1, 3, 6, 4, 9, 15]);
  });

  it('cumprod, and cummin propagating NaN', () => {
    const out = zeros('float32', [3]);
    backend.supports.scan!('prod', view('float32', [1.5, 2, -3]), 0, out);
    expect(values(out)).toEqual([1.5, 3, -9]);
    const m = zeros('float32', [4]);
    backend.supports.scan!('min', view('float32', [3, 1, nan, 0]), 0, m);
    expect(values(m)).toEqual([3, 1, nan, nan]);
  });
});
