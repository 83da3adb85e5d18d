// asStrided / asStridedScatter (added to tensor for in-place writes through views) against PyTorch.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import type { TensorValue } from './fixtureTools.js';
import { compare } from './fixtureTools.js';
import { readFileSync } from 'node:fs';

interface StridedCase {
  name: string;
  input: number[];
  src: number[] | null;
  size: number[];
  stride: number[];
  offset: number;
  expected?: TensorValue;
  error?: { type: string; message: string };
}
const cases = (JSON.parse(readFileSync(new URL('./fixtures/autograd.json', import.meta.url), 'utf8')) as { strided: StridedCase[] }).strided;

describe('asStrided and asStridedScatter', () => {
  for (const c of cases) {
    it(c.name, () => {
      const n = c.input.reduce((a, b) => a * b, 1);
      const x = torch.arange(n, { dtype: 'float32' }).reshape(c.input);
      const run = () => {
        if (c.src === null) return torch.asStrided(x, c.size, c.stride, c.offset);
        const m = c.src.reduce((a, b) => a * b, 1);
        const src = torch.arange(1, m + 1, { dtype: 'float32' }).neg().reshape(c.src);
        return torch.asStridedScatter(x, src, c.size, c.stride, c.offset);
      };
      if (c.error) {
        expect(run).toThrow(c.error.message);
        return;
      }
      expect(compare(run(), c.expected!)).toBe('');
    });
  }
});
