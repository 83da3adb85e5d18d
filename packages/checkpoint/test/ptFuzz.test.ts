// Fuzzing the .pt reader: mutated pickles (repacked with valid CRCs, so the unpickler sees them),
// mutated legacy files and mutated zip archives only ever give clean CheckpointErrors.
import './setup.js';
import { describe, expect, it } from 'vitest';
import { MemorySink } from '../src/bytes/sink.js';
import { bytesSource } from '../src/bytes/source.js';
import { CheckpointError } from '../src/index.js';
import { loadPt } from '../src/pt/load.js';
import { ZipReader } from '../src/zip/reader.js';
import { ZipWriter } from '../src/zip/writer.js';
import { fixtureBytes } from './fixtureFiles.js';
import { rng } from './fuzzTools.js';

function mutate(b: Uint8Array, r: () => number): Uint8Array {
  const at = Math.floor(r() * b.byteLength);
  switch (Math.floor(r() * 4)) {
    case 0: {
      const out = b.slice();
      for (let k = 1 + Math.floor(r() * 3); k > 0; k--) out[Math.floor(r() * b.byteLength)] = Math.floor(r() * 256);
      return out;
    }
    case 1: return b.slice(0, at);
    case 2: return Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + 1 + Math.floor(r() * 6))]);
    default: return Uint8Array.from([...b.subarray(0, at), Math.floor(r() * 256), ...b.subarray(at)]);
  }
}

async function records(name: string): Promise<Map<string, Uint8Array>> {
  const zip = await ZipReader.open(bytesSource(fixtureBytes(name), name));
  const out = new Map<string, Uint8Array>();
  for (const n of zip.entries.keys()) out.set(n, await zip.read(n));
  return out;
}

async function repack(recs: Map<string, Uint8Array>, pklName: string, pkl: Uint8Array): Promise<Uint8Array> {
  const sink = new MemorySink();
  const zip = new ZipWriter(sink);
  for (const [n, b] of recs) await zip.add(n, n === pklName ? pkl : b);
  await zip.finish();
  return sink.bytes();
}

async function clean(bytes: Uint8Array, seed: number): Promise<boolean> {
  try {
    await loadPt(bytesSource(bytes, 'fuzz.pt'));
    return true;
  } catch (e) {
    if (!(e instanceof CheckpointError)) throw new Error(`seed ${seed}: ${e instanceof Error ? e.stack : String(e)}`);
    expect(e.file).toBe('fuzz.pt');
    return false;
  }
}

describe('fuzz', () => {
  it('mutated pickles, legacy files and archives give only CheckpointErrors (bounded time)', async () => {
    const sources = await Promise.all(['views.pt', 'sgd_momentum.pt', 'adam.pt', 'batchnorm.pt'].map(records));
    const legacy = fixtureBytes('legacy.pt');
    const archive = fixtureBytes('batchnorm.pt');
    const ms = Number(process.env.FUZZ_MS ?? 3000);
    const start = Date.now();
    let runs = 0;
    let ok = 0;
    for (let seed = 1; Date.now() - start < ms; seed++, runs++) {
      const r = rng(seed);
      let bytes: Uint8Array;
      if (seed % 3 === 0) bytes = mutate(legacy, r);
      else if (seed % 7 === 0) bytes = mutate(archive, r);
      else {
        const recs = sources[seed % sources.length]!;
        const pklName = [...recs.keys()].find((n) => n.endsWith('data.pkl'))!;
        bytes = await repack(recs, pklName, mutate(recs.get(pklName)!, r));
      }
      if (await clean(bytes, seed)) ok++;
    }
    expect(runs).toBeGreaterThan(200);
    console.log(`pt fuzz: ${runs} mutated files, ${ok} still loaded, ${runs - ok} refused with a CheckpointError`);
  });
});
