// backend-conformance: the test suite every torchlet backend must pass. It runs
// every primitive and declared fast path over every dtype the backend stores and
// every stride pattern, against an independent oracle (./reference).

import { describe } from 'vitest';
import { DTYPES, type Backend } from '@torchlet/tensor/backend';
import { setOptions, type ConformanceOptions } from './options.js';
import type { SuiteContext } from './context.js';
import { describeBinary } from './suites/binary.js';
import { describeConv } from './suites/conv.js';
import { describeCopy } from './suites/copy.js';
import { describeFill } from './suites/fill.js';
import { describeIndexing } from './suites/indexing.js';
import { describeIndexingFastPaths } from './suites/indexingFastPaths.js';
import { describeMatmul } from './suites/matmul.js';
import { describePool } from './suites/pool.js';
import { describeRandomBits } from './suites/randomBits.js';
import { describeReduce } from './suites/reduce.js';
import { describeScan } from './suites/scan.js';
import { describeSoftmax } from './suites/softmax.js';
import { describeSort } from './suites/sort.js';
import { describeStorage } from './suites/storage.js';
import { describeUnary } from './suites/unary.js';
import { describeWhere } from './suites/where.js';

export type { ConformanceOptions } from './options.js';

/**
 * Registers the conformance suite of a backend as vitest `describe`/`it` blocks.
 * Call it at the top level of a test file; `makeBackend` runs once, while tests are collected.
 *
 * @example
 * // packages/cpu-backend/src/conformance.test.ts
 * import { describeConformance } from 'backend-conformance';
 * import { cpu } from './index.js';
 * describeConformance('cpu', () => cpu());
 * describeConformance('webgpu', () => webgpu(), { subnormals: 'flush' });
 */
export function describeConformance(name: string, makeBackend: () => Backend | Promise<Backend>, options: ConformanceOptions = {}): void {
  describe(`${name} backend conformance`, async () => {
    const backend = await makeBackend();
    setOptions(backend, options);
    const ctx: SuiteContext = { name, backend, dtypes: DTYPES.filter((d) => backend.dtypes.has(d)) };
    describeStorage(ctx);
    describeFill(ctx);
    describeCopy(ctx);
    describeUnary(ctx);
    describeBinary(ctx);
    describeWhere(ctx);
    describeReduce(ctx);
    describeMatmul(ctx);
    describeIndexing(ctx);
    describeRandomBits(ctx);
    describeSoftmax(ctx);
    describeScan(ctx);
    describeSort(ctx);
    describeIndexingFastPaths(ctx);
    describeConv(ctx);
    describePool(ctx);
  });
}
