// alloc / write / read / readSync: round trips, writes at an offset, reads of strided views.

import { describe, expect, it } from 'vitest';
import type { DType, StorageArray, View } from '@torchlet/tensor/backend';
import type { SuiteContext } from '../context.js';
import { describeView, withHarness } from '../harness.js';
import type { LayoutKind } from '../layout.js';
import { fromStorage, toStorage, viewValues, type Scalar } from '../reference/index.js';
import { exact, within } from '../tolerance.js';
import { drawValue } from '../values.js';

const STORAGE_TYPE: Record<DType, string> = {
  float32: 'Float32Array', float64: 'Float64Array', float16: 'Uint16Array', bfloat16: 'Uint16Array',
  int32: 'Int32Array', int64: 'BigInt64Array', int8: 'Int8Array', uint8: 'Uint8Array', bool: 'Uint8Array',
};

const READ_CASES: readonly { name: string; shape: readonly number[]; layout: LayoutKind }[] = [
  { name: 'contiguous', shape: [4, 5, 6], layout: 'contiguous' },
  { name: 'transposed', shape: [3, 4, 5], layout: 'transposed' },
  { name: 'broadcast', shape: [3, 4, 5], layout: 'broadcast' },
  { name: 'offset', shape: [3, 4, 5], layout: 'offset' },
  { name: 'sliced', shape: [3, 4, 5], layout: 'sliced' },
  { name: 'zero-size', shape: [3, 0, 4], layout: 'sliced' },
  { name: 'rank 0', shape: [], layout: 'offset' },
];

/** Checks a storage array's type, length and values against the oracle's. */
function expectValues(got: StorageArray, dtype: DType, expected: readonly Scalar[], what: string): void {
  expect(got.constructor.name, `${what}: storage array type`).toBe(STORAGE_TYPE[dtype]);
  expect(got.length, `${what}: length`).toBe(expected.length);
  const values = fromStorage(got, dtype);
  const bad = expected.findIndex((e, i) => !within(values[i] ?? NaN, e, exact(true)));
  if (bad >= 0) throw new Error(`${what}: element ${bad} is ${String(values[bad])}, expected ${String(expected[bad])}`);
}

/**
 * Registers the storage tests.
 *
 * @example describeStorage({ name: 'cpu', backend, dtypes: ['float16'] })
 */
export function describeStorage(ctx: SuiteContext): void {
  const { backend } = ctx;
  describe('storage', () => {
    it('stores float32, int64 and bool (values, indices and masks on every device)', () => {
      for (const d of ['float32', 'int64', 'bool'] as const) expect(backend.dtypes.has(d), d).toBe(true);
    });
    for (const dtype of ctx.dtypes) {
      it(`${dtype} write then read round-trips`, () =>
        withHarness(backend, `storage roundtrip ${dtype}`, async (h) => {
          const x = h.tensor(dtype, [37]);
          expectValues(await backend.read(x.view), dtype, x.oracle.data, `read ${dtype}`);
        }));
      it(`${dtype} write at an offset leaves the rest`, () =>
        withHarness(backend, `storage write offset ${dtype}`, async (h) => {
          const x = h.tensor(dtype, [20]);
          const patch = Array.from({ length: 7 }, () => drawValue(h.rng, dtype, 'any'));
          backend.write(x.view.buf, toStorage(patch, dtype), 5);
          patch.forEach((v, i) => (x.oracle.data[5 + i] = v));
          expectValues(await backend.read(x.view), dtype, x.oracle.data, `read after write(…, 5)`);
        }));
      for (const c of READ_CASES) {
        const run = async (sync: boolean): Promise<void> =>
          withHarness(backend, `storage read ${dtype} ${c.name}`, async (h) => {
            const x = h.tensor(dtype, c.shape, c.layout);
            const view: View = x.view;
            const got = sync && backend.readSync ? backend.readSync(view) : await backend.read(view);
            expectValues(got, dtype, viewValues(x.oracle), `${sync ? 'readSync' : 'read'} of ${describeView(x.oracle)}`);
          });
        it(`${dtype} read ${c.name}`, () => run(false));
        if (backend.readSync) it(`${dtype} readSync ${c.name}`, () => run(true));
      }
    }
    it('sync() resolves', async () => {
      await backend.sync();
    });
  });
}
