// Samplers and randomSplit against PyTorch 1.13's orders (test/fixtures/data.json).
import { Generator, manualSeed, rand } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import {
  BatchSampler, DistributedSampler, RandomSampler, SequentialSampler, SubsetRandomSampler, WeightedRandomSampler, randomSplit,
} from '../src/index.js';
import type { Case, Order } from './fixtures.js';
import { cases, expectOrder } from './fixtures.js';

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** The generator a case draws from: the default one seeded (null), or an explicit one (the default seeded with 999 aside). */
function generatorOf(c: Case): Generator | null {
  if (c.generator === 'default') {
    manualSeed(c.seed as number);
    return null;
  }
  manualSeed(999);
  return new Generator().manualSeed(c.seed as number);
}

function expectAfter(after: number[]): void {
  expect(rand(3).tolistSync()).toEqual(after.map(Math.fround));
}

describe('RandomSampler', () => {
  for (const c of cases('randomSampler')) {
    it(`n=${c.n} replacement=${c.replacement} numSamples=${c.numSamples} seed=${c.seed} ${c.generator}`, () => {
      const g = generatorOf(c);
      const s = new RandomSampler(range(c.n as number), { replacement: c.replacement as boolean, numSamples: c.numSamples as number | null, generator: g });
      for (const want of c.orders as Order[]) expectOrder([...s], want);
      expectAfter(c.after as number[]);
      expect(s.length).toBe((c.numSamples as number | null) ?? c.n);
    });
  }

  it('refuses num_samples <= 0 as PyTorch does', () => {
    expect(() => new RandomSampler([])).toThrow('num_samples should be a positive integer value, but got num_samples=0');
    expect(() => new RandomSampler([1], { numSamples: -2 })).toThrow('but got num_samples=-2');
  });

  it('takes its arguments positionally too', () => {
    const g = new Generator().manualSeed(3);
    const a = [...new RandomSampler(range(5), false, 5, g)];
    expect(a.sort()).toEqual(range(5));
    expect(() => new RandomSampler(range(5), { replacment: true } as never)).toThrow("unexpected keyword argument 'replacment'");
  });
});

describe('SubsetRandomSampler', () => {
  for (const c of cases('subsetRandom')) {
    it(`${(c.indices as number[]).length} indices, ${c.generator}`, () => {
      const g = generatorOf(c);
      const s = new SubsetRandomSampler(c.indices as number[], { generator: g });
      for (const want of c.orders as Order[]) expectOrder([...s], want);
    });
  }
});

describe('WeightedRandomSampler', () => {
  for (const c of cases('weighted')) {
    it(`${(c.weights as number[]).length} weights, ${c.numSamples} samples, replacement=${c.replacement}, seed ${c.seed}, ${c.generator}`, () => {
      const g = generatorOf(c);
      const s = new WeightedRandomSampler(c.weights as number[], c.numSamples as number, { replacement: c.replacement as boolean, generator: g });
      for (const want of c.orders as Order[]) expectOrder([...s], want);
      expect(s.length).toBe(c.numSamples);
    });
  }

  it('checks its arguments', () => {
    expect(() => new WeightedRandomSampler([1, 2], 0)).toThrow('num_samples should be a positive integer value, but got num_samples=0');
  });
});

describe('DistributedSampler', () => {
  for (const c of cases('distributed')) {
    it(`n=${c.n} replicas=${c.numReplicas} rank=${c.rank} shuffle=${c.shuffle} seed=${c.seed} dropLast=${c.dropLast}`, () => {
      const s = new DistributedSampler(range(c.n as number), {
        numReplicas: c.numReplicas as number, rank: c.rank as number, shuffle: c.shuffle as boolean, seed: c.seed as number, dropLast: c.dropLast as boolean,
      });
      expect(s.length).toBe(c.length);
      for (const e of c.epochs as { epoch: number; order: Order }[]) {
        s.setEpoch(e.epoch);
        expectOrder([...s], e.order);
      }
    });
  }

  it('needs numReplicas and rank (there is no process group)', () => {
    expect(() => new DistributedSampler([1, 2])).toThrow('Default process group has not been initialized');
    expect(() => new DistributedSampler([1, 2], 2, 2)).toThrow('Invalid rank 2, rank should be in the interval [0, 1]');
  });
});

describe('randomSplit', () => {
  for (const c of cases('randomSplit')) {
    it(`n=${c.n} lengths=${JSON.stringify(c.lengths)} ${c.generator}`, () => {
      const g = generatorOf(c);
      const parts = g === null ? randomSplit(range(c.n as number), c.lengths as number[]) : randomSplit(range(c.n as number), c.lengths as number[], { generator: g });
      const splits = c.splits as Order[];
      expect(parts.length).toBe(splits.length);
      parts.forEach((p, i) => expectOrder(Array.from({ length: p.length }, (_, k) => p.get(k) as number), splits[i]!));
      expectAfter(c.after as number[]);
    });
  }
  for (const c of cases('randomSplitError')) {
    it(`refuses ${JSON.stringify(c.lengths)} as PyTorch does`, () => {
      const err = c.error as { message: string };
      expect(() => randomSplit(range(c.n as number), c.lengths as number[])).toThrow(err.message);
    });
  }
});

describe('BatchSampler', () => {
  for (const c of cases('batchSampler')) {
    it(`n=${c.n} batchSize=${c.batchSize} dropLast=${c.dropLast}`, () => {
      const s = new BatchSampler(new SequentialSampler(range(c.n as number)), c.batchSize as number, c.dropLast as boolean);
      expect([...s]).toEqual(c.batches);
      expect(s.length).toBe(c.length);
    });
  }

  it('checks batch_size', () => {
    expect(() => new BatchSampler(new SequentialSampler([1]), 0, false)).toThrow('batch_size should be a positive integer value, but got batch_size=0');
  });
});
