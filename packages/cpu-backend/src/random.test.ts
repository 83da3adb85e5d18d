import { describe, expect, it } from 'vitest';
import { philox4x32 } from '@torchlet/tensor/backend';
import { backend, values, zeros } from '../test/views.js';

const asInt32 = (words: number[]): number[] => words.map((w) => w | 0);

describe('randomBits', () => {
  it('Philox4x32-10 known answer: counter 0, key 0', () => {
    const out = zeros('int32', [4]);
    backend.randomBits(out, [0, 0], 0);
    expect(values(out)).toEqual(asInt32([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]));
  });

  it('uses blocks counter, counter + 1, … and a partial last block, through strides', () => {
    const key = [0x12345678, 0x9abcdef0] as const;
    const counter = 2 ** 32 - 1; // the second block carries into the high counter word
    const out = zeros('int32', [6], { strides: [2], size: 12 });
    backend.randomBits(out, key, counter);
    const want = [...philox4x32([0xffffffff, 0, 0, 0], key), ...philox4x32([0, 1, 0, 0], key).slice(0, 2)];
    expect(values(out)).toEqual(asInt32(want));
  });
});
