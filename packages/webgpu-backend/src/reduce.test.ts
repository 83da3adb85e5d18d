// Large reductions take the split path (several workgroups per output, then a
// reduction of the partials), which the conformance suite's sizes do not reach;
// checked here against sums and extremes computed in double precision, with the
// workgroups combining through subgroups (where the device has them) and through
// a shared-memory tree.

import { beforeAll, describe, expect, it } from 'vitest';
import type { DType, ReduceOp, View } from '@torchlet/tensor/backend';
import { webgpu, type GpuBuffer, type WebGpuBackend } from './index.js';


function contiguous(buf: GpuBuffer, shape: number[]): View<GpuBuffer> {
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  return { buf, dtype: buf.dtype, shape, strides, offset: 0 };
}

/** Reduces `values` (row-major `shape`) over the last dim on the device. */
async function reduceLast(backend: WebGpuBackend, op: ReduceOp, dtype: DType, values: number[], shape: number[], outDtype: DType = dtype): Promise<number[]> {
  const x = backend.alloc(dtype, values.length);
  backend.write(x, dtype === 'float32' ? Float32Array.from(values) : dtype === 'int32' ? Int32Array.from(values) : Uint8Array.from(values));
  const outShape = [...shape.slice(0, -1), 1];
  const out = backend.alloc(outDtype, outShape.reduce((a, b) => a * b, 1));
  try {
    backend.reduce(op, contiguous(x, shape), [shape.length - 1], contiguous(out, outShape));
    return Array.from(await backend.read(contiguous(out, outShape)), Number);
  } finally {
    backend.free(x);
    backend.free(out);
  }
}

/** Rows of `n` values: k/8 for k in [-64, 64), so every partial sum is exact in float32. */
function grid(rows: number, n: number): number[] {
  return Array.from({ length: rows * n }, (_, i) => (((i * 7919) % 128) - 64) / 8);
}

for (const subgroups of [true, false]) describe(`split reductions (${subgroups ? 'subgroups where the device has them' : 'shared-memory tree'})`, () => {
  let backend: WebGpuBackend;
  beforeAll(async () => {
    backend = await webgpu({ subgroups });
  });
  const rows = 3;
  const n = 100_003;
  const xs = grid(rows, n);
  const row = (r: number): number[] => xs.slice(r * n, (r + 1) * n);

  it('sum', async () => {
    expect(await reduceLast(backend, 'sum', 'float32', xs, [rows, n])).toEqual([0, 1, 2].map((r) => row(r).reduce((a, b) => a + b, 0)));
  });

  it('max and min, with NaN propagating', async () => {
    const withNaN = [...xs];
    withNaN[n + 77_777] = NaN;
    expect(await reduceLast(backend, 'max', 'float32', withNaN, [rows, n])).toEqual([Math.max(...row(0)), NaN, Math.max(...row(2))]);
    expect(await reduceLast(backend, 'min', 'float32', xs, [rows, n])).toEqual([0, 1, 2].map((r) => Math.min(...row(r))));
  });

  it('int32 sum wraps as int32', async () => {
    const ints = Array.from({ length: n }, (_, i) => (i % 2 ? 2 ** 30 : 12345));
    const expected = ints.reduce((a, b) => (a + b) | 0, 0);
    expect(await reduceLast(backend, 'sum', 'int32', ints, [1, n])).toEqual([expected]);
  });

  it('all and any of bool', async () => {
    const ones = Array.from({ length: n }, () => 1);
    const oneZero = [...ones];
    oneZero[99_999] = 0;
    expect(await reduceLast(backend, 'all', 'bool', [...ones, ...oneZero], [2, n])).toEqual([1, 0]);
    expect(await reduceLast(backend, 'any', 'bool', [...ones.map(() => 0), ...oneZero.map((v) => 1 - v)], [2, n])).toEqual([0, 1]);
  });

  it('argmax of a long row (one workgroup per output) finds the first maximum', async () => {
    const v = grid(1, n);
    v[50_000] = 100;
    v[70_000] = 100;
    expect(await reduceLast(backend, 'argmax', 'float32', v, [1, n], 'int32')).toEqual([50_000]);
  });
});
