// backend.copy: every (src, dst) dtype pair the backend stores, with PyTorch's
// casts, over contiguous, strided and broadcast sources and strided destinations.

import { describe, it } from 'vitest';
import type { DType } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { withHarness, type Harness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { castScalar, copyOracle, isFloatDtype, sizeOf, type Scalar } from '../reference/index.js';
import { exact } from '../tolerance.js';
import { drawValue } from '../values.js';

interface CopyCase {
  readonly name: string;
  readonly shape: readonly number[];
  readonly src: LayoutKind;
  readonly dst: LayoutKind;
}

const CROSS_CASES: readonly CopyCase[] = [
  { name: 'contiguous', shape: [4, 5, 6], src: 'contiguous', dst: 'contiguous' },
  { name: 'transposed into sliced', shape: [3, 4, 5], src: 'transposed', dst: 'sliced' },
  { name: 'rank 0', shape: [], src: 'offset', dst: 'offset' },
];

const SAME_CASES: readonly CopyCase[] = [
  { name: 'contiguous long', shape: [5003], src: 'contiguous', dst: 'contiguous' },
  { name: 'strided long', shape: [47, 97], src: 'transposed', dst: 'sliced' },
  { name: 'transposed (contiguous())', shape: [3, 4, 5], src: 'transposed', dst: 'contiguous' },
  { name: 'broadcast (expand)', shape: [3, 4, 5], src: 'broadcast', dst: 'contiguous' },
  { name: 'sliced into offset', shape: [3, 4, 5], src: 'sliced', dst: 'offset' },
  { name: 'into transposed (slice assignment)', shape: [3, 4, 5], src: 'contiguous', dst: 'transposed' },
  { name: 'offset into sliced', shape: [3, 4, 5], src: 'offset', dst: 'sliced' },
  { name: 'zero-size', shape: [3, 0, 4], src: 'sliced', dst: 'sliced' },
];

const INT_LIMITS: Partial<Record<DType, [number, number]>> = {
  int8: [-128.9, 127.9], uint8: [0, 255.9], int32: [-2.1e9, 2.1e9], int64: [-1e15, 1e15],
};

/** A source value whose cast to `dst` is defined in C++ (no NaN, Inf or out-of-range float → int). */
function castSource(h: Harness, src: DType, dst: DType): Scalar {
  const rng = h.rng;
  if (!isFloatDtype(src)) return drawValue(rng, src, 'any');
  const limits = INT_LIMITS[dst];
  if (limits) {
    const [lo, hi] = limits;
    const r = rng.float();
    const v = r < 0.2 ? rng.pick([-0, 0.5, -0.5, 0.99, -0.99, 2.5, -2.5]) : r < 0.6 ? rng.uniform(Math.max(lo, -300), Math.min(hi, 300)) : rng.uniform(lo, hi);
    // the source dtype rounds the value; keep it only if it still truncates into range
    const held = Number(castScalar(v, src));
    return held >= lo && held < hi ? held : castScalar(rng.int(0, 100), src);
  }
  if (rng.float() < 0.15) return drawValue(rng, src, 'any');
  // magnitudes that overflow and underflow the narrower float types
  const magnitude = rng.uniform(-110, 110) / (src === 'float64' ? 1 : src === 'float16' ? 6 : 2);
  return castScalar((rng.float() < 0.5 ? -1 : 1) * Math.exp(magnitude), src);
}

async function runCase(ctx: SuiteContext, src: DType, dst: DType, c: CopyCase): Promise<void> {
  await withHarness(ctx.backend, `copy ${src} ${dst} ${c.name}`, async (h) => {
    const values = Array.from({ length: sizeOf(c.shape) }, () => castSource(h, src, dst));
    const x = h.fromValues(src, c.shape, values, c.src);
    const out = h.tensor(dst, c.shape, c.dst);
    ctx.backend.copy(x.view, out.view);
    copyOracle(x.oracle, out.oracle);
    await h.expect(out, exact(true), `copy ${src} → ${dst} dst`);
  });
}

/** int64 values next to rounding ties of float32 (which a cast through float64 rounds twice). */
const INT64_TIES: readonly bigint[] = [
  2n ** 60n + 2n ** 36n + 1n, -(2n ** 60n + 2n ** 36n + 1n), 2n ** 53n + 1n, 2n ** 24n + 1n, 2n ** 24n + 3n,
  2n ** 63n - 1n, -(2n ** 63n), 65519n, 65520n, 2049n, 2051n, 2n ** 40n + 2n ** 16n + 1n,
];

async function runInt64Ties(ctx: SuiteContext, dst: DType): Promise<void> {
  await withHarness(ctx.backend, `copy int64 ties ${dst}`, async (h) => {
    const x = h.fromValues('int64', [INT64_TIES.length], INT64_TIES, 'contiguous');
    const out = h.tensor(dst, [INT64_TIES.length], 'contiguous');
    ctx.backend.copy(x.view, out.view);
    copyOracle(x.oracle, out.oracle);
    await h.expect(out, exact(true), `copy int64 → ${dst} dst`);
  });
}

/**
 * Registers the copy tests.
 *
 * @example describeCopy({ name: 'cpu', backend, dtypes: ['float32', 'int32'] })
 */
export function describeCopy(ctx: SuiteContext): void {
  describe('copy', () => {
    for (const src of ctx.dtypes) {
      for (const dst of ctx.dtypes) {
        for (const c of CROSS_CASES) it(`${src} → ${dst} ${c.name}`, () => runCase(ctx, src, dst, c));
        if (src === dst) for (const c of SAME_CASES) it(`${src} → ${dst} ${c.name}`, () => runCase(ctx, src, dst, c));
      }
    }
    if (ctx.dtypes.includes('int64')) {
      for (const dst of ctx.dtypes.filter(isFloatDtype)) {
        it(`int64 → ${dst} rounds once, to nearest even`, () => runInt64Ties(ctx, dst));
      }
    }
  });
}
