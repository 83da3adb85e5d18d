// backend.reduce: every op × every dtype PyTorch defines it on × dims and layouts.

import { describe, it } from 'vitest';
import { REDUCE_OPS, type DType, type ReduceOp } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { isFloatDtype, reduceOracle } from '../reference/index.js';
import { approx, exact } from '../tolerance.js';
import type { Domain } from '../values.js';

interface ReduceCase {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dims: readonly number[];
  readonly x: LayoutKind;
  readonly out: LayoutKind;
  /** Reduces over an empty dim: only ops with an identity (sum, prod, all, any). */
  readonly empty?: boolean;
  /** Groups longer than a 4096-element chunk (skipped for sums and products of halves, inexact in a half accumulator). */
  readonly long?: boolean;
  /** NaN and ±Inf inputs. */
  readonly specials?: boolean;
  readonly domain?: Domain;
}

const CASES: readonly ReduceCase[] = [
  { name: 'dim 1', shape: [3, 4, 5], dims: [1], x: 'contiguous', out: 'contiguous' },
  { name: 'last dim', shape: [3, 4, 5], dims: [2], x: 'contiguous', out: 'contiguous' },
  { name: 'dim 0 of transposed', shape: [3, 4, 5], dims: [0], x: 'transposed', out: 'contiguous' },
  { name: 'dims [0, 2] of sliced', shape: [3, 4, 5], dims: [0, 2], x: 'sliced', out: 'offset' },
  { name: 'dims [2, 0] of broadcast', shape: [3, 4, 5], dims: [2, 0], x: 'broadcastOdd', out: 'contiguous' },
  { name: 'all dims of offset', shape: [3, 4, 5], dims: [0, 1, 2], x: 'offset', out: 'offset' },
  { name: 'dim 1 into transposed out', shape: [4, 3, 5], dims: [1], x: 'contiguous', out: 'transposed' },
  { name: 'long rows', shape: [3, 4500], dims: [1], x: 'contiguous', out: 'sliced', long: true },
  { name: 'long columns of transposed', shape: [4500, 3], dims: [0], x: 'transposed', out: 'contiguous', long: true },
  { name: 'NaN and Inf', shape: [3, 4, 5], dims: [1], x: 'contiguous', out: 'contiguous', specials: true },
  { name: 'empty reduced dim', shape: [3, 0, 4], dims: [1], x: 'contiguous', out: 'offset', empty: true },
  { name: 'zero-size kept dim', shape: [0, 4], dims: [1], x: 'contiguous', out: 'contiguous' },
  { name: 'rank 0', shape: [], dims: [], x: 'offset', out: 'offset' },
];

/** PyTorch's result dtype. */
function outDtypeOf(op: ReduceOp, dtype: DType, intoSame: boolean): DType {
  if (op === 'argmax' || op === 'argmin') return 'int64';
  if (op === 'all' || op === 'any') return 'bool';
  if ((op === 'sum' || op === 'prod') && !isFloatDtype(dtype) && !intoSame) return 'int64';
  return dtype;
}

function domainOf(op: ReduceOp, c: ReduceCase): Domain {
  if (c.domain) return c.domain;
  if (op === 'sum' || op === 'prod') return c.specials ? 'gridSpecial' : op === 'sum' ? 'grid' : 'pow2';
  if (op === 'all' || op === 'any') return 'ties';
  return c.specials ? 'any' : 'tiesFinite';
}

async function runCase(ctx: SuiteContext, op: ReduceOp, dtype: DType, c: ReduceCase, outDtype: DType): Promise<void> {
  await withHarness(ctx.backend, `reduce ${op} ${dtype} ${c.name} ${outDtype}`, async (h) => {
    const x = h.tensor(dtype, c.shape, c.x, domainOf(op, c));
    const outShape = c.shape.map((s, i) => (c.dims.includes(i) ? 1 : s));
    const out = h.tensor(outDtype, outShape, c.out);
    ctx.backend.reduce(op, x.view, c.dims, out.view);
    reduceOracle(op, x.oracle, c.dims, out.oracle);
    const tol = (op === 'sum' || op === 'prod') && isFloatDtype(outDtype) ? approx(outDtype) : exact();
    await h.expect(out, tol, `reduce ${op} over [${c.dims.join(', ')}] out`);
  });
}

function valid(op: ReduceOp, dtype: DType, c: ReduceCase): boolean {
  if (dtype === 'bool' && (op === 'argmax' || op === 'argmin')) return false;
  if (c.empty && !['sum', 'prod', 'all', 'any'].includes(op)) return false;
  if (c.specials && !isFloatDtype(dtype)) return false;
  if (c.long && (op === 'sum' || op === 'prod') && (dtype === 'float16' || dtype === 'bfloat16')) return false;
  return true;
}

/**
 * Registers the reduce tests.
 *
 * @example describeReduce({ name: 'cpu', backend, dtypes: ['float32', 'int64'] })
 */
export function describeReduce(ctx: SuiteContext): void {
  describe('reduce', () => {
    for (const op of REDUCE_OPS) {
      describe(op, () => {
        for (const dtype of ctx.dtypes) {
          for (const c of CASES) {
            const outDtype = outDtypeOf(op, dtype, false);
            if (!valid(op, dtype, c) || !ctx.dtypes.includes(outDtype)) continue;
            it(`${dtype} ${c.name}`, () => runCase(ctx, op, dtype, c, outDtype));
          }
          const first = CASES[0] as ReduceCase;
          if ((op === 'sum' || op === 'prod') && (dtype === 'int8' || dtype === 'int32' || dtype === 'uint8')) {
            it(`${dtype} into ${dtype} out (wraps)`, () => runCase(ctx, op, dtype, { ...first, name: 'same-dtype out', domain: 'any' }, dtype));
          }
          if (op === 'sum' && dtype === 'float16' && ctx.dtypes.includes('float32')) {
            it(`${dtype} into float32 out`, () => runCase(ctx, op, dtype, first, 'float32'));
          }
        }
      });
    }
  });
}
