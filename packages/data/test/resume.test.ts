// Saving and restoring a DataLoader's position: a checkpoint taken mid-epoch resumes
// with the same remaining batches (order, and the random draws of the samples).
import { Generator, getRNGState, manualSeed, rand, setRNGState } from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import type { DataLoaderOptions, DataLoaderState } from '../src/index.js';
import { DataLoader, DistributedSampler, IterableDataset, RandomSampler } from '../src/index.js';
import { SeedProbe } from './workerDatasets.js';

/** Sample i: [i, a draw of the default generator] (an augmentation's randomness). */
const noisy = { length: 23, get: (i: number) => [i, rand(1).itemSync()] as [number, number] };

type Batch = unknown;
const show = (b: Batch): unknown => JSON.parse(JSON.stringify(b, (_k, v: unknown) => (v !== null && typeof v === 'object' && 'tolistSync' in v ? (v as Tensor).tolistSync() : typeof v === 'bigint' ? String(v) : v)));

/**
 * Runs two epochs straight through, then again stopping after `stopAt` batches of the first,
 * checkpointing (loader state + default generator state), and finishing in a fresh loader.
 */
async function checkResume(make: () => DataLoader<unknown, Batch>, stopAt: number): Promise<void> {
  manualSeed(7);
  const straight = make();
  const epochs: unknown[][] = [];
  for (let e = 0; e < 2; e++) {
    const batches: unknown[] = [];
    for await (const b of straight) batches.push(show(b));
    epochs.push(batches);
  }
  const afterTwo = rand(2).tolistSync();

  manualSeed(7);
  const first = make();
  const seen: unknown[] = [];
  let saved: { loader: DataLoaderState; rng: Tensor } | undefined;
  for await (const b of first) {
    seen.push(show(b));
    if (seen.length === stopAt) {
      saved = { loader: first.stateDict(), rng: getRNGState() };
      break;
    }
  }
  expect(seen).toEqual(epochs[0]!.slice(0, stopAt));
  expect(saved!.loader.batchesYielded).toBe(stopAt);
  expect(saved!.loader.epoch).toBe(1);

  // a new run: other draws happen first, then the checkpoint is restored
  manualSeed(12345);
  rand(5);
  const resumed = make();
  setRNGState(saved!.rng);
  resumed.loadStateDict(saved!.loader);
  const rest: unknown[] = [];
  for await (const b of resumed) rest.push(show(b));
  expect(rest).toEqual(epochs[0]!.slice(stopAt));
  expect(resumed.stateDict()).toMatchObject({ epoch: 1, batchesYielded: epochs[0]!.length, finished: true });
  const next: unknown[] = [];
  for await (const b of resumed) next.push(show(b));
  expect(next).toEqual(epochs[1]);
  expect(resumed.stateDict().epoch).toBe(2);
  expect(rand(2).tolistSync()).toEqual(afterTwo);
}

describe('DataLoader.stateDict / loadStateDict', () => {
  const mk = (opts: DataLoaderOptions<unknown, Batch>, ds: unknown = noisy) => () => new DataLoader(ds as typeof noisy, opts) as unknown as DataLoader<unknown, Batch>;

  it('resumes a shuffled epoch (default generator) mid-way', async () => {
    await checkResume(mk({ batchSize: 4, shuffle: true }), 3);
  });

  it('resumes with an explicit generator, a RandomSampler with replacement, dropLast', async () => {
    // each run makes its own generator, as a new process would; the loader restores its state
    await checkResume(() => new DataLoader(noisy, { batchSize: 5, shuffle: true, generator: new Generator().manualSeed(3), dropLast: true }) as unknown as DataLoader<unknown, Batch>, 2);
    await checkResume(() => new DataLoader(noisy, { batchSize: 3, sampler: new RandomSampler(noisy, { replacement: true, numSamples: 40 }) }) as unknown as DataLoader<unknown, Batch>, 7);
  });

  it('resumes right after the iteration started, and at its last batch', async () => {
    await checkResume(mk({ batchSize: 4, shuffle: true }), 1);
    await checkResume(mk({ batchSize: 4, shuffle: true }), 6);
  });

  it('resumes a DistributedSampler at its epoch', async () => {
    const make = () => {
      const s = new DistributedSampler(noisy, { numReplicas: 2, rank: 1, seed: 5 });
      s.setEpoch(4);
      return new DataLoader(noisy, { batchSize: 2, sampler: s }) as unknown as DataLoader<unknown, Batch>;
    };
    await checkResume(make, 3);
  });

  it('resumes an IterableDataset (the skipped samples are pulled again, their draws undone)', async () => {
    class Stream extends IterableDataset<[number, number]> {
      async *[Symbol.asyncIterator]() {
        for (let i = 0; i < 11; i++) yield [i, rand(1).itemSync()] as [number, number];
      }
    }
    await checkResume(mk({ batchSize: 2 }, new Stream()), 2);
  });

  it('resumes with workers: each worker replays its share, so its random state continues', async () => {
    await checkResume(mk({ batchSize: 2, shuffle: true, numWorkers: 2 }, new SeedProbe(14)), 3);
  });

  it('starts a new epoch after a finished one, and refuses what is not a state', async () => {
    const loader = new DataLoader([1, 2, 3], { batchSize: 2 });
    for await (const _ of loader) void _;
    const s = loader.stateDict();
    expect(s).toMatchObject({ epoch: 1, batchesYielded: 2, finished: true, samplerEpoch: null });
    const other = new DataLoader([1, 2, 3], { batchSize: 2 });
    other.loadStateDict(s);
    const batches: unknown[] = [];
    for await (const b of other) batches.push(b.tolistSync());
    expect(batches).toEqual([[1, 2], [3]]);
    expect(other.stateDict().epoch).toBe(2);
    expect(() => other.loadStateDict({} as DataLoaderState)).toThrow('loadStateDict: not a DataLoader state');
  });
});
