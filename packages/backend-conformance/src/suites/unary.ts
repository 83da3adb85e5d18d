// backend.unary: every op × every dtype PyTorch defines it on × every layout case.

import { describe, it } from 'vitest';
import { UNARY_OPS, type DType, type UnaryOp } from '@torchlet/tensor/backend';
import { ELEMENTWISE_CASES, IN_PLACE_CASES, caseName, inputLayout, type ElementwiseCase } from '../cases.js';
import type { SuiteContext } from '../context.js';
import { show, withHarness } from '../harness.js';
import { UNARY_SPECS, inClass } from '../opSpecs.js';
import { getAt, isPredicate, unaryOracle } from '../reference/index.js';
import { approx, exact } from '../tolerance.js';

/** A wider dtype to cast into, to check the op is computed in the input's dtype. */
const CAST_OUT: Partial<Record<DType, DType>> = {
  float32: 'float64', float64: 'float32', float16: 'float32', bfloat16: 'float32',
  int32: 'int64', int64: 'int32', int8: 'int32', uint8: 'int32', bool: 'uint8',
};

async function runCase(ctx: SuiteContext, op: UnaryOp, dtype: DType, c: ElementwiseCase, outDtype: DType, inPlace = false): Promise<void> {
  const spec = UNARY_SPECS[op];
  await withHarness(ctx.backend, `unary ${op} ${dtype} ${c.name} ${outDtype}`, async (h) => {
    const x = h.tensor(dtype, c.shape, inputLayout(c, 0), spec.domain);
    const out = inPlace ? x : h.tensor(outDtype, c.shape, c.out);
    const input = inPlace ? { ...x.oracle, data: [...x.oracle.data] } : x.oracle;
    ctx.backend.unary(op, x.view, out.view);
    unaryOracle(op, x.oracle, out.oracle);
    const tol = spec.exact ? exact(spec.signedZero) : approx(dtype);
    await h.expect(out, tol, `unary ${op} out${inPlace ? ' (in place)' : ''}`, (idx) => `x = ${show(getAt(input, idx))}`);
  });
}

/**
 * Registers the unary tests.
 *
 * @example describeUnary({ name: 'cpu', backend, dtypes: ['float32'] })
 */
export function describeUnary(ctx: SuiteContext): void {
  describe('unary', () => {
    for (const op of UNARY_OPS) {
      describe(op, () => {
        for (const dtype of ctx.dtypes.filter((d) => inClass(d, UNARY_SPECS[op].dtypes))) {
          const outDtype = isPredicate(op) ? 'bool' : dtype;
          for (const c of ELEMENTWISE_CASES) it(caseName(dtype, c), () => runCase(ctx, op, dtype, c, outDtype));
          if (outDtype === dtype) for (const c of IN_PLACE_CASES) it(caseName(dtype, c), () => runCase(ctx, op, dtype, c, dtype, true));
          const cast = CAST_OUT[dtype];
          if (!isPredicate(op) && cast && ctx.dtypes.includes(cast)) {
            const c = ELEMENTWISE_CASES[0] as ElementwiseCase;
            it(`${dtype} → ${cast} out (computed in ${dtype})`, () => runCase(ctx, op, dtype, c, cast));
          }
        }
      });
    }
  });
}
