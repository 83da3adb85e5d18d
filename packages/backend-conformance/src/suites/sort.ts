// The sort fast path (stable, ascending or descending, NaN largest) and its
// reference decomposition, checked on both outputs: values and int64 indices.

import { describe, it } from 'vitest';
import { reference, type DType, type View } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness, type Harness, type Pair } from '../harness.js';
import { isFloatDtype, sortOracle, type OracleView } from '../reference/index.js';
import { exact } from '../tolerance.js';
import type { Domain } from '../values.js';
import { fastPathChecks, type DimCase, type FastPathCheck } from './fastPath.js';

interface SortCase extends DimCase {
  readonly domain: Domain;
}

const CASES: readonly SortCase[] = [
  { name: 'last dim, ties', shape: [3, 4, 5], dim: 2, x: 'contiguous', out: 'contiguous', domain: 'ties' },
  { name: 'dim 1, ties', shape: [3, 4, 5], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'ties' },
  { name: 'dim 0 of transposed', shape: [3, 4, 5], dim: 0, x: 'transposed', out: 'contiguous', domain: 'any' },
  { name: 'sliced into transposed out', shape: [3, 4, 5], dim: 1, x: 'sliced', out: 'transposed', domain: 'ties' },
  { name: 'offset', shape: [4, 6], dim: 1, x: 'offset', out: 'offset', domain: 'any' },
  { name: 'broadcast input (all ties along dim 0)', shape: [4, 3, 5], dim: 0, x: 'broadcast', out: 'sliced', domain: 'ties' },
  { name: 'long rows (padded to 512)', shape: [2, 300], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'any' },
  { name: 'rows of one', shape: [4, 1], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'any' },
  { name: 'rank 1', shape: [9], dim: 0, x: 'contiguous', out: 'contiguous', domain: 'ties' },
  { name: 'empty rows', shape: [3, 0], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'any' },
  { name: 'no rows', shape: [0, 4], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'any' },
];

/** How to sort into (values, indices) three ways. */
interface SortRun {
  readonly oracle: (values: OracleView, indices: OracleView) => void;
  readonly reference: (values: View, indices: View) => void;
  readonly fast?: (values: View, indices: View) => void;
}

/** Runs one check (see `runFastPathCheck`) into both outputs and compares each, exactly. */
async function runSortCheck(h: Harness, check: FastPathCheck, values: Pair, indices: Pair, run: SortRun, what: string): Promise<void> {
  const tol = exact(true);
  if (check === 'reference decomposition vs oracle') {
    run.oracle(values.oracle, indices.oracle);
    run.reference(values.view, indices.view);
  } else if (check === 'fast path vs oracle') {
    run.oracle(values.oracle, indices.oracle);
    run.fast!(values.view, indices.view);
  } else {
    const twins = [values, indices].map((p) => h.upload(p.view.dtype, p.view.shape, p.view.strides, p.view.offset, [...p.oracle.data]));
    run.reference(twins[0]!.view, twins[1]!.view);
    for (const [k, p] of [values, indices].entries()) {
      const expected = await h.readBuffer(twins[k]!);
      p.oracle.data.splice(0, expected.length, ...expected);
    }
    run.fast!(values.view, indices.view);
  }
  const label = check === 'reference decomposition vs oracle' ? 'reference decomposition' : 'fast path';
  await h.expect(values, tol, `${what} (${label}) values`);
  await h.expect(indices, tol, `${what} (${label}) indices`);
}

/**
 * Registers the sort tests: every dtype, both directions, every case.
 *
 * @example describeSort({ name: 'cpu', backend, dtypes: ['float32', 'int64'] })
 */
export function describeSort(ctx: SuiteContext): void {
  const fast = ctx.backend.supports.sort?.bind(ctx.backend.supports);
  if (!ctx.dtypes.includes('int64')) return;
  describe('sort (fast path)', () => {
    for (const descending of [false, true]) {
      describe(descending ? 'descending' : 'ascending', () => {
        for (const dtype of ctx.dtypes) {
          for (const c of CASES) {
            // a float domain with NaN/±Inf/±0 for floats; ints draw small values with ties
            const domain: Domain = isFloatDtype(dtype) ? c.domain : 'ties';
            for (const check of fastPathChecks(fast !== undefined)) {
              it(`${dtype} ${c.name}: ${check}`, () =>
                withHarness(ctx.backend, `sort ${String(descending)} ${dtype} ${c.name}`, async (h) => {
                  const x = h.tensor(dtype, c.shape, c.x, domain);
                  const values = h.tensor(dtype, c.shape, c.out);
                  const indices = h.tensor('int64' satisfies DType, c.shape, c.out);
                  const run: SortRun = {
                    oracle: (v, i) => sortOracle(x.oracle, c.dim, descending, v, i),
                    reference: (v, i) => reference.sort(ctx.backend, x.view, c.dim, descending, v, i),
                    ...(fast ? { fast: (v: View, i: View) => fast(x.view, c.dim, descending, v, i) } : {}),
                  };
                  await runSortCheck(h, check, values, indices, run, `sort along dim ${c.dim}${descending ? ' descending' : ''}`);
                }));
            }
          }
        }
      });
    }
  });
}
