// DataLoader with numWorkers > 0: real worker threads, PyTorch's worker seeds,
// order, errors, dying workers, timeouts, sharding, shutdown.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { manualSeed, rand } from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import { DataLoader, DataLoaderWorkerError } from '../src/index.js';
import { cases } from './fixtures.js';
import { Deadly, Faulty, RangeStream, SeedProbe, Slow, Squares, Tagged, failingInit, sumCollate, tagWorker } from './workerDatasets.js';

async function collect<B>(loader: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of loader) out.push(b);
  return out;
}

const values = (batches: [Tensor, Tensor][]): unknown[] => batches.map(([x, y]) => [x.dtype, x.tolistSync(), y.dtype, y.tolistSync()]);

describe('worker seeds (PyTorch fixtures)', () => {
  for (const c of cases('workerSeeds')) {
    it(`${c.numWorkers} workers, batchSize ${c.batchSize}, seed ${c.seed}, shuffle ${c.shuffle}`, async () => {
      manualSeed(c.seed as number);
      const loader = new DataLoader(new SeedProbe(c.n as number), { batchSize: c.batchSize as number, numWorkers: c.numWorkers as number, shuffle: c.shuffle as boolean });
      const batches = await collect(loader);
      const want = c.batches as { indices: number[]; workers: number[]; seeds: string[]; rand: number[][] }[];
      expect(batches.length).toBe(want.length);
      batches.forEach((b, i) => {
        const w = want[i]!;
        expect(b.index.tolistSync()).toEqual(w.indices);
        expect(b.worker.tolistSync()).toEqual(w.workers);
        expect(Array.from(b.seed.dataSync(), String)).toEqual(w.seeds);
        expect(b.rand.dtype).toBe('float32');
        expect(b.rand.tolistSync()).toEqual(w.rand.map((r) => r.map(Math.fround)));
      });
      // the main thread drew what PyTorch's drew (base seed, sampler seed)
      expect(rand(3).tolistSync()).toEqual((c.after as number[]).map(Math.fround));
    });
  }
});

describe('DataLoader workers', () => {
  it('yield, in order, exactly the batches of numWorkers: 0 (tensors handed over intact)', async () => {
    const opts = { batchSize: 3, shuffle: true } as const;
    manualSeed(4);
    const inline = values(await collect(new DataLoader(new Squares(20), opts)));
    for (const numWorkers of [1, 2, 3]) {
      manualSeed(4);
      const got = values(await collect(new DataLoader(new Squares(20, 15), { ...opts, numWorkers, prefetchFactor: 1 })));
      expect(got).toEqual(inline);
    }
    expect((inline[0] as unknown[])[0]).toBe('float32');
    expect((inline[0] as unknown[])[2]).toBe('int64');
  });

  it('yield batches as they finish with inOrder: false (the same batches)', async () => {
    const key = (b: unknown[]): string => JSON.stringify(b);
    const inline = values(await collect(new DataLoader(new Squares(16), { batchSize: 1 }))).map((b) => key(b as unknown[]));
    const loose = values(await collect(new DataLoader(new Squares(16, 40), { batchSize: 1, numWorkers: 2, inOrder: false }))).map((b) => key(b as unknown[]));
    expect([...loose].sort()).toEqual([...inline].sort());
    expect(loose).not.toEqual(inline);
  });

  it('report a loading error with the worker id, the sample index and the original error', async () => {
    const loader = new DataLoader(new Faulty(8, 5), { batchSize: 2, numWorkers: 2 });
    const seen: number[][] = [];
    let error: unknown;
    try {
      for await (const b of loader) seen.push(b.tolistSync() as number[]);
    } catch (e) {
      error = e;
    }
    expect(seen).toEqual([[0, 1], [2, 3]]);
    expect(error).toBeInstanceOf(DataLoaderWorkerError);
    const e = error as DataLoaderWorkerError;
    expect(e.workerId).toBe(0);
    expect(e.sampleIndex).toBe(5);
    expect(e.cause.name).toBe('TypeError');
    expect(e.cause.message).toBe('sample 5 is broken');
    expect(e.message).toContain('Caught TypeError in DataLoader worker 0 loading sample 5: sample 5 is broken');
    expect(e.cause.stack).toContain('workerDatasets');
  });

  it('report a worker that exits, and one killed by an uncaught error, without hanging', async () => {
    await expect(collect(new DataLoader(new Deadly(6, 3, 'exit'), { numWorkers: 2 }))).rejects.toThrow('DataLoader worker 1 exited unexpectedly (exit code 3)');
    await expect(collect(new DataLoader(new Deadly(6, 2, 'uncaught'), { numWorkers: 2 }))).rejects.toThrow(/DataLoader worker 0 exited unexpectedly \(exit code 1\): out of the blue/);
  });

  it('time out after `timeout` seconds', async () => {
    await expect(collect(new DataLoader(new Slow(4, 3000), { numWorkers: 1, timeout: 0.3 }))).rejects.toThrow('DataLoader timed out after 0.3 seconds');
  });

  it('shard an IterableDataset with getWorkerInfo, ending each worker with its stream', async () => {
    const batches = await collect(new DataLoader(new RangeStream(10), { batchSize: 2, numWorkers: 2 }));
    expect(batches.map((b) => b.tolistSync())).toEqual([[0, 20], [11, 31], [40, 60], [51, 71], [80], [91]]);
    const inline = await collect(new DataLoader(new RangeStream(5), { batchSize: 2 }));
    expect(inline.map((b) => b.tolistSync())).toEqual([[0, 10], [20, 30], [40]]);
  });

  it('run workerInitFn in each worker, and report its failure', async () => {
    const batches = await collect(new DataLoader(new Tagged(4), { batchSize: 2, numWorkers: 2, workerInitFn: tagWorker }));
    expect(batches.map((b) => b[1])).toEqual([['worker 0', 'worker 0'], ['worker 1', 'worker 1']]);
    const failing = collect(new DataLoader(new Tagged(4), { numWorkers: 1, workerInitFn: failingInit }));
    await expect(failing).rejects.toThrow('Caught Error in DataLoader worker 0 while starting: init of worker 0 failed');
  });

  it('run a collateFn given with workerFunction, and refuse what cannot travel', async () => {
    const sums = await collect(new DataLoader([1, 2, 3, 4, 5], { batchSize: 2, numWorkers: 2, collateFn: sumCollate }));
    expect(sums).toEqual([3, 7, 5]);
    const closure = new DataLoader([1, 2], { numWorkers: 1, collateFn: (b: number[]) => b.length });
    await expect(collect(closure)).rejects.toThrow('collateFn (function) cannot be sent to a DataLoader worker');
    const plain = new DataLoader({ length: 2, get: (i: number) => i }, { numWorkers: 1 });
    await expect(collect(plain)).rejects.toThrow('dataset.get (function) cannot be sent to a DataLoader worker');
  });

  it('keep persistent workers (and their generators) across epochs', async () => {
    manualSeed(0);
    const loader = new DataLoader(new SeedProbe(4), { batchSize: 2, numWorkers: 2, persistentWorkers: true });
    const first = await collect(loader);
    // break early, then a full epoch: the stale prefetched batches are dropped
    for await (const b of loader) {
      expect(b.index.tolistSync()).toEqual([0, 1]);
      break;
    }
    const third = await collect(loader);
    expect(third.map((b) => b.index.tolistSync())).toEqual([[0, 1], [2, 3]]);
    expect(third.map((b) => b.seed.tolistSync())).toEqual(first.map((b) => b.seed.tolistSync()));
    expect(third[0]!.rand.tolistSync()).not.toEqual(first[0]!.rand.tolistSync());
  });
});

describe('worker shutdown', () => {
  const script = fileURLToPath(new URL('./exitScript.ts', import.meta.url));
  const hooks = fileURLToPath(new URL('./registerTsHooks.mjs', import.meta.url));
  for (const mode of ['finish', 'break', 'drop', 'error']) {
    it(`lets the process exit when an iteration ends by '${mode}'`, () => {
      const r = spawnSync(process.execPath, ['--import', hooks, script, mode], { encoding: 'utf8', timeout: 60_000 });
      expect(r.signal, `the process was still running after 60 s: ${r.stderr}`).toBeNull();
      expect(r.stderr).toBe('');
      expect(r.stdout.trim()).toBe(`done ${mode}`);
      expect(r.status).toBe(0);
    });
  }
});
