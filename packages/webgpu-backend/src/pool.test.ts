// The buffer pool: size buckets, reuse of freed buffers, and reuse that never
// overtakes queued work. Memory under tensor loops: torchlet/test/webgpuMemory.test.ts.

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu, type WebGpuBackend } from './index.js';
import { bucketBytes } from './pool.js';

let backend: WebGpuBackend;

beforeAll(async () => {
  backend = await webgpu();
});

describe('buffer pool', () => {
  it('rounds sizes into buckets of at most 25% waste', () => {
    expect(bucketBytes(1)).toBe(256);
    expect(bucketBytes(256)).toBe(256);
    expect(bucketBytes(257)).toBe(320);
    expect(bucketBytes(4096)).toBe(4096);
    expect(bucketBytes(4097)).toBe(5120);
    for (const n of [300, 1000, 12345, 1e6, 3e7]) {
      expect(bucketBytes(n)).toBeGreaterThanOrEqual(n);
      expect(bucketBytes(n)).toBeLessThanOrEqual(n * 1.25 + 256);
    }
  });

  it('hands a freed buffer to the next request of its bucket', async () => {
    const a = backend.alloc('float32', 1000);
    const gpu = a.gpu;
    backend.free(a);
    const b = backend.alloc('int32', 1001);
    expect(b.gpu).toBe(gpu);
    backend.free(b);
    await backend.sync();
  });

  it('waits for queued work before reusing a freed buffer', async () => {
    const x = backend.alloc('float32', 4);
    backend.write(x, Float32Array.of(1, 2, 3, 4));
    const out = backend.alloc('float32', 4);
    const view = (buf: typeof x) => ({ buf, dtype: 'float32' as const, shape: [4], strides: [1], offset: 0 });
    backend.unary('neg', view(x), view(out));
    backend.free(x);
    // a write into a reused buffer must not overtake the neg still queued
    const y = backend.alloc('float32', 4);
    backend.write(y, Float32Array.of(9, 9, 9, 9));
    expect(Array.from(await backend.read(view(out)) as Float32Array)).toEqual([-1, -2, -3, -4]);
    backend.free(y);
    backend.free(out);
  });
});
