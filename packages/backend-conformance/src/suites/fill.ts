// backend.fill: every dtype × layouts, with special values and bigint for int64.

import { describe, it } from 'vitest';
import type { DType } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { fillOracle, isFloatDtype } from '../reference/index.js';
import { exact } from '../tolerance.js';

const CASES: readonly { name: string; shape: readonly number[]; layout: LayoutKind }[] = [
  { name: 'contiguous', shape: [4, 5, 6], layout: 'contiguous' },
  { name: 'contiguous long', shape: [5003], layout: 'contiguous' },
  { name: 'strided long', shape: [47, 97], layout: 'sliced' },
  { name: 'transposed', shape: [3, 4, 5], layout: 'transposed' },
  { name: 'offset', shape: [3, 4, 5], layout: 'offset' },
  { name: 'sliced', shape: [3, 4, 5], layout: 'sliced' },
  { name: 'zero-size', shape: [3, 0, 4], layout: 'sliced' },
  { name: 'rank 0', shape: [], layout: 'offset' },
];

function fillValues(dtype: DType): (number | bigint)[] {
  if (isFloatDtype(dtype)) return [1.5, -0, NaN, Infinity, -Infinity, 0.1, 1e10, -3];
  switch (dtype) {
    case 'bool': return [1, 0];
    case 'uint8': return [200, 0, 7];
    case 'int64': return [2n ** 62n + 1n, -5, -(2n ** 63n), 2n ** 63n - 1n, 123456789];
    case 'int32': return [-(2 ** 31), 2 ** 31 - 1, 7];
    default: return [-128, 127, -3];
  }
}

/**
 * Registers the fill tests.
 *
 * @example describeFill({ name: 'cpu', backend, dtypes: ['int64'] })
 */
export function describeFill(ctx: SuiteContext): void {
  describe('fill', () => {
    for (const dtype of ctx.dtypes) {
      for (const c of CASES) {
        it(`${dtype} ${c.name}`, () =>
          withHarness(ctx.backend, `fill ${dtype} ${c.name}`, async (h) => {
            const out = h.tensor(dtype, c.shape, c.layout);
            for (const value of fillValues(dtype)) {
              ctx.backend.fill(out.view, value);
              fillOracle(out.oracle, value);
              await h.expect(out, exact(true), `fill(${typeof value === 'bigint' ? `${value}n` : Object.is(value, -0) ? '-0' : value}) out`);
            }
          }));
      }
    }
  });
}
