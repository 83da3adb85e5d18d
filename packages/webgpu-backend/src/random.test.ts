// randomBits on the device is bit-exact with the contract's Philox4x32-10
// (`philox4x32` in @torchlet/tensor/backend, which the CPU backend uses), so a
// seed gives the same bits on both devices.

import { beforeAll, describe, expect, it } from 'vitest';
import { philox4x32 } from '@torchlet/tensor/backend';
import { webgpu, type WebGpuBackend } from './index.js';

let backend: WebGpuBackend;
beforeAll(async () => {
  backend = await webgpu();
});

/** Words `counter…` of Philox under `key`, as the contract computes them (as int32). */
function expected(key: [number, number], counter: number, n: number): number[] {
  const words: number[] = [];
  for (let block = 0; words.length < n; block++) {
    const c = counter + block;
    words.push(...philox4x32([c % 2 ** 32, Math.floor(c / 2 ** 32), 0, 0], key));
  }
  return words.slice(0, n).map((w) => w | 0);
}

describe('randomBits', () => {
  for (const [key, counter] of [
    [[0, 0], 0],
    [[0x12345678, 0x9abcdef0], 41],
    [[0xffffffff, 1], 2 ** 32 - 3],
    [[7, 0xdeadbeef], 2 ** 45 + 11],
  ] as [[number, number], number][]) {
    it(`matches the contract's philox4x32 for key [${key.join(', ')}], counter ${counter}`, async () => {
      const n = 4099;
      const buf = backend.alloc('int32', n);
      const view = { buf, dtype: 'int32' as const, shape: [n], strides: [1], offset: 0 };
      backend.randomBits(view, key, counter);
      expect(Array.from((await backend.read(view)) as Int32Array)).toEqual(expected(key, counter, n));
      backend.free(buf);
    });
  }
});
