// torch.save / torch.load: the format by extension, PyTorch's files, map_location, and bytes,
// Blobs and streams instead of paths.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as torch from 'torchlet';

const tmp = mkdtempSync(join(tmpdir(), 'torchlet-io-'));
const fixture = (name: string) => new URL(`../../checkpoint/test/fixtures/${name}`, import.meta.url).pathname;
type SD = Record<string, torch.Tensor>;

describe('torch.save / torch.load', () => {
  it('picks the format from the extension: .safetensors, .pt and .pth', async () => {
    const sd = { 'fc.weight': torch.randn(3, 4), 'fc.bias': torch.zeros(3), 'bn.num_batches_tracked': torch.tensor(5) };
    for (const name of ['m.safetensors', 'm.pt', 'm.pth']) {
      const path = join(tmp, name);
      await torch.save(sd, path);
      const head = readFileSync(path).subarray(0, 2).toString('latin1');
      expect(head === 'PK', name).toBe(!name.endsWith('.safetensors'));
      const back = (await torch.load(path)) as SD;
      expect(Object.keys(back).sort()).toEqual(Object.keys(sd).sort());
      for (const [k, t] of Object.entries(sd)) {
        expect(back[k]!.dtype, `${name} ${k}`).toBe(t.dtype);
        expect(back[k]!.equal(t), `${name} ${k}`).toBe(true);
      }
    }
  });

  it("loads PyTorch's files: a CNN state dict and an optimizer's { state, param_groups }", async () => {
    const cnn = (await torch.load(fixture('cifar_cnn.pt'))) as SD;
    expect(cnn['conv1.weight']!.shape).toEqual([6, 3, 5, 5]);
    const st = (await torch.load(fixture('cifar_cnn.safetensors'))) as SD;
    for (const k of Object.keys(cnn)) expect(st[k]!.equal(cnn[k]!), k).toBe(true);
    const opt = (await torch.load(fixture('sgd_momentum.pt'))) as { state: Record<string, { momentum_buffer: torch.Tensor }>; param_groups: { lr: number }[] };
    expect(opt.param_groups[0]!.lr).toBe(0.001);
    expect(opt.state['9']!.momentum_buffer.shape).toEqual([10]);
  });

  it('map_location, and bytes or a Blob instead of a path (the format from the content)', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('batchnorm.pt')));
    const a = (await torch.load(bytes, 'cpu')) as SD;
    const b = (await torch.load(new Blob([bytes]), { mapLocation: 'cpu' })) as SD;
    expect(a['1.num_batches_tracked']!.itemSync()).toBe(3);
    expect(b['1.running_mean']!.equal(a['1.running_mean']!)).toBe(true);
    const st = new Uint8Array(readFileSync(fixture('cifar_cnn.safetensors')));
    expect(((await torch.load(st)) as SD)['fc3.bias']!.shape).toEqual([10]);
  });

  it('refuses a nested object for safetensors (a flat dict of tensors), and leaves no file', async () => {
    const path = join(tmp, 'nested.safetensors');
    await expect(torch.save({ model: { w: torch.ones(1) } }, path)).rejects.toThrow(/nested\.safetensors: tensor 'model': safetensors holds tensors only/);
    await expect(torch.load(path)).rejects.toThrow(/ENOENT/);
  });

  it('writes to a WritableStream and reads a ReadableStream', async () => {
    const chunks: Uint8Array[] = [];
    const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
    await torch.save({ w: torch.arange(6).float() }, sink, { format: 'safetensors', metadata: { format: 'pt' } });
    const stream = new Blob(chunks as Uint8Array<ArrayBuffer>[]).stream();
    const back = (await torch.load(stream)) as SD;
    expect(back.w!.tolistSync()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('with nn.Module', () => {
  class Net extends torch.nn.Module {
    declare w: torch.nn.Parameter;
    constructor() {
      super();
      this.w = new torch.nn.Parameter(torch.randn(2, 3));
      this.registerBuffer('count', torch.tensor(4));
    }
  }

  it('stateDict() -> torch.save -> torch.load -> loadStateDict(), in both formats; .pt keeps _metadata', async () => {
    const a = new Net();
    for (const name of ['net.pt', 'net.safetensors']) {
      const path = join(tmp, name);
      await torch.save(a.stateDict(), path);
      const sd = (await torch.load(path)) as SD;
      const b = new Net();
      expect(b.loadStateDict(sd)).toEqual({ missingKeys: [], unexpectedKeys: [] });
      expect(b.w.equal(a.w), name).toBe(true);
      expect((b as unknown as { count: torch.Tensor }).count.itemSync()).toBe(4);
      if (name.endsWith('.pt')) expect(torch.nn.metadataOf(sd)).toEqual(torch.nn.metadataOf(a.stateDict()));
    }
  });
});
