// backend.gather and backend.scatterAdd: every dtype × dim × layouts of x/out,
// index and src, zero-size and rank-0 indices, duplicate targets.

import { describe, it } from 'vitest';
import type { DType } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import { gatherOracle, isFloatDtype, scatterAddOracle } from '../reference/index.js';
import { approx, exact } from '../tolerance.js';
import { makeIndex, type IndexCase } from './indexCases.js';

const CASES: readonly IndexCase[] = [
  { name: 'dim 0', shape: [4, 5, 6], dim: 0, index: [7, 4, 5], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 1', shape: [4, 5, 6], dim: 1, index: [3, 7, 5], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 2', shape: [4, 5, 6], dim: 2, index: [3, 4, 2], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 1, transposed data', shape: [4, 5, 6], dim: 1, index: [4, 3, 6], data: 'transposed', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 2, sliced data, transposed index', shape: [4, 5, 6], dim: 2, index: [3, 4, 8], data: 'sliced', indexLayout: 'transposed', other: 'offset' },
  { name: 'dim 0, broadcast index', shape: [4, 5, 6], dim: 0, index: [3, 4, 5], data: 'offset', indexLayout: 'broadcastOdd', other: 'contiguous' },
  { name: 'dim 1, offset index, transposed other', shape: [4, 5, 6], dim: 1, index: [3, 5, 4], data: 'contiguous', indexLayout: 'offset', other: 'transposed' },
  { name: 'dim 0, sliced other, larger src', shape: [4, 5, 6], dim: 0, index: [3, 4, 5], data: 'contiguous', indexLayout: 'contiguous', other: 'sliced', srcShape: [5, 5, 6] },
  { name: '1-d', shape: [10], dim: 0, index: [15], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'zero-size index', shape: [4, 5, 6], dim: 1, index: [3, 0, 5], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'rank 0', shape: [], dim: 0, index: [], data: 'offset', indexLayout: 'offset', other: 'offset' },
  { name: 'dim 1, int32 index', shape: [4, 5, 6], dim: 1, index: [3, 7, 5], data: 'transposed', indexLayout: 'sliced', other: 'contiguous', indexDtype: 'int32' },
];

async function runGather(ctx: SuiteContext, dtype: DType, c: IndexCase): Promise<void> {
  await withHarness(ctx.backend, `gather ${dtype} ${c.name}`, async (h) => {
    const x = h.tensor(dtype, c.shape, c.data);
    const index = makeIndex(h, c);
    const out = h.tensor(dtype, c.index, c.other);
    ctx.backend.gather(x.view, c.dim, index.view, out.view);
    gatherOracle(x.oracle, c.dim, index.oracle, out.oracle);
    await h.expect(out, exact(true), `gather dim ${c.dim} out`);
  });
}

async function runScatterAdd(ctx: SuiteContext, dtype: DType, c: IndexCase): Promise<void> {
  await withHarness(ctx.backend, `scatterAdd ${dtype} ${c.name}`, async (h) => {
    const domain = isFloatDtype(dtype) ? 'grid' : 'any';
    const out = h.tensor(dtype, c.shape, c.data, domain);
    const index = makeIndex(h, c);
    const src = h.tensor(dtype, c.srcShape ?? c.index, c.other, domain);
    ctx.backend.scatterAdd(out.view, c.dim, index.view, src.view);
    scatterAddOracle(out.oracle, c.dim, index.oracle, src.oracle);
    await h.expect(out, isFloatDtype(dtype) ? approx(dtype) : exact(), `scatterAdd dim ${c.dim} out`);
  });
}

/**
 * Registers the gather and scatterAdd tests.
 *
 * @example describeIndexing({ name: 'cpu', backend, dtypes: ['float32', 'int64'] })
 */
export function describeIndexing(ctx: SuiteContext): void {
  describe('gather', () => {
    for (const dtype of ctx.dtypes) for (const c of CASES) it(`${dtype} ${c.name}`, () => runGather(ctx, dtype, c));
  });
  describe('scatterAdd', () => {
    for (const dtype of ctx.dtypes) for (const c of CASES) it(`${dtype} ${c.name}`, () => runScatterAdd(ctx, dtype, c));
  });
}
