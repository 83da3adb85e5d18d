// backend.where: every dtype × every layout case, bool and uint8 conditions,
// scalar branches, and branches cast to the out dtype.

import { describe, it } from 'vitest';
import type { DType, Operand } from '@torchlet/tensor/backend';
import { ELEMENTWISE_CASES, caseName, inputLayout, type ElementwiseCase } from '../cases.js';
import type { SuiteContext } from '../context.js';
import { withHarness } from '../harness.js';
import { drawValue } from '../values.js';
import { whereOracle, type OracleOperand } from '../reference/index.js';
import { exact } from '../tolerance.js';

type Variant = 'layout' | 'scalars' | 'uint8 cond' | 'float cond' | 'cast branches';

async function runCase(ctx: SuiteContext, dtype: DType, c: ElementwiseCase, variant: Variant): Promise<void> {
  await withHarness(ctx.backend, `where ${dtype} ${c.name} ${variant}`, async (h) => {
    const condDtype: DType = variant === 'uint8 cond' ? 'uint8' : variant === 'float cond' ? 'float32' : 'bool';
    const cond = h.tensor(condDtype, c.shape, inputLayout(c, 0), 'ties');
    const branchDtype: DType = variant === 'cast branches' ? (dtype === 'float64' ? 'float32' : 'int32') : dtype;
    let a: Operand;
    let oa: OracleOperand;
    let b: Operand;
    let ob: OracleOperand;
    if (variant === 'scalars') {
      a = oa = Number(h.flushed(drawValue(h.rng, dtype === 'int64' ? 'int32' : dtype, 'any'), dtype));
      const y = h.tensor(dtype, c.shape, inputLayout(c, 2));
      b = y.view;
      ob = y.oracle;
    } else {
      const x = h.tensor(branchDtype, c.shape, inputLayout(c, 1));
      const y = h.tensor(dtype, c.shape, inputLayout(c, 2));
      [a, oa, b, ob] = [x.view, x.oracle, y.view, y.oracle];
    }
    const out = h.tensor(dtype, c.shape, c.out);
    ctx.backend.where(cond.view, a, b, out.view);
    whereOracle(cond.oracle, oa, ob, out.oracle);
    await h.expect(out, exact(true), 'where out');
    if (variant === 'scalars') {
      // the scalar on the other side too
      const out2 = h.tensor(dtype, c.shape, c.out);
      ctx.backend.where(cond.view, b, 0, out2.view);
      whereOracle(cond.oracle, ob, 0, out2.oracle);
      await h.expect(out2, exact(true), 'where out (scalar b = 0)');
    }
  });
}

/**
 * Registers the where tests.
 *
 * @example describeWhere({ name: 'cpu', backend, dtypes: ['bool', 'float32'] })
 */
export function describeWhere(ctx: SuiteContext): void {
  describe('where', () => {
    for (const dtype of ctx.dtypes) {
      for (const c of ELEMENTWISE_CASES) it(caseName(dtype, c), () => runCase(ctx, dtype, c, 'layout'));
      const first = ELEMENTWISE_CASES[0] as ElementwiseCase;
      const mixed = ELEMENTWISE_CASES.find((c) => c.name === 'mixed') ?? first;
      it(`${dtype} scalar branches`, () => runCase(ctx, dtype, mixed, 'scalars'));
      if (ctx.dtypes.includes('uint8')) it(`${dtype} uint8 condition`, () => runCase(ctx, dtype, first, 'uint8 cond'));
      if (ctx.dtypes.includes('float32')) it(`${dtype} float32 condition (NaN is true)`, () => runCase(ctx, dtype, first, 'float cond'));
      const from: DType = dtype === 'float64' ? 'float32' : 'int32';
      if (from !== dtype && ctx.dtypes.includes(from)) it(`${dtype} with a ${from} branch (cast)`, () => runCase(ctx, dtype, first, 'cast branches'));
    }
  });
}
