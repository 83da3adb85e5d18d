// Indexing against PyTorch 1.13 on the CPU backend (its scatterReduce and nonzero
// fast paths): x.at(...) / x.setAt(...) with advanced indices, gather/scatter,
// index_*, masks, nonzero, take, where(cond).
// Fixtures: tools/fixtures/indexing.py → test/fixtures/indexing.json (regenerate, never hand-edit).

import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import { describeIndexingFixtures } from './indexingCases.js';

describeIndexingFixtures('indexing vs PyTorch');

describe('indexing forms', () => {
  it('a JS array is a slice, not a list of indices', () => {
    const x = torch.arange(5);
    expect(x.at([1, 3]).tolistSync()).toEqual([1, 2]);
    expect(x.at(torch.tensor([1, 3])).tolistSync()).toEqual([1, 3]);
  });

  it('basic indexing is a view, advanced indexing a copy', () => {
    const x = torch.arange(6).view(2, 3);
    expect(x.at(0, [1, 3]).storage).toBe(x.storage);
    expect(x.at(torch.tensor([0])).storage).not.toBe(x.storage);
  });

  it('in-place indexing ops bump the version counter', () => {
    const x = torch.zeros(3);
    const v = x.version;
    x.setAt([torch.tensor([1])], 2);
    x.indexFill_(0, torch.tensor([0]), 1);
    x.scatter_(0, torch.tensor([2]), 5);
    expect(x.version).toBeGreaterThanOrEqual(v + 3);
    expect(x.tolistSync()).toEqual([1, 2, 5]);
  });

  it('torch.where needs one or three arguments', () => {
    const cond = torch.tensor([true, false]);
    expect(torch.where(cond, 1, 0).tolistSync()).toEqual([1, 0]);
    expect(() => (torch.where as unknown as (c: torch.Tensor, a: number) => unknown)(cond, 1)).toThrow(
      'where() takes 1 or 3 arguments',
    );
  });
});
