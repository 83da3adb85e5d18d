// Every differentiable op of @torchlet/tensor has a derivative and gradcheck cases, and
// gradcheck and gradgradcheck pass for all of them (float64, PyTorch's tolerances).
import './setup.js';
import { describe, expect, it } from 'vitest';
import { opRegistry } from '@torchlet/tensor';
import { derivatives } from '../src/index.js';
import { gradcheck, gradgradcheck } from '../src/gradcheck.js';
import { opCases } from './opCases.js';

const differentiable = [...opRegistry.values()].filter((op) => op.differentiable).map((op) => op.name);

describe('the op registry', () => {
  it('has a derivative and a gradcheck case for every differentiable op', () => {
    const noDerivative = differentiable.filter((op) => !derivatives.has(op));
    const noCase = differentiable.filter((op) => !(opCases[op]?.length));
    expect({ noDerivative, noCase }).toEqual({ noDerivative: [], noCase: [] });
  });
  it('has no derivative or case for an op that is not registered', () => {
    expect([...derivatives.keys()].filter((op) => !opRegistry.has(op))).toEqual([]);
    expect(Object.keys(opCases).filter((op) => !opRegistry.has(op))).toEqual([]);
  });
});

for (const op of differentiable) {
  describe(op, () => {
    for (const k of opCases[op] ?? []) {
      if (k.raises !== undefined) {
        it(`backward raises: ${k.name}`, () => {
          expect(() => gradcheck(k.fn, k.inputs(), k.opts)).toThrow(k.raises);
        });
        continue;
      }
      it(`gradcheck: ${k.name}`, () => {
        expect(gradcheck(k.fn, k.inputs(), k.opts)).toBe(true);
      });
      if (!k.noGradgrad) {
        it(`gradgradcheck: ${k.name}`, () => {
          expect(gradgradcheck(k.fn, k.inputs(), null, k.opts)).toBe(true);
        });
      }
    }
  });
}
