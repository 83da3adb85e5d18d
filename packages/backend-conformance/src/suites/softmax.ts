// The softmax / log-softmax fast path and its reference decomposition.

import { describe, it } from 'vitest';
import { reference, type DType } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import { isFloatDtype, softmaxOracle } from '../reference/index.js';
import { composite } from '../tolerance.js';
import type { Domain } from '../values.js';
import { fastPathChecks, runFastPathCheck, type DimCase } from './fastPath.js';

const CASES: readonly (DimCase & { readonly domain?: Domain })[] = [
  { name: 'last dim', shape: [3, 4, 5], dim: 2, x: 'contiguous', out: 'contiguous' },
  { name: 'dim 1', shape: [3, 4, 5], dim: 1, x: 'contiguous', out: 'contiguous' },
  { name: 'dim 0 of transposed', shape: [3, 4, 5], dim: 0, x: 'transposed', out: 'contiguous' },
  { name: 'sliced into transposed out', shape: [3, 4, 5], dim: 2, x: 'sliced', out: 'transposed' },
  { name: 'offset', shape: [4, 6], dim: 1, x: 'offset', out: 'offset' },
  { name: 'broadcast input', shape: [3, 4, 5], dim: 1, x: 'broadcast', out: 'sliced' },
  { name: 'long rows', shape: [2, 5003], dim: 1, x: 'contiguous', out: 'contiguous' },
  { name: 'rows of one', shape: [4, 1], dim: 1, x: 'contiguous', out: 'contiguous' },
  { name: 'masked rows (-Inf, all -Inf gives NaN)', shape: [8, 3], dim: 1, x: 'contiguous', out: 'contiguous', domain: 'masked' },
  { name: 'empty rows', shape: [3, 0], dim: 1, x: 'contiguous', out: 'contiguous' },
  { name: 'no rows', shape: [0, 4], dim: 1, x: 'contiguous', out: 'contiguous' },
];

/**
 * Registers the softmax tests.
 *
 * @example describeSoftmax({ name: 'cpu', backend, dtypes: ['float32'] })
 */
export function describeSoftmax(ctx: SuiteContext): void {
  const fast = ctx.backend.supports.softmax?.bind(ctx.backend.supports);
  describe('softmax (fast path)', () => {
    for (const log of [false, true]) {
      const op = log ? 'logSoftmax' : 'softmax';
      describe(op, () => {
        for (const dtype of ctx.dtypes.filter(isFloatDtype)) {
          for (const c of CASES) {
            for (const check of fastPathChecks(fast !== undefined)) {
              it(`${dtype} ${c.name}: ${check}`, () =>
                withHarness(ctx.backend, `${op} ${dtype} ${c.name}`, async (h) => {
                  const x = h.tensor(dtype as DType, c.shape, c.x, c.domain ?? 'softmax');
                  const out = h.tensor(dtype, c.shape, c.out);
                  const run = {
                    oracle: (o: typeof out.oracle) => softmaxOracle(x.oracle, c.dim, o, log),
                    reference: (o: typeof out.view) => reference.softmax(ctx.backend, x.view, c.dim, o, log),
                    ...(fast ? { fast: (o: typeof out.view) => fast(x.view, c.dim, o, log) } : {}),
                  };
                  await runFastPathCheck(h, check, out, run, composite(dtype), `${op} along dim ${c.dim}`);
                }));
            }
          }
        }
      });
    }
  });
}
