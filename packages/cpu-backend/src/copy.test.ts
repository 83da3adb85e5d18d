import { describe, expect, it } from 'vitest';
import type { DType } from '@torchlet/tensor/backend';
import { backend, permute, values, view, zeros } from '../test/views.js';

function cast(from: DType, to: DType, xs: number[]): number[] {
  const out = zeros(to, [xs.length]);
  backend.copy(view(from, xs), out);
  return values(out);
}

// expected values from PyTorch 1.13 CPU
describe('copy with cast', () => {
  it('copies int64 values beyond 2^53 exactly', () => {
    const big = [2n ** 62n + 3n, -(2n ** 63n), 2n ** 53n + 1n];
    const src = permute(view('int64', [...big, 0n, 0n, 0n], [2, 3]), [1, 0]);
    const out = zeros('int64', [3, 2]);
    backend.copy(src, out);
    expect(Array.from(backend.readSync!(out) as BigInt64Array)).toEqual([big[0], 0n, big[1], 0n, big[2], 0n]);
  });

  it('int64 to int32 wraps the exact value', () => {
    const out = zeros('int32', [2]);
    backend.copy(view('int64', [2n ** 53n + 1n, 2n ** 62n + 3n]), out);
    expect(values(out)).toEqual([1, 3]);
  });

  it('float to int truncates; NaN and overflow follow x86', () => {
    expect(cast('float32', 'uint8', [-1, -3.7, 300, NaN])).toEqual([255, 253, 44, 0]);
    expect(cast('float32', 'int32', [NaN, Infinity, 3e9])).toEqual([-2147483648, -2147483648, -2147483648]);
    expect(cast('float64', 'int64', [NaN, Infinity, 1e19])).toEqual([-(2 ** 63), -(2 ** 63), -(2 ** 63)]);
    expect(cast('float64', 'int8', [1.9, -1.9, 127.5, -129, NaN, 300, -200])).toEqual([1, -1, 127, 127, 0, 44, 56]);
    expect(cast('float32', 'bool', [NaN, 0, -0, 0.1])).toEqual([1, 0, 0, 1]);
  });

  it('float16 and bfloat16 round to nearest even', () => {
    expect(cast('float64', 'float16', [65519, 65520, 1e-8, 3e-8, 2049, 2051, 0.1])).toEqual([
      65504, Infinity, 0, 5.960464477539063e-8, 2048, 2052, 0.0999755859375,
    ]);
    expect(cast('float64', 'bfloat16', [1.00390625, 1.01171875, 3.0e38, 1e-40])).toEqual([1, 1.015625, 3.00405527047391e38, 9.183549615799121e-41]);
    const bits = zeros('float16', [1]);
    backend.copy(view('float32', [0.1]), bits);
    expect((bits.buf.data as Uint16Array)[0]).toBe(11878);
  });

  it('fill writes every element of a strided view, bigints exactly', () => {
    const out = zeros('int64', [2, 2], { strides: [3, 1], size: 6 });
    backend.fill(out, 2n ** 60n + 1n);
    expect(Array.from(out.buf.data as BigInt64Array)).toEqual([2n ** 60n + 1n, 2n ** 60n + 1n, 0n, 2n ** 60n + 1n, 2n ** 60n + 1n, 0n]);
    const h = zeros('float16', [2]);
    backend.fill(h, 1 / 3);
    expect(values(h)).toEqual([0.333251953125, 0.333251953125]);
  });

  it('where broadcasts and keeps int64 exact', () => {
    const cond = { ...view('bool', [1, 0], [2, 1]), shape: [2, 2], strides: [1, 0] };
    const a = { ...view('int64', [2n ** 62n + 1n, 5n], [1, 2]), shape: [2, 2], strides: [0, 1] };
    const out = zeros('int64', [2, 2]);
    backend.where(cond, a, 7, out);
    expect(Array.from(backend.readSync!(out) as BigInt64Array)).toEqual([2n ** 62n + 1n, 5n, 7n, 7n]);
    const f = zeros('float32', [2]);
    backend.where(view('float32', [NaN, 0]), view('int32', [1, 2]), 2.5, f);
    expect(values(f)).toEqual([1, 2.5]);
  });

  it('read returns a new array that never aliases the buffer', () => {
    const x = view('float32', [1, 2, 3]);
    const r = backend.readSync!(x) as Float32Array;
    r[0] = 99;
    expect(values(x)).toEqual([1, 2, 3]);
    expect(values({ ...x, shape: [2], strides: [-1], offset: 2 })).toEqual([3, 2]);
  });
});
