// Shape and order ops against PyTorch 1.13: flip … einsum, and more
// flatten/unflatten/diagonal/movedim ranges. Fixtures: tools/fixtures/shape_order.py
// → test/fixtures/shape_order.json (regenerate, never hand-edit).

import { describe, it } from 'vitest';
import { byOp, loadCases, runCase } from './opCases.js';
import { apply } from './shapeOrderApply.js';

const fixture = loadCases('shape_order.json');

describe(`shape and order ops against PyTorch ${fixture.torch}`, () => {
  for (const [op, cases] of byOp(fixture.cases)) {
    describe(op, () => {
      for (const c of cases) it(c.name, () => runCase(c, apply));
    });
  }
});
