// Sizes beyond one dispatch dimension (65535 workgroups): the elementwise grid
// folds into two dimensions, and every element is still reached exactly once.

import { describe, expect, it } from 'vitest';
import type { View } from '@torchlet/tensor/backend';
import { webgpu, type GpuBuffer } from './index.js';

describe('large tensors', () => {
  it('an elementwise op over more than 65535 × 64 elements', async () => {
    const backend = await webgpu();
    const n = 65535 * 64 + 4099;
    const x = backend.alloc('int32', n);
    const out = backend.alloc('int32', n);
    const view = (buf: GpuBuffer): View<GpuBuffer> => ({ buf, dtype: 'int32', shape: [n], strides: [1], offset: 0 });
    backend.write(x, Int32Array.from({ length: n }, (_, i) => i));
    backend.binary('mul', view(x), 3, view(out), 'int32');
    const got = (await backend.read(view(out))) as Int32Array;
    const wrong = got.findIndex((v, i) => v !== i * 3);
    expect(wrong).toBe(-1);
    backend.free(x);
    backend.free(out);
    expect(backend.memory().buffers).toBe(0);
  });
});
