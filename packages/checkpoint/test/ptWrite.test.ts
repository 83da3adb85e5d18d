// Writing .pt files: what torchlet writes reads back the same in torchlet, matches the bytes of
// the committed files PyTorch accepted (fixtures/torchlet/), and, where PyTorch is installed,
// loads in torch.load(weights_only=True) with PyTorch's own keys, dtypes, strides and bytes.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySink } from '../src/bytes/sink.js';
import { bytesSource } from '../src/bytes/source.js';
import { CheckpointError } from '../src/index.js';
import { loadPt } from '../src/pt/load.js';
import { savePt } from '../src/pt/save.js';
import { fixtureBytes, fixturePath, manifest } from './fixtureFiles.js';
import { matchManifest } from './manifest.js';
import { describeWithTorch, hasTorch, weightsOnlyAccepts } from './python.js';

const tmp = mkdtempSync(join(tmpdir(), 'torchlet-pt-'));
const FILES = ['cifar_cnn.pt', 'sgd_momentum.pt', 'adam.pt', 'batchnorm.pt', 'views.pt', 'legacy.pt'];
// written by torchlet from the PyTorch fixtures; PyTorch accepted them (tools/fixtures/checkpoint.py checks)
const COMMITTED = ['cifar_cnn.pt', 'sgd_momentum.pt', 'batchnorm.pt', 'views.pt'];

async function rewrite(name: string, opts = {}): Promise<Uint8Array> {
  const sink = new MemorySink();
  await savePt(await loadPt(bytesSource(fixtureBytes(name), name)), sink, name, opts);
  return sink.bytes();
}

describe('torchlet reads back what it writes', () => {
  for (const name of FILES) {
    it(`${name}: same keys, dtypes, strides, offsets, sharing and bytes`, async () => {
      const bytes = await rewrite(name);
      await matchManifest(await loadPt(bytesSource(bytes, name)), manifest.files[name]!);
    });
  }

  it("keeps a state dict's _metadata (module versions), which PyTorch's load_state_dict reads", async () => {
    const back = (await loadPt(bytesSource(await rewrite('batchnorm.pt')))) as { _metadata?: Record<string, { version: number }> };
    expect(back._metadata?.['1']).toEqual({ version: 2 });
  });

  it('zip64 archives (forced, as written past 4 GB)', async () => {
    const bytes = await rewrite('views.pt', { forceZip64: true });
    await matchManifest(await loadPt(bytesSource(bytes, 'views.pt')), manifest.files['views.pt']!);
  });

  it('keeps views of one torchlet storage sharing it, with offsets and strides', async () => {
    const base = torch.arange(12, { dtype: 'float32' });
    const sink = new MemorySink();
    await savePt({ base, t: base.view(3, 4).t(), tail: base.at([8, 12]), n: 3, tags: ['a', null, true] }, sink);
    const back = (await loadPt(bytesSource(sink.bytes()))) as { base: torch.Tensor; t: torch.Tensor; tail: torch.Tensor; n: number; tags: unknown[] };
    expect(back.t.storage).toBe(back.base.storage);
    expect([back.t.strides, back.tail.offset, back.n, back.tags]).toEqual([[1, 4], 8, 3, ['a', null, true]]);
    expect(back.t.tolistSync()).toEqual(base.view(3, 4).t().tolistSync());
  });

  it('refuses what a pickle of plain data cannot hold', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(savePt(cyclic, new MemorySink(), 'c.pt')).rejects.toThrow(/c\.pt: tensor 'self': cannot save an object that contains itself/);
    await expect(savePt({ f: () => 1 }, new MemorySink(), 'f.pt')).rejects.toThrow(CheckpointError);
    await expect(savePt({ d: new Date(0) }, new MemorySink(), 'd.pt')).rejects.toThrow(/cannot save an object of class Date/);
  });
});

describe('bytes PyTorch accepted', () => {
  for (const name of COMMITTED) {
    it(`${name} is written byte for byte as the committed fixtures/torchlet/${name}`, async () => {
      const bytes = await rewrite(name);
      const committed = fixturePath(`torchlet/${name}`);
      if (process.env.TORCHLET_WRITE_FIXTURES === '1') {
        mkdirSync(fixturePath('torchlet'), { recursive: true });
        writeFileSync(committed, bytes);
      }
      expect(existsSync(committed), `${committed} (regenerate: TORCHLET_WRITE_FIXTURES=1 npx vitest run test/ptWrite.test.ts, then tools/fixtures/generate.sh checkpoint)`).toBe(true);
      expect(Buffer.from(bytes).equals(readFileSync(committed))).toBe(true);
    });
  }
});

describe.skipIf(!hasTorch)('PyTorch reads what torchlet writes (skipped without PyTorch)', () => {
  it("torch.load sees PyTorch's own keys, dtypes, shapes, strides, sharing and bytes in every file", async () => {
    const outs = [];
    for (const name of FILES) {
      outs.push(join(tmp, name));
      writeFileSync(outs[outs.length - 1]!, await rewrite(name));
    }
    const seen = describeWithTorch(outs);
    FILES.forEach((name, i) => expect(seen[i], name).toEqual(manifest.files[name]));
  });

  it('weights_only=True accepts state dicts (PyTorch 1.13 refuses floats, its own optimizer files included)', async () => {
    for (const name of ['cifar_cnn.pt', 'batchnorm.pt', 'views.pt']) {
      const out = join(tmp, name);
      writeFileSync(out, await rewrite(name));
      expect(weightsOnlyAccepts(out).ok, name).toBe(true);
    }
    const own = weightsOnlyAccepts(fixturePath('sgd_momentum.pt'));
    if (!own.ok) expect(own.stderr).toMatch(/Unsupported operand 71/);
  });
});
