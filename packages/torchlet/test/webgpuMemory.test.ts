// Memory on WebGPU under tensors: loops of tensor ops under tidy or dispose hold
// device memory flat (tensors, bytes in use, the pool's buffers and pooled bytes).
// In a file of its own so that no other test's garbage is counted.

import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu, type WebGpuBackend } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

let backend: WebGpuBackend;

beforeAll(async () => {
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
    const readLoss = async (): Promise<void> => {
      // reading the loss every N steps, as a training loop does
      const loss = torch.tidy(() => w.square().mean());
      expect(Number.isFinite(await loss.item())).toBe(true);
      loss.dispose();
    };
    for (let i = 0; i < 5; i++) step();
    await readLoss();
    const before = await snapshot();
    expect(before.tensors).toBe(2);
    for (let i = 0; i < 300; i++) {
      step();
      if (i % 50 === 0) await readLoss();
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
