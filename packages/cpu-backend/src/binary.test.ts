import { describe, expect, it } from 'vitest';
import type { BinaryOp, DType } from '@torchlet/tensor/backend';
import { backend, permute, values, view, zeros } from '../test/views.js';

const nan = NaN;

function run(op: BinaryOp, dtype: DType, a: number[] | number, b: number[] | number, outDtype = dtype): number[] {
  const va = typeof a === 'number' ? a : view(dtype, a);
  const vb = typeof b === 'number' ? b : view(dtype, b);
  const n = typeof a === 'number' ? (b as number[]).length : a.length;
  const out = zeros(outDtype, [n]);
  backend.binary(op, va, vb, out, dtype);
  return values(out);
}

// expected values from PyTorch 1.13 CPU
describe('binary', () => {
  it('broadcast (0-stride) and transposed operands', () => {
    const a = permute(view('float32', [0, 1, 2, 3, 4, 5], [2, 3]), [1, 0]); // [3, 2]
    const b = { ...view('float32', [10, 20], [1, 2]), shape: [3, 2], strides: [0, 1] };
    const ab = zeros('float32', [3, 2]);
    backend.binary('mul', a, b, ab, 'float32');
    const out = zeros('float32', [3, 2], { strides: [1, 3] });
    backend.binary('sub', ab, 1, out, 'float32');
    expect(values(out)).toEqual([-1, 59, 9, 79, 19, 99]);
  });

  it('rounds inputs and results to the float32 compute dtype', () => {
    expect(run('add', 'float32', [0.1, 1 / 3], [0.2, 1e-9], 'float64')).toEqual([0.30000001192092896, 0.3333333432674408]);
    const a = view('float64', [0.1, 1 / 3]);
    const out = zeros('float64', [2]);
    backend.binary('add', a, view('float64', [0.2, 1e-9]), out, 'float32');
    expect(values(out)).toEqual([0.30000001192092896, 0.3333333432674408]);
    expect(run('div', 'float32', [1, 2], [3, 7])).toEqual([0.3333333432674408, 0.2857142984867096]);
  });

  it('integer arithmetic wraps', () => {
    expect(run('mul', 'int32', [123456789], [987654321])).toEqual([-67153019]);
    expect(run('add', 'int8', [100], [100])).toEqual([-56]);
    expect(run('sub', 'uint8', [1], [2])).toEqual([255]);
    expect(run('pow', 'int32', [3, 2, -2], [40, 31, 31])).toEqual([689956897, -2147483648, -2147483648]);
    expect(run('pow', 'int64', [2, 1, -1, 0], [-1, -1, -3, -1])).toEqual([0, 1, -1, 0]);
    expect(() => run('pow', 'int64', [2], -1)).toThrow('Integers to negative integer powers are not allowed.');
  });

  it('integer division family', () => {
    expect(run('floorDiv', 'int64', [-7, 7, -7], [2, -2, -2])).toEqual([-4, -4, 3]);
    expect(run('truncDiv', 'int64', [-7, 7], [2, -2])).toEqual([-3, -3]);
    expect(run('remainder', 'int64', [-7, 7, -7], [2, -2, -2])).toEqual([1, -1, -1]);
    expect(run('fmod', 'int64', [-7, 7, -7], [2, -2, -2])).toEqual([-1, 1, -1]);
    for (const op of ['floorDiv', 'truncDiv', 'remainder', 'fmod'] as const) {
      expect(() => run(op, 'int32', [5], [0])).toThrow('ZeroDivisionError');
    }
  });

  it('float division family follows PyTorch', () => {
    expect(run('floorDiv', 'float64', [5, -5, 5, 0, -0, 1], [0, 0, -0, 0, 3, -Infinity])).toEqual([Infinity, -Infinity, -Infinity, nan, -0, -1]);
    expect(run('remainder', 'float64', [5, -5, 5, 1, -1], [3, 3, 0, Infinity, Infinity])).toEqual([2, 1, nan, 1, Infinity]);
    expect(run('pow', 'float64', [1, -1, nan, -8], [nan, Infinity, 0, 1 / 3])).toEqual([1, 1, 1, nan]);
  });

  it('NaN handling of maximum/fmax, comparisons, copysign, xlogy', () => {
    expect(run('maximum', 'float32', [nan, 1], [2, nan])).toEqual([nan, nan]);
    expect(run('fmax', 'float32', [nan, 1, nan], [2, nan, nan])).toEqual([2, 1, nan]);
    expect(run('maximum', 'float64', [-0, 0], [0, -0])).toEqual([-0, 0]);
    expect(run('lt', 'float32', [1, nan, 2], [2, 1, nan], 'bool')).toEqual([1, 0, 0]);
    expect(run('ne', 'float32', [1, nan], [1, nan], 'bool')).toEqual([0, 1]);
    expect(run('gt', 'uint8', [3], [250], 'bool')).toEqual([0]);
    expect(run('copysign', 'float64', [1, 1], [-0, nan])).toEqual([-1, 1]);
    expect(run('xlogy', 'float64', [0, 0, 1, 0], [0, nan, 0, -1])).toEqual([0, nan, -Infinity, 0]);
    expect(run('atan2', 'float64', [1, -0, 0], [-1, -1, -0])).toEqual([2.356194490192345, -3.141592653589793, 3.141592653589793]);
    expect(run('hypot', 'float64', [3, 1e200], [4, 1e200])).toEqual([5, 1.414213562373095e200]);
  });

  it('bitwise ops and shifts', () => {
    expect(run('bitwiseAnd', 'int64', [2 ** 40 + 5, -1], [7, 2 ** 50 + 3])).toEqual([5, 2 ** 50 + 3]);
    expect(run('leftShift', 'int8', [1, -1, 5, -128, 1], [7, 8, 9, 1, -1])).toEqual([-128, 0, 0, 0, 0]);
    expect(run('rightShift', 'int8', [1, -1, 5, -128, 1], [7, 8, 9, 1, -1])).toEqual([0, -1, 0, -64, 0]);
    expect(run('leftShift', 'int32', [1, -1, 5, -5, 1], [31, 32, 33, 40, -1])).toEqual([-2147483648, -1, 10, -1280, -2147483648]);
    expect(run('rightShift', 'int32', [1, -1, 5, -5, 1], [31, 32, 33, 40, -1])).toEqual([0, -1, 2, -1, 0]);
    expect(run('leftShift', 'int64', [1, -1, 5, -5, 1], [63, 64, 65, 70, -1])).toEqual([-(2 ** 63), -1, 10, -320, -(2 ** 63)]);
    expect(run('add', 'bool', [1, 1, 0], [1, 0, 0])).toEqual([1, 1, 0]);
  });

  it('float16 and bfloat16 compute round to their precision', () => {
    expect(run('add', 'float16', [2048], [1])).toEqual([2048]);
    expect(run('mul', 'bfloat16', [0.1], 3)).toEqual([0.30078125]);
  });
});
