// The 2-D pooling fast paths (max with indices, average) and their reference
// decompositions, against the oracle.

import { describe, it } from 'vitest';
import { reference, type AvgPool2dParams, type Backend, type Pool2dParams, type View } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { avgPool2dOracle, isFloatDtype, maxPool2dOracle } from '../reference/index.js';
import { composite, exact } from '../tolerance.js';
import type { Domain } from '../values.js';
import { fastPathChecks, runFastPathCheck } from './fastPath.js';

interface PoolCase {
  readonly name: string;
  readonly x: readonly [number, number, number, number];
  readonly out: readonly [number, number];
  readonly kernel: readonly [number, number];
  readonly stride: readonly [number, number];
  readonly padding: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly layouts: readonly [x: LayoutKind, out: LayoutKind];
  /** Average pooling only. */
  readonly countIncludePad?: boolean;
  readonly divisorOverride?: number;
  readonly domain?: Domain;
}

const CASES: readonly PoolCase[] = [
  { name: '2x2', x: [2, 3, 6, 4], out: [3, 2], kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], layouts: ['contiguous', 'contiguous'] },
  { name: '3x3 stride 2 padding 1', x: [1, 2, 7, 6], out: [4, 3], kernel: [3, 3], stride: [2, 2], padding: [1, 1], dilation: [1, 1], layouts: ['transposed', 'offset'], countIncludePad: false },
  { name: 'ceil mode (last window in the padding)', x: [2, 2, 5, 5], out: [3, 3], kernel: [3, 2], stride: [2, 2], padding: [1, 0], dilation: [1, 1], layouts: ['sliced', 'transposed'] },
  { name: 'dilation', x: [1, 2, 7, 7], out: [3, 5], kernel: [3, 2], stride: [1, 1], padding: [1, 0], dilation: [2, 2], layouts: ['offset', 'sliced'], divisorOverride: 5 },
  { name: 'overlapping windows', x: [1, 3, 5, 5], out: [4, 4], kernel: [2, 2], stride: [1, 1], padding: [0, 0], dilation: [1, 1], layouts: ['broadcastFirst', 'contiguous'] },
  { name: 'ties', x: [2, 2, 4, 6], out: [2, 3], kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], layouts: ['contiguous', 'contiguous'], domain: 'tiesFinite' },
  { name: 'empty batch', x: [0, 2, 4, 4], out: [2, 2], kernel: [2, 2], stride: [2, 2], padding: [0, 0], dilation: [1, 1], layouts: ['contiguous', 'contiguous'] },
];

/**
 * Registers the pooling tests.
 *
 * @example describePool(ctx)
 */
export function describePool(ctx: SuiteContext): void {
  const b: Backend = ctx.backend;
  const fastMax = b.supports.maxPool2d?.bind(b.supports);
  const fastAvg = b.supports.avgPool2d?.bind(b.supports);
  const indexDtype = 'int64';
  describe('2-D pooling (fast paths)', () => {
    for (const dtype of ctx.dtypes.filter(isFloatDtype)) {
      for (const c of CASES) {
        const shape = [c.x[0], c.x[1], ...c.out];
        for (const part of ['values', 'indices'] as const) {
          for (const check of fastPathChecks(fastMax !== undefined)) {
            it(`maxPool2d ${part} ${dtype} ${c.name}: ${check}`, () =>
              withHarness(b, `maxPool2d ${dtype} ${c.name}`, async (h) => {
                const p: Pool2dParams = { kernelSize: c.kernel, stride: c.stride, padding: c.padding, dilation: c.dilation };
                const x = h.tensor(dtype, c.x, c.layouts[0], c.domain ?? 'finite');
                const out = h.tensor(dtype, shape, c.layouts[1]);
                const idx = h.tensor(indexDtype, shape, c.layouts[1]);
                // the part not under test goes to a scratch pair of the same layout
                const other = part === 'values' ? h.tensor(indexDtype, shape, c.layouts[1]) : h.tensor(dtype, shape, c.layouts[1]);
                const target = part === 'values' ? out : idx;
                const views = (o: View): [View, View] => (part === 'values' ? [o, other.view] : [other.view, o]);
                await runFastPathCheck(h, check, target, {
                  oracle: (o) => (part === 'values' ? maxPool2dOracle(x.oracle, o, other.oracle, p) : maxPool2dOracle(x.oracle, other.oracle, o, p)),
                  reference: (o: View) => reference.maxPool2d(b, x.view, ...views(o), p),
                  ...(fastMax ? { fast: (o: View) => fastMax(x.view, ...views(o), p) } : {}),
                }, exact(), `maxPool2d ${c.name} ${part}`);
              }));
          }
        }
        for (const check of fastPathChecks(fastAvg !== undefined)) {
          it(`avgPool2d ${dtype} ${c.name}: ${check}`, () =>
            withHarness(b, `avgPool2d ${dtype} ${c.name}`, async (h) => {
              const p: AvgPool2dParams = { kernelSize: c.kernel, stride: c.stride, padding: c.padding, countIncludePad: c.countIncludePad ?? true, divisorOverride: c.divisorOverride };
              const x = h.tensor(dtype, c.x, c.layouts[0], c.domain ?? 'finite');
              const out = h.tensor(dtype, shape, c.layouts[1]);
              await runFastPathCheck(h, check, out, {
                oracle: (o) => avgPool2dOracle(x.oracle, o, p),
                reference: (o: View) => reference.avgPool2d(b, x.view, o, p),
                ...(fastAvg ? { fast: (o: View) => fastAvg(x.view, o, p) } : {}),
              }, composite(dtype), `avgPool2d ${c.name}`);
            }));
        }
      }
    }
  });
}
