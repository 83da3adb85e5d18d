// The scan fast path (cumsum, cumprod, cummax, cummin) and its reference decomposition.

import { describe, it } from 'vitest';
import { reference, SCAN_OPS, type DType, type ScanOp } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import { isFloatDtype, scanOracle } from '../reference/index.js';
import { composite, exact } from '../tolerance.js';
import type { Domain } from '../values.js';
import { fastPathChecks, runFastPathCheck, type DimCase } from './fastPath.js';

interface ScanCase extends DimCase {
  readonly long?: boolean;
  readonly specials?: boolean;
}

const CASES: readonly ScanCase[] = [
  { name: 'last dim', shape: [3, 4, 5], dim: 2, x: 'contiguous', out: 'contiguous' },
  { name: 'dim 0 of transposed', shape: [3, 4, 5], dim: 0, x: 'transposed', out: 'contiguous' },
  { name: 'sliced into transposed out', shape: [3, 4, 5], dim: 1, x: 'sliced', out: 'transposed' },
  { name: 'offset', shape: [4, 6], dim: 1, x: 'offset', out: 'offset' },
  { name: 'broadcast input', shape: [3, 4, 5], dim: 2, x: 'broadcast', out: 'sliced' },
  { name: 'long rows', shape: [2, 4500], dim: 1, x: 'contiguous', out: 'contiguous', long: true },
  { name: 'NaN and Inf', shape: [3, 9], dim: 1, x: 'contiguous', out: 'contiguous', specials: true },
  { name: 'empty rows', shape: [3, 0], dim: 1, x: 'contiguous', out: 'contiguous' },
  { name: 'no rows', shape: [0, 4], dim: 1, x: 'contiguous', out: 'contiguous' },
];

function domainOf(op: ScanOp, c: ScanCase): Domain {
  if (op === 'sum' || op === 'prod') return c.specials ? 'gridSpecial' : op === 'sum' ? 'grid' : 'pow2';
  return c.specials ? 'any' : 'tiesFinite';
}

/** PyTorch's result dtype: cumsum/cumprod of ints and bools are int64. */
function outDtypeOf(op: ScanOp, dtype: DType): DType {
  return (op === 'sum' || op === 'prod') && !isFloatDtype(dtype) ? 'int64' : dtype;
}

function valid(op: ScanOp, dtype: DType, c: ScanCase): boolean {
  if (dtype === 'bool' && (op === 'max' || op === 'min')) return false;
  if (c.specials && !isFloatDtype(dtype)) return false;
  // long sums and products of halves are inexact in the half accumulator the reference decomposition uses
  return !(c.long && (op === 'sum' || op === 'prod') && (dtype === 'float16' || dtype === 'bfloat16'));
}

/**
 * Registers the scan tests.
 *
 * @example describeScan({ name: 'cpu', backend, dtypes: ['float32', 'int64'] })
 */
export function describeScan(ctx: SuiteContext): void {
  const fast = ctx.backend.supports.scan?.bind(ctx.backend.supports);
  describe('scan (fast path)', () => {
    for (const op of SCAN_OPS) {
      describe(op, () => {
        for (const dtype of ctx.dtypes) {
          const outDtype = outDtypeOf(op, dtype);
          if (!ctx.dtypes.includes(outDtype)) continue;
          for (const c of CASES.filter((k) => valid(op, dtype, k))) {
            for (const check of fastPathChecks(fast !== undefined)) {
              it(`${dtype} ${c.name}: ${check}`, () =>
                withHarness(ctx.backend, `scan ${op} ${dtype} ${c.name}`, async (h) => {
                  const x = h.tensor(dtype, c.shape, c.x, domainOf(op, c));
                  const out = h.tensor(outDtype, c.shape, c.out);
                  const run = {
                    oracle: (o: typeof out.oracle) => scanOracle(op, x.oracle, c.dim, o),
                    reference: (o: typeof out.view) => reference.scan(ctx.backend, op, x.view, c.dim, o),
                    ...(fast ? { fast: (o: typeof out.view) => fast(op, x.view, c.dim, o) } : {}),
                  };
                  const tol = isFloatDtype(outDtype) ? composite(outDtype) : exact();
                  await runFastPathCheck(h, check, out, run, tol, `scan ${op} along dim ${c.dim}`);
                }));
            }
          }
        }
      });
    }
  });
}
