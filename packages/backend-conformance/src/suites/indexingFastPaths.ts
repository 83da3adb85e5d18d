// The scatterReduce and nonzero fast paths and their reference decompositions:
// every dtype × layouts of out/index/src, duplicate targets, zero-size and rank 0.

import { describe, it } from 'vitest';
import { reference, SCATTER_REDUCE_OPS, type DType, type ScatterReduceOp } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness, type Harness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { forEachIndex, getAt, isFloatDtype, nonzeroOracle, scatterReduceOracle, sizeOf, truthy, type Scalar } from '../reference/index.js';
import { exact } from '../tolerance.js';
import type { Domain } from '../values.js';
import { fastPathChecks, runFastPathCheck } from './fastPath.js';
import { makeIndex, type IndexCase } from './indexCases.js';

const SCATTER_CASES: readonly IndexCase[] = [
  { name: 'dim 0, many duplicates', shape: [3, 4], dim: 0, index: [6, 4], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 1', shape: [4, 5, 3], dim: 1, index: [3, 7, 3], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'dim 2, transposed out', shape: [4, 5, 6], dim: 2, index: [3, 4, 8], data: 'transposed', indexLayout: 'contiguous', other: 'sliced' },
  { name: 'dim 0, broadcast index and src', shape: [4, 5, 6], dim: 0, index: [3, 4, 5], data: 'offset', indexLayout: 'broadcastOdd', other: 'broadcast' },
  { name: 'dim 1, sliced out, transposed index, larger src', shape: [4, 5, 6], dim: 1, index: [3, 5, 4], data: 'sliced', indexLayout: 'transposed', other: 'offset', srcShape: [4, 6, 5] },
  { name: '1-d', shape: [5], dim: 0, index: [17], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'zero-size index', shape: [4, 5], dim: 1, index: [3, 0], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous' },
  { name: 'rank 0', shape: [], dim: 0, index: [], data: 'offset', indexLayout: 'offset', other: 'offset' },
  { name: 'long, several blocks of rows', shape: [2, 9], dim: 1, index: [2, 1100], data: 'contiguous', indexLayout: 'contiguous', other: 'contiguous', long: true },
];

/** Values whose results compare exactly whatever the order of combination. */
function domainOf(op: ScatterReduceOp): Domain {
  return op === 'prod' ? 'pow2' : 'any';
}

function describeScatterReduce(ctx: SuiteContext): void {
  const fast = ctx.backend.supports.scatterReduce?.bind(ctx.backend.supports);
  describe('scatterReduce (fast path)', () => {
    for (const op of SCATTER_REDUCE_OPS) {
      describe(op, () => {
        for (const dtype of ctx.dtypes) {
          for (const c of SCATTER_CASES.filter((k) => !k.long || (dtype === 'float32' && op === 'amax'))) {
            for (const check of fastPathChecks(fast !== undefined)) {
              it(`${dtype} ${c.name}: ${check}`, () =>
                withHarness(ctx.backend, `scatterReduce ${op} ${dtype} ${c.name}`, async (h) => {
                  const index = makeIndex(h, c);
                  const src = h.tensor(dtype, c.srcShape ?? c.index, c.other, domainOf(op));
                  const out = h.tensor(dtype, c.shape, c.data, domainOf(op));
                  const run = {
                    oracle: (o: typeof out.oracle) => scatterReduceOracle(op, o, c.dim, index.oracle, src.oracle),
                    reference: (o: typeof out.view) => reference.scatterReduce(ctx.backend, op, o, c.dim, index.view, src.view),
                    ...(fast ? { fast: (o: typeof out.view) => fast(op, o, c.dim, index.view, src.view) } : {}),
                  };
                  // signed zeros and NaN must survive the assignment exactly
                  await runFastPathCheck(h, check, out, run, exact(op === 'assign'), `scatterReduce ${op} along dim ${c.dim}`);
                }));
            }
          }
        }
      });
    }
  });
}

const NONZERO_CASES: readonly { name: string; shape: readonly number[]; x: LayoutKind; out: LayoutKind }[] = [
  { name: '2-d', shape: [5, 7], x: 'contiguous', out: 'contiguous' },
  { name: '3-d transposed into transposed out', shape: [3, 4, 5], x: 'transposed', out: 'transposed' },
  { name: 'sliced', shape: [4, 6], x: 'sliced', out: 'offset' },
  { name: 'broadcast', shape: [3, 4, 5], x: 'broadcast', out: 'contiguous' },
  { name: '1-d, long', shape: [5000], x: 'contiguous', out: 'contiguous' },
  { name: 'zero-size', shape: [3, 0], x: 'contiguous', out: 'contiguous' },
];

/** Half zeros (±0 for floats), the rest nonzero (NaN included for floats). */
function sparseValues(h: Harness, dtype: DType, n: number): Scalar[] {
  return Array.from({ length: n }, () => {
    const zero = h.rng.int(0, 1) === 0;
    if (dtype === 'int64') return zero ? 0n : BigInt(h.rng.int(-9, 9) || 3);
    if (dtype === 'bool') return zero ? 0 : 1;
    if (zero) return isFloatDtype(dtype) && h.rng.int(0, 1) === 0 ? -0 : 0;
    if (isFloatDtype(dtype) && h.rng.int(0, 9) === 0) return NaN;
    return h.rng.int(1, 9);
  });
}

function describeNonzero(ctx: SuiteContext): void {
  const fast = ctx.backend.supports.nonzero?.bind(ctx.backend.supports);
  describe('nonzero (fast path)', () => {
    for (const dtype of ctx.dtypes) {
      for (const c of NONZERO_CASES) {
        for (const check of fastPathChecks(fast !== undefined)) {
          it(`${dtype} ${c.name}: ${check}`, () =>
            withHarness(ctx.backend, `nonzero ${dtype} ${c.name}`, async (h) => {
              const values = sparseValues(h, dtype, sizeOf(c.shape));
              const x = h.fromValues(dtype, c.shape, values, c.x);
              let count = 0;
              forEachIndex(x.oracle.shape, (idx) => void (count += truthy(getAt(x.oracle, idx)) ? 1 : 0));
              const out = h.tensor('int64', [count, c.shape.length], c.out);
              const run = {
                oracle: (o: typeof out.oracle) => nonzeroOracle(x.oracle, o),
                reference: (o: typeof out.view) => reference.nonzero(ctx.backend, x.view, o),
                ...(fast ? { fast: (o: typeof out.view) => fast(x.view, o) } : {}),
              };
              await runFastPathCheck(h, check, out, run, exact(), 'nonzero');
            }));
        }
      }
    }
  });
}

/**
 * Registers the scatterReduce and nonzero tests.
 *
 * @example describeIndexingFastPaths({ name: 'cpu', backend, dtypes: ['float32', 'int64'] })
 */
export function describeIndexingFastPaths(ctx: SuiteContext): void {
  if (!ctx.dtypes.includes('int64')) return;
  describeScatterReduce(ctx);
  describeNonzero(ctx);
}
