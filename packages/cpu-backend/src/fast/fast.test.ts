import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../../test/views.js';

const nan = NaN;
const row = (v: ReturnType<typeof view>, n: number): ReturnType<typeof view> => ({ ...v, shape: [n, v.shape[0]!], strides: [0, 1] });

// the layouts and dtypes that take the typed-array fast paths (semantics as the general path)
describe('fast binary', () => {
  it('broadcast row, broadcast column and scalar operands', () => {
    const a = view('float32', [1, 2, 3, 4, 5, 6], [2, 3]);
    const out = zeros('float32', [2, 3]);
    backend.binary('sub', a, row(view('float32', [1, 1, 0.5]), 2), out, 'float32');
    expect(values(out)).toEqual([0, 1, 2.5, 3, 4, 5.5]);
    const col: ReturnType<typeof view> = { ...view('float32', [10, 20]), shape: [2, 3], strides: [1, 0] };
    backend.binary('sub', col, a, out, 'float32');
    expect(values(out)).toEqual([9, 8, 7, 16, 15, 14]);
    backend.binary('div', 1, a, out, 'float32');
    expect(values(out)).toEqual([1, 0.5, Math.fround(1 / 3), 0.25, Math.fround(0.2), Math.fround(1 / 6)]);
  });

  it('rows longer than a piece', () => {
    const n = 5000;
    const a = view('float64', Array.from({ length: n }, (_, i) => i));
    const out = zeros('float64', [n]);
    backend.binary('mul', a, 0.5, out, 'float64');
    expect(values(out)).toEqual(Array.from({ length: n }, (_, i) => i * 0.5));
  });

  it('int32: products wrap (imul), quotients wrap, comparisons with a scalar', () => {
    const a = view('int32', [65536, 46341, -7]);
    const out = zeros('int32', [3]);
    backend.binary('mul', a, a, out, 'int32');
    expect(values(out)).toEqual([0, -2147479015, 49]);
    backend.binary('div', a, 0, out, 'int32');
    expect(values(out)).toEqual([0, 0, 0]);
    const mask = zeros('bool', [3]);
    backend.binary('gt', a, 0, mask, 'int32');
    expect(values(mask)).toEqual([1, 1, 0]);
  });

  it('NaN and -0: maximum/minimum propagate NaN, comparisons with NaN are false', () => {
    const a = view('float32', [nan, 1, 0, -0]);
    const b = view('float32', [2, nan, -0, 0]);
    const out = zeros('float32', [4]);
    backend.binary('maximum', a, b, out, 'float32');
    expect(values(out)).toEqual([nan, nan, 0, -0]);
    backend.binary('minimum', a, b, out, 'float32');
    expect(values(out)).toEqual([nan, nan, 0, -0]);
    const mask = zeros('bool', [4]);
    backend.binary('ge', 1, a, mask, 'float32');
    expect(values(mask)).toEqual([0, 1, 1, 1]);
    backend.binary('ne', a, b, mask, 'float32');
    expect(values(mask)).toEqual([1, 1, 0, 0]);
  });
});

describe('fast reduce', () => {
  const x = view('float32', [1, nan, 3, 5, 2, nan, 0, 9, 4], [3, 3]);

  it('over an outer dim (column-wise): first extreme, NaN wins', () => {
    const out = zeros('float32', [1, 3]);
    backend.reduce('max', x, [0], out);
    expect(values(out)).toEqual([5, nan, nan]);
    const at = zeros('int64', [1, 3]);
    backend.reduce('argmax', x, [0], at);
    expect(values(at)).toEqual([1, 0, 1]);
    backend.reduce('argmin', x, [0], at);
    expect(values(at)).toEqual([2, 0, 1]);
  });

  it('int32 sums into int32 wrap, over the innermost dim', () => {
    const big = view('int32', [2 ** 31 - 1, 1, 5, 6], [2, 2]);
    const out = zeros('int32', [2, 1]);
    backend.reduce('sum', big, [1], out);
    expect(values(out)).toEqual([-(2 ** 31), 11]);
  });
});

describe('fast unary and copies', () => {
  it('relu keeps NaN and -0; sigmoid in float32', () => {
    const out = zeros('float32', [3]);
    backend.unary('relu', view('float32', [nan, -0, -2]), out);
    expect(values(out)).toEqual([nan, -0, 0]);
    backend.unary('sigmoid', view('float32', [0, 100, -100]), out);
    expect(values(out)).toEqual([0.5, 1, Math.fround(1 / (1 + Math.exp(100)))]);
  });

  it('transposed copy in tiles (odd sizes), rows of a narrowed view, casting copy float64 → int32', () => {
    const [r, c] = [37, 45];
    const src = view('float32', Array.from({ length: r * c }, (_, i) => i), [r, c]);
    const out = zeros('float32', [c, r]);
    backend.copy(permute(src, [1, 0]), out);
    expect(values(out)).toEqual(Array.from({ length: r * c }, (_, k) => Math.floor(k / r) + (k % r) * c));
    const wide = view('float64', Array.from({ length: 450 }, (_, i) => i), [3, 150]);
    const narrow = zeros('float64', [3, 100]);
    backend.copy({ ...wide, shape: [3, 100], offset: 20 }, narrow);
    expect(values(narrow)).toEqual(Array.from({ length: 300 }, (_, k) => 20 + Math.floor(k / 100) * 150 + (k % 100)));
    const ints = zeros('int32', [4]);
    backend.copy(view('float64', [-2.7, nan, 3e10, 7.9]), ints);
    expect(values(ints)).toEqual([-2, -(2 ** 31), -(2 ** 31), 7]);
  });
});
