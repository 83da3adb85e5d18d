// The conv2d fast paths (forward, input gradient, weight gradient) and their
// reference decompositions, against the oracle.

import { describe, it } from 'vitest';
import { reference, type Backend, type Conv2dParams, type DType, type View } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { conv2dInputGradOracle, conv2dOracle, conv2dWeightGradOracle, isFloatDtype } from '../reference/index.js';
import { composite, type Tolerance } from '../tolerance.js';
import { fastPathChecks, runFastPathCheck } from './fastPath.js';

interface ConvCase {
  readonly name: string;
  readonly x: readonly [number, number, number, number];
  readonly w: readonly [number, number, number, number];
  readonly bias: boolean;
  readonly p: Conv2dParams;
  readonly layouts: readonly [x: LayoutKind, w: LayoutKind, out: LayoutKind];
}

const P = (stride: [number, number], padding: [number, number], dilation: [number, number], groups = 1): Conv2dParams => ({ stride, padding, dilation, groups });

const CASES: readonly ConvCase[] = [
  { name: '3x3', x: [2, 3, 5, 6], w: [4, 3, 3, 3], bias: true, p: P([1, 1], [0, 0], [1, 1]), layouts: ['contiguous', 'contiguous', 'contiguous'] },
  { name: 'stride 2, padding 1', x: [1, 2, 7, 6], w: [3, 2, 3, 2], bias: true, p: P([2, 2], [1, 1], [1, 1]), layouts: ['transposed', 'contiguous', 'offset'] },
  { name: 'dilation, uneven padding', x: [2, 2, 6, 7], w: [2, 2, 2, 3], bias: false, p: P([1, 2], [2, 1], [2, 1]), layouts: ['sliced', 'transposed', 'sliced'] },
  { name: 'groups 2', x: [2, 4, 5, 5], w: [6, 2, 3, 3], bias: true, p: P([1, 1], [1, 1], [1, 1], 2), layouts: ['offset', 'sliced', 'transposed'] },
  { name: 'depthwise', x: [1, 3, 4, 4], w: [3, 1, 2, 2], bias: false, p: P([2, 1], [0, 1], [1, 1], 3), layouts: ['contiguous', 'offset', 'contiguous'] },
  { name: '1x1', x: [2, 3, 3, 3], w: [5, 3, 1, 1], bias: true, p: P([1, 1], [0, 0], [1, 1]), layouts: ['broadcastFirst', 'contiguous', 'contiguous'] },
  { name: 'padding wider than the input', x: [1, 2, 2, 3], w: [2, 2, 3, 3], bias: true, p: P([2, 1], [2, 2], [1, 2]), layouts: ['contiguous', 'contiguous', 'sliced'] },
  { name: 'empty batch', x: [0, 2, 4, 4], w: [3, 2, 3, 3], bias: true, p: P([1, 1], [1, 1], [1, 1]), layouts: ['contiguous', 'contiguous', 'contiguous'] },
];

function outShape(c: ConvCase): number[] {
  const size = (i: 0 | 1): number => Math.floor((c.x[2 + i]! + 2 * c.p.padding[i] - c.p.dilation[i] * (c.w[2 + i]! - 1) - 1) / c.p.stride[i]) + 1;
  return [c.x[0], c.w[0], size(0), size(1)];
}

/** Sums of Cg·kH·kW products: the absolute tolerance grows with the number of terms. */
function tolerance(dtype: DType, terms: number): Tolerance {
  const t = composite(dtype);
  return { ...t, atol: t.atol * Math.max(terms, 1) };
}

type Which = 'conv2d' | 'conv2dInputGrad' | 'conv2dWeightGrad';

/**
 * Registers the conv2d tests.
 *
 * @example describeConv(ctx)
 */
export function describeConv(ctx: SuiteContext): void {
  const b: Backend = ctx.backend;
  const s = b.supports;
  const fast = { conv2d: s.conv2d?.bind(s), conv2dInputGrad: s.conv2dInputGrad?.bind(s), conv2dWeightGrad: s.conv2dWeightGrad?.bind(s) };
  describe('conv2d (fast paths)', () => {
    for (const which of ['conv2d', 'conv2dInputGrad', 'conv2dWeightGrad'] as const satisfies readonly Which[]) {
      describe(which, () => {
        for (const dtype of ctx.dtypes.filter(isFloatDtype)) {
          for (const c of CASES) {
            for (const check of fastPathChecks(fast[which] !== undefined)) {
              it(`${dtype} ${c.name}: ${check}`, () =>
                withHarness(b, `${which} ${dtype} ${c.name}`, async (h) => {
                  const [xl, wl, ol] = c.layouts;
                  const oShape = outShape(c);
                  const x = h.tensor(dtype, c.x, xl, 'finite');
                  const w = h.tensor(dtype, c.w, wl, 'finite');
                  const terms = c.w[1] * c.w[2] * c.w[3];
                  if (which === 'conv2d') {
                    const bias = c.bias ? h.tensor(dtype, [c.w[0]], 'sliced', 'finite') : undefined;
                    const out = h.tensor(dtype, oShape, ol);
                    const f = fast.conv2d;
                    await runFastPathCheck(h, check, out, {
                      oracle: (o) => conv2dOracle(x.oracle, w.oracle, bias?.oracle, o, c.p),
                      reference: (o: View) => reference.conv2d(b, x.view, w.view, bias?.view, o, c.p),
                      ...(f ? { fast: (o: View) => f(x.view, w.view, bias?.view, o, c.p) } : {}),
                    }, tolerance(dtype, terms), `conv2d ${c.name}`);
                  } else if (which === 'conv2dInputGrad') {
                    const g = h.tensor(dtype, oShape, ol, 'finite');
                    const gradIn = h.tensor(dtype, c.x, xl === 'broadcastFirst' ? 'contiguous' : xl);
                    const f = fast.conv2dInputGrad;
                    await runFastPathCheck(h, check, gradIn, {
                      oracle: (o) => conv2dInputGradOracle(g.oracle, w.oracle, o, c.p),
                      reference: (o: View) => reference.conv2dInputGrad(b, g.view, w.view, o, c.p),
                      ...(f ? { fast: (o: View) => f(g.view, w.view, o, c.p) } : {}),
                    }, tolerance(dtype, c.w[0] * c.w[2] * c.w[3]), `conv2dInputGrad ${c.name}`);
                  } else {
                    const g = h.tensor(dtype, oShape, ol, 'finite');
                    const gradW = h.tensor(dtype, c.w, wl);
                    const f = fast.conv2dWeightGrad;
                    await runFastPathCheck(h, check, gradW, {
                      oracle: (o) => conv2dWeightGradOracle(x.oracle, g.oracle, o, c.p),
                      reference: (o: View) => reference.conv2dWeightGrad(b, x.view, g.view, o, c.p),
                      ...(f ? { fast: (o: View) => f(x.view, g.view, o, c.p) } : {}),
                    }, tolerance(dtype, oShape[0]! * oShape[2]! * oShape[3]!), `conv2dWeightGrad ${c.name}`);
                  }
                }));
            }
          }
        }
      });
    }
  });
}
