import { describe, expect, it } from 'vitest';
import { backend, permute, values, view, zeros } from '../test/views.js';

const nan = NaN;
const specials = [nan, -0, 0, -1.5, 2.5, -2.5, 0.5, Infinity, -Infinity];

function run(op: Parameters<typeof backend.unary>[0], dtype: Parameters<typeof view>[0], xs: number[], outDtype = dtype): number[] {
  const x = view(dtype, xs);
  const out = zeros(outDtype, [xs.length]);
  backend.unary(op, x, out);
  return values(out);
}

describe('unary', () => {
  // expected values from PyTorch 1.13 CPU
  it('sign, relu, round, frac on special floats', () => {
    expect(run('sign', 'float64', specials)).toEqual([0, 0, 0, -1, 1, -1, 1, 1, -1]);
    expect(run('relu', 'float64', specials)).toEqual([nan, -0, 0, 0, 2.5, 0, 0.5, Infinity, 0]);
    expect(run('round', 'float64', specials)).toEqual([nan, -0, 0, -2, 2, -2, 0, Infinity, -Infinity]);
    expect(run('frac', 'float64', specials)).toEqual([nan, 0, 0, -0.5, 0.5, -0.5, 0.5, nan, nan]);
  });

  it('neg and abs wrap on int8', () => {
    expect(run('neg', 'int8', [-128, 127, 5])).toEqual([-128, -127, -5]);
    expect(run('abs', 'int8', [-128, 127, 5])).toEqual([-128, 127, 5]);
    expect(run('sign', 'uint8', [253, 0, 4])).toEqual([1, 0, 1]);
  });

  it('bitwiseNot and logicalNot', () => {
    expect(run('bitwiseNot', 'bool', [1, 0])).toEqual([0, 1]);
    expect(run('bitwiseNot', 'uint8', [5])).toEqual([250]);
    expect(run('logicalNot', 'float32', [0, 2, nan], 'bool')).toEqual([1, 0, 0]);
  });

  it('predicates give bool', () => {
    expect(run('isfinite', 'float32', [1, Infinity, nan], 'bool')).toEqual([1, 0, 0]);
    expect(run('signbit', 'float64', [-0, 0, -1, nan], 'bool')).toEqual([1, 0, 1, 0]);
    expect(run('isposinf', 'int64', [1], 'bool')).toEqual([0]);
  });

  it('float64 activations match PyTorch', () => {
    const close = (got: number[], want: number[]): void => got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 15));
    close(run('gelu', 'float64', [-3, 0.5, 1]), [-0.00404969409489031, 0.34573123063700656, 0.841344746068543]);
    close(run('geluTanh', 'float64', [-3, 0.5, 1]), [-0.0036373920817729943, 0.34571400982514394, 0.8411919906082768]);
    close(run('softplus', 'float64', [20, 20.5, -30, 1]), [20.000000002061153, 20.5, 9.357622968839737e-14, 1.3132616875182228]);
    close(run('silu', 'float64', [-1, 0.5]), [-0.2689414213699951, 0.3112296656009273]);
    expect(run('erfinv', 'float64', [1, -1, 1.5, -0])).toEqual([Infinity, -Infinity, nan, -0]);
  });

  it('float32 results are rounded to float32', () => {
    expect(run('exp', 'float32', [1, 0.5])).toEqual([2.7182817459106445, 1.6487212181091309]);
    expect(run('sigmoid', 'float32', [-1, 0, 3])).toEqual([0.2689414322376251, 0.5, 0.9525741338729858]);
  });

  it('reads a transposed view and writes a strided out', () => {
    const x = permute(view('float32', [1, -2, 3, -4, 5, -6], [2, 3]), [1, 0]); // [3, 2]
    const out = zeros('float32', [3, 2], { strides: [1, 3], offset: 1, size: 8 });
    backend.unary('abs', x, out);
    expect(values(out)).toEqual([1, 4, 2, 5, 3, 6]);
    expect(Array.from(out.buf.data as Float32Array)).toEqual([0, 1, 2, 3, 4, 5, 6, 0]);
  });

  it('handles rank 0 and zero-size views', () => {
    expect(run('neg', 'float32', [])).toEqual([]);
    const out = zeros('float64', []);
    backend.unary('sqrt', view('float64', [4], []), out);
    expect(values(out)).toEqual([2]);
  });
});
