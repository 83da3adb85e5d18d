// The dataset classes of torch.utils.data: TensorDataset, ConcatDataset, ChainDataset, Subset, StackDataset.
import { arange, tensor } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import { ChainDataset, ConcatDataset, DataLoader, Dataset, IterableDataset, RandomSampler, StackDataset, Subset, TensorDataset } from '../src/index.js';

class Stream extends IterableDataset<number> {
  constructor(readonly from: number, readonly n: number) {
    super();
  }
  get length(): number {
    return this.n;
  }
  async *[Symbol.asyncIterator](): AsyncIterator<number> {
    for (let i = 0; i < this.n; i++) yield this.from + i;
  }
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('dataset classes', () => {
  it('TensorDataset indexes its tensors along dimension 0 and checks their sizes', () => {
    const ds = new TensorDataset(arange(6).view(3, 2), tensor([7, 8, 9]));
    expect(ds.length).toBe(3);
    const [x, y] = ds.get(2);
    expect(x!.tolistSync()).toEqual([4, 5]);
    expect(y!.tolistSync()).toBe(9);
    expect(() => new TensorDataset(arange(3), arange(4))).toThrow('Size mismatch between tensors');
    expect(() => new TensorDataset()).toThrow('TensorDataset needs at least one tensor');
  });

  it('ConcatDataset finds each index in its part, negative indices from the end', async () => {
    const ds = new ConcatDataset<string>([['a', 'b'], { length: 3, get: async (i: number) => `c${i}` }, ['z']]);
    expect(ds.length).toBe(6);
    expect(ds.cumulativeSizes).toEqual([2, 5, 6]);
    expect(await Promise.all([0, 1, 2, 4, 5].map((i) => ds.get(i)))).toEqual(['a', 'b', 'c0', 'c2', 'z']);
    expect(ds.get(-1)).toBe('z');
    expect(() => ds.get(-7)).toThrow('absolute value of index should not exceed dataset length');
    expect(() => new ConcatDataset([])).toThrow('datasets should not be an empty iterable');
    expect(() => new ConcatDataset([new Stream(0, 2) as never])).toThrow('ConcatDataset does not support IterableDataset');
  });

  it('ChainDataset streams its datasets in turn, with the sum of their lengths', async () => {
    const ds = new ChainDataset([new Stream(0, 2), new Stream(10, 3)]);
    expect(await all(ds)).toEqual([0, 1, 10, 11, 12]);
    expect(ds.length).toBe(5);
    await expect(all(new ChainDataset([[1, 2] as never]))).rejects.toThrow('ChainDataset only supports IterableDataset');
  });

  it('Subset sees a dataset through indices', () => {
    const s = new Subset(['a', 'b', 'c', 'd'], [3, 1]);
    expect(s.length).toBe(2);
    expect([s.get(0), s.get(1), s.get(-1)]).toEqual(['d', 'b', 'b']);
    expect(() => s.get(2)).toThrow('list index out of range');
  });

  it('StackDataset zips datasets into tuples or named objects, awaiting async parts', async () => {
    const tuple = new StackDataset([1, 2], ['a', 'b']);
    expect(tuple.get(1)).toEqual([2, 'b']);
    const named = new StackDataset({ x: [1, 2], y: { length: 2, get: async (i: number) => i * 10 } });
    expect(await named.get(1)).toEqual({ x: 2, y: 10 });
    expect(() => new StackDataset([1], [1, 2])).toThrow('Size mismatch between datasets');
    const batches = await all(new DataLoader(named, { batchSize: 2 }));
    expect(batches[0]!.x.tolistSync()).toEqual([1, 2]);
  });

  it('a Dataset subclass works in the loader; a plain-object dataset is not taken for options', async () => {
    class Squares extends Dataset<number> {
      get length(): number {
        return 4;
      }
      get(i: number): number {
        return i * i;
      }
    }
    expect((await all(new DataLoader(new Squares(), { batchSize: 4 })))[0]!.tolistSync()).toEqual([0, 1, 4, 9]);
    const plain = { length: 3, get: (i: number) => i };
    expect([...new RandomSampler(plain)].sort()).toEqual([0, 1, 2]);
    expect((await all(new DataLoader(plain))).length).toBe(3);
    // with workers it says how to make the class rebuildable
    await expect(all(new DataLoader(new Squares(), { numWorkers: 1 }))).rejects.toThrow("Squares cannot be rebuilt in a DataLoader worker: give it a workerSpec() method returning { module: import.meta.url, name: 'Squares'");
  });
});
