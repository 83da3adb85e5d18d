// backend.matmul: every numeric dtype × batching, transposed, broadcast, offset
// and sliced operands, strided outputs, degenerate sizes and a tiled size.

import { describe, it } from 'vitest';
import type { DType } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { isFloatDtype, matmulOracle } from '../reference/index.js';
import { approx, exact } from '../tolerance.js';

interface MatmulCase {
  readonly name: string;
  readonly batch: readonly number[];
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly a: LayoutKind;
  readonly b: LayoutKind;
  readonly out: LayoutKind;
}

const C = (name: string, batch: number[], [m, k, n]: [number, number, number], a: LayoutKind = 'contiguous', b: LayoutKind = 'contiguous', out: LayoutKind = 'contiguous'): MatmulCase => ({
  name, batch, m, k, n, a, b, out,
});

const CASES: readonly MatmulCase[] = [
  C('2-d', [], [5, 7, 3]),
  C('batched', [2], [4, 6, 3]),
  C('a transposed', [], [5, 7, 3], 'transposed'),
  C('b transposed', [], [5, 7, 3], 'contiguous', 'transposed'),
  C('batched, both transposed', [3], [4, 5, 6], 'transposed', 'transposed'),
  C('batch broadcast a', [2, 3], [4, 5, 2], 'broadcastFirst'),
  C('batch broadcast b', [3], [4, 5, 2], 'contiguous', 'broadcastFirst'),
  C('offset a, sliced b, offset out', [2], [3, 4, 5], 'offset', 'sliced', 'offset'),
  C('into transposed out', [2], [4, 5, 3], 'contiguous', 'contiguous', 'transposed'),
  C('into sliced out', [], [4, 5, 3], 'sliced', 'offset', 'sliced'),
  C('vector × matrix', [], [1, 9, 4]),
  C('matrix × vector', [], [4, 9, 1], 'transposed', 'contiguous'),
  C('K = 0', [2], [3, 0, 4], 'contiguous', 'contiguous', 'offset'),
  C('M = 0', [], [0, 3, 4]),
  C('batch 0', [0], [3, 3, 3]),
  C('tiled', [], [33, 65, 17]),
  C('tiled batched, b transposed', [2], [17, 40, 9], 'contiguous', 'transposed'),
];

async function runCase(ctx: SuiteContext, dtype: DType, c: MatmulCase): Promise<void> {
  // halves: keep K small enough that sums of the grid values stay exact in an out-dtype accumulator
  const half = dtype === 'float16' || dtype === 'bfloat16';
  const k = half ? Math.min(c.k, 31) : c.k;
  await withHarness(ctx.backend, `matmul ${dtype} ${c.name}`, async (h) => {
    const domain = isFloatDtype(dtype) ? 'grid' : 'any';
    const a = h.tensor(dtype, [...c.batch, c.m, k], c.a, domain);
    const b = h.tensor(dtype, [...c.batch, k, c.n], c.b, domain);
    const out = h.tensor(dtype, [...c.batch, c.m, c.n], c.out);
    ctx.backend.matmul(a.view, b.view, out.view);
    matmulOracle(a.oracle, b.oracle, out.oracle);
    await h.expect(out, isFloatDtype(dtype) ? approx(dtype) : exact(), 'matmul out');
  });
}

/**
 * Registers the matmul tests.
 *
 * @example describeMatmul({ name: 'cpu', backend, dtypes: ['float32'] })
 */
export function describeMatmul(ctx: SuiteContext): void {
  describe('matmul', () => {
    for (const dtype of ctx.dtypes.filter((d) => d !== 'bool')) {
      for (const c of CASES) it(`${dtype} ${c.name}`, () => runCase(ctx, dtype, c));
    }
  });
}
