import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../test/views.js';

const nan = NaN;

// expected values from PyTorch 1.13 CPU
describe('reduce', () => {
  const y = view('float32', [1, 5, 5, nan, 2, nan], [2, 3]);

  it('argmax/argmin: first extreme wins, NaN is the extreme', () => {
    const out = zeros('int64', [2, 1]);
    backend.reduce('argmax', y, [1], out);
    expect(values(out)).toEqual([1, 0]);
    backend.reduce('argmin', y, [1], out);
    expect(values(out)).toEqual([0, 0]);
    const all = zeros('int64', [1, 1]);
    backend.reduce('argmax', y, [0, 1], all);
    expect(values(all)).toEqual([3]);
  });

  it('argmax over several dims is the flat index over them', () => {
    const z = view('float32', [1, 9, 9, 0, 2, 3, 4, 9], [2, 2, 2]);
    const out = zeros('int64', [2, 1, 1]);
    backend.reduce('argmax', z, [1, 2], out);
    expect(values(out)).toEqual([1, 3]);
  });

  it('max propagates NaN', () => {
    const out = zeros('float32', [2, 1]);
    backend.reduce('max', y, [1], out);
    expect(values(out)).toEqual([5, nan]);
  });

  it('integer sums are exact and prod wraps like int64', () => {
    const s = zeros('int64', [1, 2]);
    backend.reduce('sum', view('int32', [2 ** 31 - 1, 5, 1, 2], [2, 2]), [0], s);
    expect(values(s)).toEqual([2147483648, 7]);
    const p = zeros('int64', [1]);
    backend.reduce('prod', view('int64', [2 ** 40, 2 ** 30, 3]), [0], p);
    expect(values(p)).toEqual([0]);
    backend.reduce('prod', view('int64', new Array<number>(41).fill(3)), [0], p);
    expect(backend.readSync!(p)).toEqual(BigInt64Array.of(-420491770248316829n));
  });

  it('float sums accumulate in float64', () => {
    const out = zeros('float32', [1]);
    backend.reduce('sum', view('float32', [1e8, 1, -1e8, 1]), [0], out);
    expect(values(out)).toEqual([2]); // exact; PyTorch's float32 cascade gives 1
  });

  it('transposed input, strided output', () => {
    const x = permute(view('float64', [1, 2, 3, 4, 5, 6], [2, 3]), [1, 0]); // [[1,4],[2,5],[3,6]]
    const out = zeros('float64', [3, 1], { strides: [2, 1], size: 6 });
    backend.reduce('sum', x, [1], out);
    expect(Array.from(out.buf.data as Float64Array)).toEqual([5, 0, 7, 0, 9, 0]);
  });

  it('empty reductions give the identity; max of nothing throws', () => {
    const e = zeros('float32', [0, 3]);
    const out = zeros('float32', [1, 3]);
    backend.reduce('sum', e, [0], out);
    expect(values(out)).toEqual([0, 0, 0]);
    backend.reduce('prod', e, [0], out);
    expect(values(out)).toEqual([1, 1, 1]);
    const b = zeros('bool', [1, 3]);
    backend.reduce('all', e, [0], b);
    expect(values(b)).toEqual([1, 1, 1]);
    backend.reduce('any', e, [0], b);
    expect(values(b)).toEqual([0, 0, 0]);
    expect(() => backend.reduce('max', e, [0], out)).toThrow();
  });

  it('all/any on floats treat NaN as true', () => {
    const out = zeros('bool', [1]);
    backend.reduce('all', view('float32', [nan, 1]), [0], out);
    expect(values(out)).toEqual([1]);
  });
});
