// Memory on WebGPU: the buffer pool reuses freed buffers, and loops of tensor
// ops under tidy or dispose hold device memory flat (tensors, bytes in use and
// pooled bytes). In a file of its own so that no other test's garbage is counted.

import { beforeAll, describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import { webgpu, type WebGpuBackend } from './index.js';
import { bucketBytes } from './pool.js';

let backend: WebGpuBackend;

beforeAll(async () => {
  torch.registerBackend(cpu());
  backend = await webgpu();
  torch.registerBackend(backend);
});

/** Everything the device side reports, after the queue drained. */
async function snapshot(): Promise<Record<string, number>> {
  await backend.sync();
  const t = torch.memory()['webgpu'] ?? { tensors: 0, bytes: 0 };
  const p = backend.memory();
  return { tensors: t.tensors, bytes: t.bytes, pooled: t.pooled ?? -1, buffers: p.buffers, inUse: p.bytesInUse, poolBytes: p.bytesPooled };
}

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

describe('memory held flat', () => {
  const x = (): torch.Tensor => torch.tidy(() => torch.arange(0, 16 * 64, 1, { dtype: 'float32', device: 'webgpu' }).reshape(16, 64).div(1000));

  it('over 300 steps of a tidy update loop', async () => {
    const input = x();
    let w = torch.zeros([64, 32], { device: 'webgpu' });
    const step = (): void => {
      const next = torch.tidy(() => {
        const h = input.matmul(w).tanh();
        const g = input.t().matmul(h.sub(1)).div(16);
        return w.sub(g.mul(0.1));
      });
      w.dispose();
      w = next;
    };
    for (let i = 0; i < 5; i++) step();
    const before = await snapshot();
    expect(before.tensors).toBe(2);
    for (let i = 0; i < 300; i++) {
      step();
      if (i % 50 === 0) {
        // reading the loss every N steps, as a training loop does
        const loss = torch.tidy(() => w.square().mean());
        expect(Number.isFinite(await loss.item())).toBe(true);
        loss.dispose();
      }
    }
    expect(await snapshot()).toEqual(before);
    input.dispose();
    w.dispose();
  });

  it('over 300 steps that dispose their temporaries', async () => {
    const input = x();
    const iteration = (): void => {
      const a = input.mul(2);
      const b = a.softmax(1);
      const c = b.sum(0);
      a.dispose();
      b.dispose();
      c.dispose();
    };
    // the first iterations fill the pool's buckets
    for (let i = 0; i < 3; i++) iteration();
    const before = await snapshot();
    expect(before.tensors).toBe(1);
    for (let i = 0; i < 300; i++) iteration();
    expect(await snapshot()).toEqual(before);
    input.dispose();
  });
});
