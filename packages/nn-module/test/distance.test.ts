// F.pdist against F.pairwiseDistance of the same row pairs (pairwiseDistance and cosineSimilarity
// are checked against PyTorch by the layer fixtures), and pdist's errors in PyTorch's words.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { F } from '../src/index.js';

describe('F.pdist', () => {
  it('gives the upper triangle of the row distances, row by row', () => {
    torch.manualSeed(3);
    const x = torch.randn(5, 4, { dtype: 'float64' });
    for (const p of [0.5, 1, 2, 3]) {
      const want: number[] = [];
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) want.push(x.at(i).sub(x.at(j)).norm(p).itemSync() as number);
      const got = F.pdist(x, { p }).tolistSync() as number[];
      expect(got.length).toBe(10);
      got.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 12));
    }
    expect(F.pdist(torch.zeros(1, 3)).shape).toEqual([0]);
  });
  it("refuses what PyTorch's refuses", () => {
    expect(() => F.pdist(torch.zeros(3))).toThrow('pdist only supports 2D tensors, got: 1D');
    expect(() => F.pdist(torch.zeros(3, 2), -1)).toThrow('pdist only supports non-negative p values');
  });
});
