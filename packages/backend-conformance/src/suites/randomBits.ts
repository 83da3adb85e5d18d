// backend.randomBits: Philox4x32-10 words in row-major order of the int32 out
// view, across counters that need the high counter word.

import { describe, it } from 'vitest';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { randomBitsOracle } from '../reference/index.js';
import { exact } from '../tolerance.js';

const CASES: readonly { name: string; shape: readonly number[]; layout: LayoutKind; counter: number; key?: [number, number] }[] = [
  { name: 'zero key and counter, 10 words', shape: [10], layout: 'contiguous', counter: 0, key: [0, 0] },
  { name: 'counter 7', shape: [3, 4], layout: 'contiguous', counter: 7 },
  { name: 'transposed out', shape: [4, 6], layout: 'transposed', counter: 12345 },
  { name: 'sliced out, counter crossing 2^32', shape: [5, 3], layout: 'sliced', counter: 2 ** 32 - 2 },
  { name: 'offset out, counter above 2^40', shape: [9], layout: 'offset', counter: 2 ** 40 + 5 },
  { name: 'long', shape: [5003], layout: 'contiguous', counter: 99991 },
  { name: 'strided long', shape: [47, 97], layout: 'transposed', counter: 2 ** 32 - 700 },
  { name: 'zero-size', shape: [3, 0], layout: 'contiguous', counter: 1 },
  { name: 'rank 0', shape: [], layout: 'offset', counter: 3 },
];

/**
 * Registers the randomBits tests.
 *
 * @example describeRandomBits({ name: 'cpu', backend, dtypes: ['int32'] })
 */
export function describeRandomBits(ctx: SuiteContext): void {
  if (!ctx.dtypes.includes('int32')) return;
  describe('randomBits', () => {
    for (const c of CASES) {
      it(`int32 ${c.name}`, () =>
        withHarness(ctx.backend, `randomBits ${c.name}`, async (h) => {
          const key: [number, number] = c.key ?? [h.rng.uint32(), h.rng.uint32()];
          const out = h.tensor('int32', c.shape, c.layout);
          ctx.backend.randomBits(out.view, key, c.counter);
          randomBitsOracle(out.oracle, key, c.counter);
          await h.expect(out, exact(), `randomBits(key [${key.join(', ')}], counter ${c.counter}) out`);
        }));
    }
  });
}
