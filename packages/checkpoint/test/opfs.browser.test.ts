// The same API in a browser (headless Chromium): paths go to the origin-private file system;
// Blobs, fetch bodies and streams stand in for files; training checkpoints stay atomic over OPFS.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import type { FileSystem } from '../src/index.js';
import { CheckpointError, defaultFileSystem, load, loadCheckpoint, loadFile, opfsFileSystem, safeOpen, save, saveCheckpoint, saveFile, safetensors } from '../src/index.js';
import type { ManifestFile } from './manifest.js';
import { matchManifest } from './manifest.js';
import { TinyModel, TinySGD } from './stateful.js';

const fixture = async (name: string) => (await fetch(new URL(`./fixtures/${name}`, import.meta.url))).blob();
const manifest = async () => (await (await fixture('manifest.json')).text().then(JSON.parse)) as ManifestFile;

async function opfsDir(name: string): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(name, { recursive: true }).catch(() => undefined);
  return root.getDirectoryHandle(name, { create: true });
}
async function names(dir: FileSystemDirectoryHandle): Promise<string[]> {
  const out: string[] = [];
  for await (const n of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(n);
  return out.sort();
}

describe('files from PyTorch, as Blobs and streams', () => {
  it('loadFile/safeOpen read a Blob lazily; load reads a fetch body stream', async () => {
    const m = await manifest();
    const blob = await fixture('cifar_cnn.safetensors');
    const sd = await loadFile(blob);
    await matchManifest(sd, (m.files['cifar_cnn.safetensors'] as { $dict: [string, never][] }).$dict.find(([k]) => k === 'tensors')![1], '$', { strides: false });
    const f = await safeOpen(blob, 'pt');
    expect((await f.getTensor('fc3.bias')).shape).toEqual([10]);
    await f.close();
    const body = (await fetch(new URL('./fixtures/cifar_cnn.safetensors', import.meta.url))).body!;
    const streamed = await safetensors.load(body);
    expect(streamed['conv1.weight']!.equal(sd['conv1.weight']!)).toBe(true);
  });

  it('torch.load reads .pt Blobs: an optimizer state dict, views of shared storages', async () => {
    const m = await manifest();
    for (const name of ['sgd_momentum.pt', 'views.pt', 'legacy.pt']) await matchManifest(await load(await fixture(name)), m.files[name]!);
    await expect(load(await fixture('evil.pt'))).rejects.toThrow(/the global 'posix\.system'/);
  });
});

describe('paths over OPFS', () => {
  it('the default file system is OPFS: saveFile/loadFile and torch.save/torch.load by path', async () => {
    const fs = await defaultFileSystem();
    await opfsDir('st');
    const sd = { w: torch.randn(3, 4), n: torch.tensor(7) };
    await saveFile(sd, 'st/m.safetensors', { format: 'pt' }, { fs });
    const back = await loadFile('st/m.safetensors');
    expect(back.w!.equal(sd.w)).toBe(true);
    await save(sd, 'st/m.pt');
    const pt = (await load('st/m.pt')) as Record<string, torch.Tensor>;
    expect(pt.n!.itemSync()).toBe(7);
    await expect(loadFile('st/missing.safetensors')).rejects.toThrow(/ENOENT/);
  });

  it('training checkpoints: atomic, stale temporary files removed, keep-last-N, failures keep the old file', async () => {
    const dir = await opfsDir('ck');
    const fs = opfsFileSystem(dir);
    const g = new torch.Generator().manualSeed(3);
    const model = new TinyModel(4, 2, g);
    const optimizer = new TinySGD(3, 0.1);
    optimizer.momentum[1] = torch.ones(2);
    await (await dir.getFileHandle('.step-1.pt.tmp-0123456789abcdef', { create: true })).createWritable().then((w) => w.close());
    for (const step of [1, 2, 3, 4]) await saveCheckpoint('step-{step}.pt', { model, optimizer, generator: g, step }, { keepLast: 2, fs });
    expect(await names(dir)).toEqual(['step-3.pt', 'step-4.pt']);
    const other = new TinyModel(4, 2, new torch.Generator().manualSeed(9));
    const other2 = new TinySGD(3, 0.5);
    const got = await loadCheckpoint('step-{step}.pt', { model: other, optimizer: other2 }, { fs });
    expect(got.step).toBe(4);
    expect(other.params['fc.weight']!.equal(model.params['fc.weight']!)).toBe(true);
    expect(other2.momentum[1]!.tolistSync()).toEqual([1, 1]);

    const before = new Uint8Array(await (await (await dir.getFileHandle('step-4.pt')).getFile()).arrayBuffer());
    const full: FileSystem = {
      ...fs,
      async create(path, opts) {
        const f = await fs.create(path, opts);
        return { ...f, write: () => Promise.reject(Object.assign(new Error('QuotaExceededError: the quota has been exceeded'), { name: 'QuotaExceededError' })) };
      },
    };
    await expect(saveCheckpoint('step-{step}.pt', { model, step: 4 }, { fs: full })).rejects.toThrow(/quota/);
    const after = new Uint8Array(await (await (await dir.getFileHandle('step-4.pt')).getFile()).arrayBuffer());
    expect(after).toEqual(before);
    expect(await names(dir)).toEqual(['step-3.pt', 'step-4.pt']);
    await expect(loadCheckpoint('nothing-{step}.pt', {}, { fs })).rejects.toThrow(CheckpointError);
  });
});
