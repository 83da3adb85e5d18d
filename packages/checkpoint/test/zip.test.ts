// The zip layer on its own: CRC-32 check values, and records written and read back (stored,
// aligned to 64 bytes, zip64 when forced).
import { describe, expect, it } from 'vitest';
import { MemorySink } from '../src/bytes/sink.js';
import { bytesSource } from '../src/bytes/source.js';
import { crc32 } from '../src/zip/crc32.js';
import { ZipReader } from '../src/zip/reader.js';
import { ZipWriter } from '../src/zip/writer.js';

describe('crc32', () => {
  it('gives the standard check value, in one piece or in chunks of any length', () => {
    const data = new TextEncoder().encode('123456789');
    expect(crc32(data)).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const long = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31 + 7) & 0xff);
    const whole = crc32(long);
    for (const cut of [1, 3, 8, 9, 500, 999]) expect(crc32(long.subarray(cut), crc32(long.subarray(0, cut)))).toBe(whole);
  });
});

describe('zip', () => {
  for (const forceZip64 of [false, true]) {
    it(`writes records that read back, data aligned to 64 bytes${forceZip64 ? ' (zip64)' : ''}`, async () => {
      const sink = new MemorySink();
      const zip = new ZipWriter(sink, { forceZip64 });
      const records: [string, Uint8Array][] = [['a/data.pkl', Uint8Array.of(1, 2, 3)], ['a/data/0', new Uint8Array(1000).fill(7)], ['a/é', new Uint8Array(0)]];
      for (const [n, b] of records) await zip.add(n, b);
      await zip.finish();
      const r = await ZipReader.open(bytesSource(sink.bytes()));
      expect([...r.entries.keys()]).toEqual(records.map(([n]) => n));
      for (const [n, b] of records) {
        expect(await r.read(n)).toEqual(b);
        const local = r.entries.get(n)!.localOffset;
        const head = new DataView(sink.bytes().buffer, local);
        expect((local + 30 + head.getUint16(26, true) + head.getUint16(28, true)) % 64).toBe(0);
      }
    });
  }
});
