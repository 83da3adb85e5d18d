// Every tile shape of the float32 matmul against products computed in double
// precision, over operand layouts that pick each load mode (vec4 along either
// dim, element by element), edge tiles and broadcast batches; and the tuner,
// which measures the candidates and keeps one. Node only: compiling the large
// register tiles on SwiftShader takes seconds each, and the browser project runs
// the same kernels through the conformance suite.

import { beforeAll, describe, expect, it } from 'vitest';
import type { View } from '@torchlet/tensor/backend';
import { matmul } from './kernels/matmul.js';
import { loadMode } from './kernels/matmulTiled.js';
import { TILE_CHOICES, defaultTiles } from './kernels/matmulTiles.js';
import { MatmulTuner } from './matmulTune.js';
import { acquireDevice } from './gpu.js';
import { Runtime, type GpuBuffer } from './runtime.js';
import { read } from './storage.js';

let rt: Runtime;
beforeAll(async () => {
  rt = new Runtime(await acquireDevice({}));
});

/** Small integers (products and sums exact in float32). */
function values(n: number, seed: number): Float32Array<ArrayBuffer> {
  return Float32Array.from({ length: n }, (_, i) => ((i * 7 + seed * 13) % 9) - 4);
}

interface Operand {
  view: View<GpuBuffer>;
  at: (b: number, r: number, c: number) => number;
}

/** A [batch, rows, cols] operand, row-major or transposed, from element `offset`; `broadcast` gives its batch stride 0. */
function operand(batch: number, rows: number, cols: number, opts: { transposed?: boolean; offset?: number; broadcast?: boolean; seed: number }): Operand {
  const offset = opts.offset ?? 0;
  const plane = rows * cols;
  const data = values(offset + (opts.broadcast ? 1 : batch) * plane, opts.seed);
  const buf = rt.alloc('float32', data.length);
  rt.write(buf.gpu, 0, data);
  const [sr, sc] = opts.transposed ? [1, rows] : [cols, 1];
  const sb = opts.broadcast ? 0 : plane;
  return {
    view: { buf, dtype: 'float32', shape: [batch, rows, cols], strides: [sb, sr, sc], offset },
    at: (b, r, c) => data[offset + b * sb + r * sr + c * sc]!,
  };
}

async function check(m: number, k: number, n: number, a: Operand, b: Operand, batch: number, tilesName: string): Promise<void> {
  const tiles = TILE_CHOICES[tilesName]!;
  const out = rt.alloc('float32', batch * m * n);
  const ov: View<GpuBuffer> = { buf: out, dtype: 'float32', shape: [batch, m, n], strides: [m * n, n, 1], offset: 0 };
  matmul(rt, a.view, b.view, ov, tiles);
  const got = await read(rt, ov);
  let bad = '';
  for (let q = 0; q < batch && !bad; q++) {
    for (let i = 0; i < m && !bad; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += a.at(q, i, t) * b.at(q, t, j);
        if (got[(q * m + i) * n + j] !== s) {
          bad = `[${q}, ${i}, ${j}]: ${got[(q * m + i) * n + j]} != ${s}`;
          break;
        }
      }
    }
  }
  for (const buf of [a.view.buf, b.view.buf, out]) rt.free(buf);
  expect(bad).toBe('');
}

describe('float32 matmul tiles', () => {
  // M, K, N not multiples of any block (edge tiles); vec4 layouts need multiples of 4 along the vec4 dim
  interface Layout {
    name: string;
    m: number;
    k: number;
    n: number;
    a: { transposed?: boolean; offset?: number };
    b: { transposed?: boolean; offset?: number; broadcast?: boolean };
    batch?: number;
  }
  // every tile shape with vec4 loads along k for both operands, edge tiles in m and n
  const first: Layout = { name: 'a row-major, b transposed (vec4 along k for both)', m: 68, k: 48, n: 36, a: {}, b: { transposed: true } };
  // the other load modes on one tile shape (each combination is a kernel to compile)
  const more: Layout[] = [
    { name: 'a transposed at an odd offset, b row-major broadcast (elements along m, vec4 along n)', m: 37, k: 29, n: 44, a: { transposed: true, offset: 3 }, b: { broadcast: true }, batch: 3 },
    { name: 'a transposed, b row-major at an odd offset (vec4 along m, elements along n)', m: 68, k: 29, n: 45, a: { transposed: true }, b: { offset: 1 } },
  ];
  for (const name of Object.keys(TILE_CHOICES)) {
    for (const l of name === '64x64x16' ? [first, ...more] : [first]) {
      it(`${name}: ${l.name}`, async () => {
        const batch = l.batch ?? 2;
        const a = operand(batch, l.m, l.k, { ...l.a, seed: 1 });
        const b = operand(batch, l.k, l.n, { ...l.b, seed: 2 });
        await check(l.m, l.k, l.n, a, b, batch, name);
      });
    }
  }

  it('reads aligned operands as vec4 and others element by element', () => {
    const view = (shape: number[], strides: number[], offset = 0): View<GpuBuffer> => ({ buf: undefined as never, dtype: 'float32', shape, strides, offset });
    expect(loadMode(view([8, 16], [16, 1]), 8, 16, [])).toBe('c4');
    expect(loadMode(view([8, 16], [1, 8]), 8, 16, [])).toBe('r4');
    expect(loadMode(view([8, 16], [16, 1], 2), 8, 16, [])).toBe('s');
    expect(loadMode(view([7, 15], [1, 7]), 7, 15, [])).toBe('s');
  });

  it('measures the candidates and keeps one for the size class', async () => {
    const tuner = new MatmulTuner(rt, `test-${Math.random()}`, false);
    expect(tuner.tiles(64, 64, 64)).toBe(defaultTiles(64, 64, 64));
    const best = await tuner.measure(64, 64, 64);
    expect(Object.values(TILE_CHOICES)).toContain(best);
    expect(tuner.tiles(100, 70, 90)).toBe(best);
    expect(rt.stats().buffers).toBe(0);
  });
});
