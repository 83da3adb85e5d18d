// Shape and order ops against PyTorch 1.13: flip … einsum, and more
// flatten/unflatten/diagonal/movedim ranges. Fixtures: tools/fixtures/shape_order.py
// → test/fixtures/shape_order.json (regenerate, never hand-edit).

import { it } from 'vitest';
import { describeByOp } from './fixtureTools.js';
import { loadCases, runCase } from './opCases.js';
import { apply } from './shapeOrderApply.js';

const fixture = loadCases('shape_order.json');

describeByOp(`shape and order ops against PyTorch ${fixture.torch}`, fixture.cases, (c) => it(c.name, () => runCase(c, apply)));
