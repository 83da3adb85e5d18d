// DataLoader in the main thread: PyTorch's shuffle orders (fixtures), collation, options, errors.
import { Generator, manualSeed, rand, tensor } from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import { DataLoader, IterableDataset, SequentialSampler, BatchSampler, TensorDataset, defaultCollate, defaultConvert } from '../src/index.js';
import type { Case, Order } from './fixtures.js';
import { cases, expectOrder } from './fixtures.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

async function collect<B>(loader: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of loader) out.push(b);
  return out;
}

/** A fixture value decoded: {tensor} → Tensor, {tuple} → array. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('tensor' in o) {
      const t = o.tensor as { dtype: string; shape: number[]; values: (number | boolean)[] };
      return tensor(t.values as number[], { dtype: t.dtype as 'float32' }).reshape(t.shape);
    }
    if ('tuple' in o) return (o.tuple as unknown[]).map(decode);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

/** Compares batches: tensors by dtype, shape and values. */
function expectSame(got: unknown, want: unknown): void {
  if (want !== null && typeof want === 'object' && 'dtype' in want && 'shape' in want) {
    const w = want as Tensor;
    const g = got as Tensor;
    expect(g.dtype).toBe(w.dtype);
    expect(g.shape).toEqual(w.shape);
    expect(g.tolistSync()).toEqual(w.tolistSync());
  } else if (Array.isArray(want)) {
    expect(Array.isArray(got)).toBe(true);
    expect((got as unknown[]).length).toBe(want.length);
    want.forEach((w, i) => expectSame((got as unknown[])[i], w));
  } else if (want !== null && typeof want === 'object') {
    expect(Object.keys(got as object)).toEqual(Object.keys(want));
    for (const [k, w] of Object.entries(want)) expectSame((got as Record<string, unknown>)[k], w);
  } else expect(got).toEqual(want);
}

describe('DataLoader orders (PyTorch fixtures)', () => {
  for (const c of cases('loader')) {
    it(`n=${c.n} batchSize=${c.batchSize} shuffle=${c.shuffle} dropLast=${c.dropLast} seed=${c.seed} ${c.generator}`, async () => {
      let g: Generator | null = null;
      if (c.generator === 'default') manualSeed(c.seed as number);
      else {
        manualSeed(999);
        g = new Generator().manualSeed(c.seed as number);
      }
      const loader = new DataLoader(range(c.n as number), { batchSize: c.batchSize as number, shuffle: c.shuffle as boolean, dropLast: c.dropLast as boolean, generator: g });
      for (const epoch of c.epochs as { sizes: number[]; indices: Order }[]) {
        const batches = await collect(loader);
        expect(batches.map((b) => b.shape[0])).toEqual(epoch.sizes);
        expect(batches.every((b) => b.dtype === 'int64')).toBe(true);
        expectOrder(batches.flatMap((b) => b.tolistSync() as number[]), epoch.indices);
      }
      expect(rand(3).tolistSync()).toEqual((c.after as number[]).map(Math.fround));
      expect(loader.length).toBe((c.epochs as { sizes: number[] }[])[0]!.sizes.length);
    });
  }
});

describe('defaultCollate (PyTorch fixtures)', () => {
  for (const c of cases('collate')) {
    it(JSON.stringify(c.input).slice(0, 80), () => {
      expectSame(defaultCollate(decode(c.input) as unknown[]), decode(c.output));
    });
  }
  for (const c of cases('collateError')) {
    it(`refuses ${JSON.stringify(c.input)}`, () => {
      expect(() => defaultCollate(decode(c.input) as unknown[])).toThrow((c.error as { message: string }).message);
    });
  }
  it('takes typed arrays as NumPy arrays, refuses other objects', () => {
    expectSame(defaultCollate([new Float32Array([1, 2]), new Float32Array([3, 4])]), tensor([[1, 2], [3, 4]], { dtype: 'float32' }));
    expect(() => defaultCollate([new Map()])).toThrow('default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found Map');
    expectSame(defaultConvert({ a: [new Int32Array([1])], b: 'x' }), { a: [tensor([1], { dtype: 'int32' })], b: 'x' });
  });
});

describe('DataLoader', () => {
  it('batches a TensorDataset and has a length', async () => {
    const ds = new TensorDataset(tensor([[1, 2], [3, 4], [5, 6]]), tensor([7, 8, 9]));
    const loader = new DataLoader(ds, { batchSize: 2 });
    expect(loader.length).toBe(2);
    const batches = await collect(loader);
    expectSame(batches[0], [tensor([[1, 2], [3, 4]]), tensor([7, 8])]);
    expectSame(batches[1], [tensor([[5, 6]]), tensor([9])]);
  });

  it('calls async get() and a custom collateFn; batchSize null converts each sample', async () => {
    const ds = { length: 3, get: async (i: number) => ({ x: i * 2 }) };
    expect(await collect(new DataLoader(ds, { batchSize: 2, collateFn: (b: { x: number }[]) => b.map((s) => s.x) }))).toEqual([[0, 2], [4]]);
    expect(await collect(new DataLoader(ds, { batchSize: null }))).toEqual([{ x: 0 }, { x: 2 }, { x: 4 }]);
  });

  it('takes a batchSampler, and a sampler', async () => {
    const bs = new BatchSampler(new SequentialSampler(range(5)), 2, true);
    const batches = await collect(new DataLoader(range(5).map((i) => i * 10), { batchSampler: bs }));
    expect(batches.map((b) => b.tolistSync())).toEqual([[0, 10], [20, 30]]);
    const rev = { length: 3, *[Symbol.iterator]() { yield 2; yield 1; yield 0; } };
    expect((await collect(new DataLoader(['a', 'b', 'c'], { sampler: rev, batchSize: 2 })))).toEqual([['c', 'b'], ['a']]);
  });

  it('iterates an IterableDataset (async and sync streams), with length from the dataset', async () => {
    class Stream extends IterableDataset<number> {
      get length() {
        return 5;
      }
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < 5; i++) yield i;
      }
    }
    const loader = new DataLoader(new Stream(), { batchSize: 2 });
    expect(loader.length).toBe(3);
    expect((await collect(loader)).map((b) => b.tolistSync())).toEqual([[0, 1], [2, 3], [4]]);
    const drop = new DataLoader(new Stream(), { batchSize: 2, dropLast: true });
    expect((await collect(drop)).map((b) => b.tolistSync())).toEqual([[0, 1], [2, 3]]);
    const sync = { *[Symbol.iterator]() { yield 'a'; yield 'b'; } };
    expect(await collect(new DataLoader(sync, { batchSize: null }))).toEqual(['a', 'b']);
  });

  it('gives the dataset error unchanged in the main thread, and ends the pass', async () => {
    const ds = { length: 4, get: (i: number) => { if (i === 2) throw new RangeError('bad sample'); return i; } };
    const it = new DataLoader(ds, { batchSize: 1 })[Symbol.asyncIterator]();
    await it.next();
    await it.next();
    await expect(it.next()).rejects.toThrow(RangeError);
    expect((await it.next()).done).toBe(true);
  });

  it("refuses PyTorch's invalid combinations with PyTorch's messages", () => {
    const ds = range(4);
    expect(() => new DataLoader(ds, { numWorkers: -1 })).toThrow('num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.');
    expect(() => new DataLoader(ds, { timeout: -1 })).toThrow('timeout option should be non-negative');
    expect(() => new DataLoader(ds, { prefetchFactor: 3 })).toThrow('prefetch_factor option could only be specified in multiprocessing.let num_workers > 0 to enable multiprocessing.');
    expect(() => new DataLoader(ds, { persistentWorkers: true })).toThrow('persistent_workers option needs num_workers > 0');
    expect(() => new DataLoader(ds, { sampler: new SequentialSampler(ds), shuffle: true })).toThrow('sampler option is mutually exclusive with shuffle');
    expect(() => new DataLoader(ds, { batchSampler: [[0]], batchSize: 2 })).toThrow('batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last');
    expect(() => new DataLoader(ds, { batchSize: null, dropLast: true })).toThrow('batch_size=None option disables auto-batching and is mutually exclusive with drop_last');
    const stream = { async *[Symbol.asyncIterator]() { yield 1; } };
    expect(() => new DataLoader(stream, { shuffle: true })).toThrow('DataLoader with IterableDataset: expected unspecified shuffle option, but got shuffle=True');
    expect(() => new DataLoader(ds, { multiprocessingContext: 'spawn' })).toThrow('multiprocessing_context can only be used with multi-process loading (num_workers > 0), but got num_workers=0');
    expect(() => new DataLoader(ds, { numWorkers: 1, multiprocessingContext: 'fork' })).toThrow("multiprocessing_context option should specify a valid start method in ['spawn'], but got multiprocessing_context='fork'");
    expect(() => new DataLoader(ds, { batchsize: 2 } as never)).toThrow("DataLoader() got an unexpected keyword argument 'batchsize'");
  });

  it('takes PyTorch positional arguments', async () => {
    const batches = await collect(new DataLoader(range(5), 2, false));
    expect(batches.map((b) => b.tolistSync())).toEqual([[0, 1], [2, 3], [4]]);
  });
});
