// backend.binary: every op × every compute dtype PyTorch defines it on × every
// layout case, plus scalar operands, a cast of the result, and promoted operands.

import { describe, it } from 'vitest';
import { BINARY_OPS, COMPARISON_OPS, type BinaryOp, type DType, type Operand } from '@torchlet/tensor/backend';
import { ELEMENTWISE_CASES, IN_PLACE_CASES, caseName, inputLayout, type ElementwiseCase } from '../cases.js';
import type { SuiteContext } from '../context.js';
import { show, withHarness, type Harness, type Pair } from '../harness.js';
import { BINARY_SPECS, inClass } from '../opSpecs.js';
import { binaryOracle, getAt, type OracleOperand } from '../reference/index.js';
import { approx, exact } from '../tolerance.js';
import { drawValue, type Domain } from '../values.js';

/** A different out dtype: the op must still be computed (and wrap) in the compute dtype. */
const CAST_OUT: Partial<Record<DType, DType>> = {
  float32: 'float64', float64: 'float32', float16: 'float32', bfloat16: 'float32',
  int32: 'int64', int64: 'int32', int8: 'int32', uint8: 'int32', bool: 'int32',
};

/** A narrower operand dtype that PyTorch promotes to the compute dtype. */
const PROMOTE_FROM: Partial<Record<DType, DType>> = {
  float32: 'int32', float64: 'float32', float16: 'int8', bfloat16: 'uint8',
  int32: 'int8', int64: 'int32', int8: 'bool', uint8: 'bool',
};

type Variant = { kind: 'layout' | 'inPlace'; c: ElementwiseCase } | { kind: 'scalarA' | 'scalarB' | 'castOut' | 'promote' };

interface Operands {
  a: Operand;
  b: Operand;
  oa: OracleOperand;
  ob: OracleOperand;
}

function scalar(h: Harness, dtype: DType, domain: Domain): number {
  return Number(h.flushed(drawValue(h.rng, dtype === 'int64' ? 'int32' : dtype, domain), dtype));
}

function asOperands(a: Pair | number, b: Pair | number): Operands {
  return {
    a: typeof a === 'number' ? a : a.view,
    b: typeof b === 'number' ? b : b.view,
    oa: typeof a === 'number' ? a : a.oracle,
    ob: typeof b === 'number' ? b : b.oracle,
  };
}

async function runCase(ctx: SuiteContext, op: BinaryOp, dtype: DType, v: Variant, label: string): Promise<void> {
  const spec = BINARY_SPECS[op];
  const [da, db] = spec.domains;
  const c = v.kind === 'layout' || v.kind === 'inPlace' ? v.c : (ELEMENTWISE_CASES[0] as ElementwiseCase);
  const comparison = COMPARISON_OPS.has(op);
  const outDtype: DType = comparison ? 'bool' : v.kind === 'castOut' ? (CAST_OUT[dtype] ?? dtype) : dtype;
  const aDtype: DType = v.kind === 'promote' ? (PROMOTE_FROM[dtype] ?? dtype) : dtype;
  await withHarness(ctx.backend, `binary ${op} ${dtype} ${label}`, async (h) => {
    const a = v.kind === 'scalarA' ? scalar(h, dtype, da) : h.tensor(aDtype, c.shape, inputLayout(c, 0), da);
    const b = v.kind === 'scalarB' ? scalar(h, dtype, db) : h.tensor(dtype, c.shape, inputLayout(c, 1), db);
    const out = v.kind === 'inPlace' && typeof a !== 'number' ? a : h.tensor(outDtype, c.shape, c.out);
    const o = asOperands(a, b);
    if (v.kind === 'inPlace' && typeof o.oa !== 'number') o.oa = { ...o.oa, data: [...o.oa.data] };
    ctx.backend.binary(op, o.a, o.b, out.view, dtype);
    binaryOracle(op, o.oa, o.ob, out.oracle, dtype);
    const tol = spec.exact || comparison ? exact(spec.signedZero) : approx(dtype);
    const at = (x: OracleOperand, idx: readonly number[]): string => show(typeof x === 'number' ? x : getAt(x, idx));
    await h.expect(out, tol, `binary ${op} out`, (idx) => `a = ${at(o.oa, idx)}, b = ${at(o.ob, idx)}`);
  });
}

/**
 * Registers the binary tests.
 *
 * @example describeBinary({ name: 'cpu', backend, dtypes: ['float32'] })
 */
export function describeBinary(ctx: SuiteContext): void {
  describe('binary', () => {
    for (const op of BINARY_OPS) {
      describe(op, () => {
        for (const dtype of ctx.dtypes.filter((d) => inClass(d, BINARY_SPECS[op].dtypes))) {
          for (const c of ELEMENTWISE_CASES) it(caseName(dtype, c), () => runCase(ctx, op, dtype, { kind: 'layout', c }, c.name));
          if (!COMPARISON_OPS.has(op)) for (const c of IN_PLACE_CASES) it(caseName(dtype, c), () => runCase(ctx, op, dtype, { kind: 'inPlace', c }, c.name));
          it(`${dtype} scalar a`, () => runCase(ctx, op, dtype, { kind: 'scalarA' }, 'scalar a'));
          it(`${dtype} scalar b`, () => runCase(ctx, op, dtype, { kind: 'scalarB' }, 'scalar b'));
          const cast = CAST_OUT[dtype];
          if (!COMPARISON_OPS.has(op) && cast && ctx.dtypes.includes(cast)) {
            it(`${dtype} → ${cast} out (computed in ${dtype})`, () => runCase(ctx, op, dtype, { kind: 'castOut' }, 'cast out'));
          }
          const from = PROMOTE_FROM[dtype];
          if (from && ctx.dtypes.includes(from)) {
            it(`${dtype} with a ${from} operand`, () => runCase(ctx, op, dtype, { kind: 'promote' }, 'promote'));
          }
        }
      });
    }
  });
}
