// Training checkpoints: what they hold, atomic replacement with injected failures (disk full,
// failed fsync, failed rename) through the FileSystem seam, stale temporary files, rotation.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileSystem, WritableFile } from '../src/index.js';
import { CheckpointError, defaultFileSystem, latestCheckpoint, load, loadCheckpoint, saveCheckpoint } from '../src/index.js';
import { TinyLoader, TinyModel, TinyScheduler, TinySGD } from './stateful.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'torchlet-ckpt-'));

function parts(seed: number) {
  const g = new torch.Generator().manualSeed(seed);
  const model = new TinyModel(4, 3, g);
  const optimizer = new TinySGD(3, 0.1);
  optimizer.momentum[0] = torch.randn([3, 4], { generator: g });
  const scheduler = new TinyScheduler();
  scheduler.lastEpoch = seed;
  const loader = new TinyLoader();
  Object.assign(loader, { epoch: 2, batch: 7, perm: torch.randperm(10, { generator: g }) });
  torch.rand(5, { generator: g }); // move the generator on
  return { model, optimizer, scheduler, loader, generator: g };
}

describe('what a checkpoint holds', () => {
  it('model, optimizer, scheduler, loader position, generator state, counters and extra come back', async () => {
    const dir = fresh();
    const a = parts(1);
    await saveCheckpoint(join(dir, 'c.pt'), { ...a, step: 123, epoch: 2, extra: { best: 0.25, note: 'x', hist: [1, 2] } });
    const b = parts(2);
    const got = await loadCheckpoint(join(dir, 'c.pt'), { model: b.model, optimizer: b.optimizer, scheduler: b.scheduler, loader: b.loader, generator: b.generator });
    expect([got.step, got.epoch, got.extra]).toEqual([123, 2, { best: 0.25, note: 'x', hist: [1, 2] }]);
    for (const k of Object.keys(a.model.params)) expect(b.model.params[k]!.equal(a.model.params[k]!), k).toBe(true);
    expect(b.optimizer.momentum[0]!.equal(a.optimizer.momentum[0]!)).toBe(true);
    expect(b.optimizer.momentum[1]).toBeNull();
    expect(b.scheduler.lastEpoch).toBe(1);
    expect([b.loader.epoch, b.loader.batch, b.loader.perm.tolistSync()]).toEqual([2, 7, a.loader.perm.tolistSync()]);
    // the generators continue identically
    expect(torch.rand(4, { generator: b.generator }).tolistSync()).toEqual(torch.rand(4, { generator: a.generator }).tolistSync());
  });

  it("is a .pt dict torch.load reads, the optimizer's state keyed by ints as PyTorch's", async () => {
    const dir = fresh();
    const a = parts(1);
    await saveCheckpoint(join(dir, 'c.pt'), { model: a.model, optimizer: a.optimizer, generator: { cpu: a.generator }, step: 1 });
    const raw = (await load(join(dir, 'c.pt'))) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(['torchlet_checkpoint', 'model', 'optimizer', 'generator', 'step']);
    const state = (raw.generator as Record<string, torch.Tensor>).cpu!;
    expect([state.dtype, state.shape]).toEqual(['uint8', [5056]]);
    expect(readFileSync(join(dir, 'c.pt')).includes(Buffer.from('momentum_buffer'))).toBe(true);
  });

  it('refuses what it cannot do, clearly', async () => {
    const dir = fresh();
    await saveCheckpoint(join(dir, 'c.pt'), { model: parts(1).model, step: 1 });
    await expect(loadCheckpoint(join(dir, 'c.pt'), { optimizer: parts(1).optimizer })).rejects.toThrow(/c\.pt: the checkpoint holds no 'optimizer' state/);
    await expect(loadCheckpoint(join(dir, 'c.pt'), { generator: { cpu: parts(1).generator } })).rejects.toThrow(/holds no state of generator 'cpu'/);
    await expect(saveCheckpoint(join(dir, 'c.safetensors'), { step: 1 })).rejects.toThrow(/not implemented: training checkpoints are \.pt\/\.pth files/);
    await expect(saveCheckpoint(join(dir, 'c.pt'), { step: 1 }, { keepLast: 2 })).rejects.toThrow(/keepLast needs a path with \{step\}/);
    await expect(saveCheckpoint(join(dir, 's{step}.pt'), {})).rejects.toThrow(/needs a non-negative integer step/);
    const plain = join(dir, 'plain.pt');
    await (await import('../src/io.js')).save({ w: torch.ones(1) }, plain);
    await expect(loadCheckpoint(plain)).rejects.toThrow(CheckpointError);
    await expect(loadCheckpoint(join(dir, 'none-{step}.pt'))).rejects.toThrow(/no checkpoint matches this path yet/);
  });
});

describe('rotation and stale temporary files', () => {
  it('keeps the last N of a {step} path, and loads the newest', async () => {
    const dir = fresh();
    const template = join(dir, 'step-{step}.pt');
    const p = parts(1);
    for (const step of [1, 2, 10, 11, 30]) await saveCheckpoint(template, { model: p.model, step }, { keepLast: 3 });
    expect(readdirSync(dir).sort()).toEqual(['step-10.pt', 'step-11.pt', 'step-30.pt']);
    expect(await latestCheckpoint(template)).toBe(join(dir, 'step-30.pt'));
    expect((await loadCheckpoint(template, { model: parts(2).model })).step).toBe(30);
  });

  it('removes the temporary files a crash left, and only its own', async () => {
    const dir = fresh();
    writeFileSync(join(dir, '.c.pt.tmp-0123456789abcdef'), 'half a checkpoint');
    writeFileSync(join(dir, '.other.pt.tmp-0123456789abcdef'), 'not ours');
    writeFileSync(join(dir, 'notes.txt'), 'user file');
    await saveCheckpoint(join(dir, 'c.pt'), { step: 1 });
    expect(readdirSync(dir).sort()).toEqual(['.other.pt.tmp-0123456789abcdef', 'c.pt', 'notes.txt']);
    writeFileSync(join(dir, '.s-4.pt.tmp-00000000000000aa'), 'x');
    await saveCheckpoint(join(dir, 's-{step}.pt'), { step: 5 });
    expect(readdirSync(dir).includes('.s-4.pt.tmp-00000000000000aa')).toBe(false);
  });
});

/** Node's file system with one operation made to fail. */
async function failing(kind: 'enospc' | 'fsync' | 'rename' | 'dirsync', afterBytes = 1000): Promise<FileSystem> {
  const real = await defaultFileSystem();
  const err = (code: string, what: string) => Object.assign(new Error(`${code}: ${what}`), { code });
  return {
    ...real,
    async create(path, opts) {
      const f = await real.create(path, opts);
      let written = 0;
      const wrapped: WritableFile = {
        async write(chunk) {
          if (kind === 'enospc' && written + chunk.byteLength > afterBytes) {
            await f.write(chunk.subarray(0, Math.max(0, afterBytes - written))); // a partial write, then the disk is full
            throw err('ENOSPC', 'no space left on device, write');
          }
          written += chunk.byteLength;
          await f.write(chunk);
        },
        sync: () => (kind === 'fsync' ? Promise.reject(err('EIO', 'i/o error, fsync')) : f.sync()),
        close: () => f.close(),
      };
      return wrapped;
    },
    rename: (from, to) => (kind === 'rename' ? Promise.reject(err('EXDEV', 'cross-device link not permitted, rename')) : real.rename(from, to)),
    syncDir: (dir) => (kind === 'dirsync' ? Promise.reject(err('EIO', 'i/o error, fsync')) : real.syncDir(dir)),
  };
}

describe('injected failures', () => {
  for (const [kind, message] of [['enospc', /ENOSPC/], ['fsync', /EIO: i\/o error, fsync/], ['rename', /EXDEV/]] as const) {
    it(`${kind}: throws, leaves the old file byte-identical and no temporary file`, async () => {
      const dir = fresh();
      const path = join(dir, 'c.pt');
      const p = parts(1);
      await saveCheckpoint(path, { model: p.model, optimizer: p.optimizer, step: 1 });
      const before = readFileSync(path);
      p.model.params['fc.weight'] = p.model.params['fc.weight']!.mul(2);
      await expect(saveCheckpoint(path, { model: p.model, optimizer: p.optimizer, step: 2 }, { fs: await failing(kind) })).rejects.toThrow(message);
      expect(readFileSync(path).equals(before)).toBe(true);
      expect(readdirSync(dir)).toEqual(['c.pt']);
      expect((await loadCheckpoint(path)).step).toBe(1);
    });
  }

  it('a failed fsync of the directory is reported (the new file is already in place)', async () => {
    const dir = fresh();
    const path = join(dir, 'c.pt');
    await saveCheckpoint(path, { step: 1 });
    await expect(saveCheckpoint(path, { step: 2 }, { fs: await failing('dirsync') })).rejects.toThrow(/EIO/);
    expect(readdirSync(dir)).toEqual(['c.pt']);
    expect((await loadCheckpoint(path)).step).toBe(2);
  });
});
