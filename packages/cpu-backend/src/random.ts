// Counter-based random bits: Philox4x32-10 words, four per 128-bit block.

import { numel, philox4x32 } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { allOffsets } from './storage.js';

/**
 * Fills the int32 view `out` with Philox4x32-10 words for `key`: block c (c =
 * counter, counter + 1, …) has counter words [c mod 2^32, ⌊c / 2^32⌋, 0, 0]
 * and gives four words in order; uint32 words are written as int32.
 *
 * @example
 * randomBits(out, [0, 0], 0); // out[0..3] = 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8 (as int32)
 */
export function randomBits(out: CpuView, key: readonly [number, number], counter: number): void {
  const n = numel(out.shape);
  if (n === 0) return;
  if (out.dtype !== 'int32') throw new Error(`cpu: randomBits writes int32, got ${out.dtype}`);
  const o = out.buf.data as Int32Array;
  const idx = allOffsets(out);
  for (let i = 0, c = counter; i < n; c++) {
    const words = philox4x32([c >>> 0, Math.floor(c / 2 ** 32) >>> 0, 0, 0], key);
    for (let w = 0; w < 4 && i < n; w++, i++) o[idx[i]!] = words[w]! | 0;
  }
}
