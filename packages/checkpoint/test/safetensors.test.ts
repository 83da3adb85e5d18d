// safetensors against PyTorch's files: every dtype, metadata, byte-identical writes, lazy reads
// by name, streams, and the streaming writer.
import './setup.js';
import { describe, expect, it } from 'vitest';
import * as torch from '@torchlet/tensor';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ByteSource } from '../src/index.js';
import { bytesSource, CheckpointError, loadFile, MemorySink, RawTensor, safeOpen, safetensors, saveFile } from '../src/index.js';
import { fixtureBytes, fixturePath, manifest } from './fixtureFiles.js';
import type { Manifest } from './manifest.js';
import { matchManifest } from './manifest.js';
import { describeWithTorch, hasTorch } from './python.js';

const tmp = mkdtempSync(join(tmpdir(), 'torchlet-st-'));
const entries = (m: Manifest) => (m as { $dict: [string, Manifest][] }).$dict;
const part = (m: Manifest, key: string) => entries(m).find(([k]) => k === key)![1];

/** Every entry of a file: tensors where torchlet has the dtype, RawTensors elsewhere. */
async function readEverything(path: string): Promise<Record<string, torch.Tensor | RawTensor>> {
  await using f = await safeOpen(path, 'pt');
  const out: Record<string, torch.Tensor | RawTensor> = {};
  for (const k of f.keys()) {
    const raw = await f.getRaw(k);
    out[k] = ['I16', 'U16', 'U32', 'U64', 'F8_E4M3'].includes(raw.dtype) ? raw : await f.getTensor(k);
  }
  return out;
}

describe('files written by PyTorch', () => {
  it('loads the CIFAR-10 CNN state dict with PyTorch keys, dtypes, shapes and bytes', async () => {
    const sd = await loadFile(fixturePath('cifar_cnn.safetensors'));
    const m = manifest.files['cifar_cnn.safetensors']!;
    await matchManifest(sd, part(m, 'tensors'), '$', { strides: false });
    expect(Object.keys(sd)).toEqual([...Object.keys(sd)].sort());
    const f = await safeOpen(fixturePath('cifar_cnn.safetensors'));
    expect(f.metadata()).toEqual({ format: 'pt' });
    await f.close();
  });

  it('reads every dtype, raw entries, NaN/Inf, zero-size and rank-0 tensors and metadata', async () => {
    const all = await readEverything(fixturePath('all_dtypes.safetensors'));
    const m = manifest.files['all_dtypes.safetensors']!;
    await matchManifest(all, part(m, 'tensors'), '$', { strides: false });
    const f = await safeOpen(fixturePath('all_dtypes.safetensors'));
    expect(f.metadata()).toEqual(Object.fromEntries(entries(part(m, '__metadata__')) as [string, string][]));
    expect(f.info('raw_u16')).toEqual({ dtype: 'U16', shape: [3], dataOffsets: f.info('raw_u16').dataOffsets });
    expect(Array.from((await f.getTensor('specials')).dataSync() as Float32Array)).toEqual([NaN, Infinity, -Infinity, -0]);
    expect((await f.getTensor('rank0')).itemSync()).toBe(2.5);
    expect((await f.getTensor('zero_size')).shape).toEqual([2, 0, 3]);
    await f.close();
  });

  it('refuses to turn a dtype torchlet lacks into a tensor, naming the file, the tensor and the dtype', async () => {
    const err = await loadFile(fixturePath('all_dtypes.safetensors')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CheckpointError);
    expect((err as CheckpointError).tensor).toBe('i16');
    expect((err as CheckpointError).message).toMatch(/all_dtypes\.safetensors: tensor 'i16': dtype I16 has no torchlet tensor dtype/);
    const f = await safeOpen(fixturePath('all_dtypes.safetensors'));
    await expect(f.getTensor('raw_f8')).rejects.toThrow(/tensor 'raw_f8': dtype F8_E4M3 has no torchlet tensor dtype/);
    expect(() => f.info('nope')).toThrow(/tensor 'nope': no tensor of this name/);
    await f.close();
  });
});

describe('writing', () => {
  it('writes the bytes the reference writer wrote, for the CNN and for every dtype', async () => {
    for (const name of ['cifar_cnn.safetensors', 'all_dtypes.safetensors']) {
      const tensors = await readEverything(fixturePath(name));
      const f = await safeOpen(fixturePath(name));
      const metadata = f.metadata();
      await f.close();
      const out = join(tmp, name);
      await saveFile(tensors, out, metadata);
      expect(Buffer.compare(readFileSync(out), Buffer.from(fixtureBytes(name))), name).toBe(0);
      expect(Buffer.compare(Buffer.from(await safetensors.save(tensors, metadata)), Buffer.from(fixtureBytes(name))), name).toBe(0);
    }
  });

  it('writes views, transposes and broadcasts as their row-major values', async () => {
    const base = torch.arange(12, { dtype: 'float32' }).reshape(3, 4);
    const bytes = await safetensors.save({ t: base.t(), col: base.at(':', 1), b: torch.tensor([1, 2]).expand(2, 2) });
    const sd = await safetensors.load(bytes);
    expect(sd.t!.tolistSync()).toEqual(base.t().tolistSync());
    expect(sd.col!.tolistSync()).toEqual([1, 5, 9]);
    expect(sd.b!.tolistSync()).toEqual([[1, 2], [1, 2]]);
  });

  it('streams: the header first, then one write per tensor, never the state dict in one piece', async () => {
    const sd = { a: torch.zeros(1000), b: torch.ones(500, { dtype: 'float64' }), c: torch.zeros([0]) };
    const chunks: number[] = [];
    const sink = new MemorySink();
    await safetensors.writeSafetensors(safetensors.planSafetensors(sd), { write: (c) => (chunks.push(c.byteLength), sink.write(c)) });
    expect(chunks.slice(1)).toEqual([4000, 4000]); // F64 first (alignment), the empty tensor writes nothing
    expect((await safetensors.load(sink.bytes())).a!.shape).toEqual([1000]);
  });

  it('refuses what safetensors cannot hold, before touching the file', async () => {
    const out = join(tmp, 'refused.safetensors');
    await saveFile({ ok: torch.ones(1) }, out);
    const before = readFileSync(out);
    await expect(saveFile({ w: [1, 2] as unknown as torch.Tensor }, out)).rejects.toThrow(/refused\.safetensors: tensor 'w': safetensors holds tensors only, found an array/);
    await expect(saveFile({ __metadata__: torch.ones(1) }, out)).rejects.toThrow(/'__metadata__' is reserved/);
    await expect(saveFile({ w: torch.ones(1) }, out, { n: 1 as unknown as string })).rejects.toThrow(/__metadata__ value of 'n' must be a string, found a number/);
    expect(readFileSync(out).equals(before)).toBe(true);
  });
});

describe('lazy reads', () => {
  it('reads only the header and the bytes of the tensor asked for', async () => {
    const big = { a: torch.zeros(1 << 16), b: torch.arange(10, { dtype: 'int32' }), c: torch.ones(1 << 16) };
    const bytes = await safetensors.save(big);
    let read = 0;
    const inner = bytesSource(bytes, 'big.safetensors');
    const counting: ByteSource = { ...inner, read: (o, n) => ((read += n), inner.read(o, n)) };
    const f = await safeOpen(counting);
    const headerBytes = read;
    expect(headerBytes).toBeLessThan(300);
    expect((await f.getTensor('b')).tolistSync()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(read - headerBytes).toBe(40);
    expect(f.keys()).toEqual(['a', 'b', 'c']);
    await f.close();
  });

  it('reads a Blob by slices and a ReadableStream front to back', async () => {
    const bytes = fixtureBytes('cifar_cnn.safetensors');
    const want = await loadFile(fixturePath('cifar_cnn.safetensors'));
    const fromBlob = await safetensors.load(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    // a stream of 1000-byte chunks, so headers and tensors straddle chunk boundaries
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.byteLength; i += 1000) c.enqueue(bytes.slice(i, i + 1000));
        c.close();
      },
    });
    const fromStream = await safetensors.load(stream);
    for (const k of Object.keys(want)) {
      expect(fromBlob[k]!.equal(want[k]!), k).toBe(true);
      expect(fromStream[k]!.equal(want[k]!), k).toBe(true);
    }
    expect(Object.keys(fromStream)).toEqual(Object.keys(want));
  });

  it('refuses a truncated stream and trailing bytes in a stream', async () => {
    const bytes = fixtureBytes('cifar_cnn.safetensors');
    const streamOf = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>]).stream();
    await expect(safetensors.load(streamOf(bytes.slice(0, bytes.byteLength - 3)))).rejects.toThrow(/<stream>: tensor '[\w.]+': the stream ends inside the tensor's data/);
    const longer = new Uint8Array(bytes.byteLength + 5);
    longer.set(bytes);
    await expect(safetensors.load(streamOf(longer))).rejects.toThrow(/<stream>: 5 trailing bytes after the last tensor/);
  });
});

describe.skipIf(!hasTorch)('PyTorch reads what torchlet writes (skipped without PyTorch)', () => {
  it('every dtype, raw entries and metadata, through the reference reader in tools/torch_checkpoint.py', async () => {
    const out = join(tmp, 'rt_all_dtypes.safetensors');
    const f = await safeOpen(fixturePath('all_dtypes.safetensors'));
    const metadata = f.metadata();
    await f.close();
    await saveFile(await readEverything(fixturePath('all_dtypes.safetensors')), out, metadata);
    const [seen] = describeWithTorch([out]);
    expect(seen).toEqual(manifest.files['all_dtypes.safetensors']);
  });
});
