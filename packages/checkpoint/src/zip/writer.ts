// Writing a zip archive of stored (uncompressed) records, as PyTorch does: each record's data
// aligned to 64 bytes (padding in an extra field), zip64 fields where sizes or offsets pass 4 GB.
import type { ByteSink } from '../bytes/sink.js';
import { crc32 } from './crc32.js';

interface Written {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
  zip64: boolean;
}

const MAX32 = 0xffffffff;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01, the earliest date zip has; no clock in the file

/**
 * Writes records one after another to a sink, then the central directory on `finish()`.
 * @example const zip = new ZipWriter(sink); await zip.add('archive/version', utf8('3\n')); await zip.finish();
 */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];

  /** `forceZip64` writes zip64 fields even for a small archive (to test readers). @example new ZipWriter(sink) */
  constructor(
    private readonly sink: ByteSink,
    private readonly opts: { align?: number; forceZip64?: boolean } = {},
  ) {}

  /** Adds a stored record. @example await zip.add('archive/data/0', bytes) */
  async add(name: string, data: Uint8Array): Promise<void> {
    const nameBytes = new TextEncoder().encode(name);
    const zip64 = this.opts.forceZip64 === true || data.byteLength >= MAX32 || this.offset >= MAX32;
    const align = this.opts.align ?? 64;
    const zip64Len = zip64 ? 20 : 0;
    const base = this.offset + 30 + nameBytes.byteLength + zip64Len + 4;
    const pad = (align - (base % align)) % align;
    const header = new Uint8Array(30 + nameBytes.byteLength + zip64Len + 4 + pad);
    const d = new DataView(header.buffer);
    const crc = crc32(data);
    d.setUint32(0, 0x04034b50, true);
    d.setUint16(4, zip64 ? 45 : 20, true);
    d.setUint16(6, isAscii(name) ? 0 : 0x800, true);
    d.setUint16(8, 0, true);
    d.setUint16(10, 0, true);
    d.setUint16(12, DOS_DATE, true);
    d.setUint32(14, crc, true);
    d.setUint32(18, zip64 ? MAX32 : data.byteLength, true);
    d.setUint32(22, zip64 ? MAX32 : data.byteLength, true);
    d.setUint16(26, nameBytes.byteLength, true);
    d.setUint16(28, zip64Len + 4 + pad, true);
    header.set(nameBytes, 30);
    let p = 30 + nameBytes.byteLength;
    if (zip64) {
      d.setUint16(p, 0x0001, true);
      d.setUint16(p + 2, 16, true);
      d.setBigUint64(p + 4, BigInt(data.byteLength), true);
      d.setBigUint64(p + 12, BigInt(data.byteLength), true);
      p += 20;
    }
    d.setUint16(p, 0x4246, true); // 'FB': PyTorch's padding field
    d.setUint16(p + 2, pad, true);
    header.fill(0x5a, p + 4); // 'Z'
    await this.sink.write(header);
    if (data.byteLength > 0) await this.sink.write(data);
    this.written.push({ name: nameBytes, crc, size: data.byteLength, offset: this.offset, zip64 });
    this.offset += header.byteLength + data.byteLength;
  }

  /** Writes the central directory and the end records. @example await zip.finish() */
  async finish(): Promise<void> {
    const parts: Uint8Array[] = [];
    const cdOffset = this.offset;
    for (const w of this.written) {
      const extraLen = w.zip64 ? 28 : 0;
      const h = new Uint8Array(46 + w.name.byteLength + extraLen);
      const d = new DataView(h.buffer);
      d.setUint32(0, 0x02014b50, true);
      d.setUint16(4, w.zip64 ? 45 : 20, true);
      d.setUint16(6, w.zip64 ? 45 : 20, true);
      d.setUint16(8, isAscii(new TextDecoder().decode(w.name)) ? 0 : 0x800, true);
      d.setUint16(14, DOS_DATE, true);
      d.setUint32(16, w.crc, true);
      d.setUint32(20, w.zip64 ? MAX32 : w.size, true);
      d.setUint32(24, w.zip64 ? MAX32 : w.size, true);
      d.setUint16(28, w.name.byteLength, true);
      d.setUint16(30, extraLen, true);
      d.setUint32(42, w.zip64 ? MAX32 : w.offset, true);
      h.set(w.name, 46);
      if (w.zip64) {
        const p = 46 + w.name.byteLength;
        d.setUint16(p, 0x0001, true);
        d.setUint16(p + 2, 24, true);
        d.setBigUint64(p + 4, BigInt(w.size), true);
        d.setBigUint64(p + 12, BigInt(w.size), true);
        d.setBigUint64(p + 20, BigInt(w.offset), true);
      }
      parts.push(h);
    }
    const cdSize = parts.reduce((n, h) => n + h.byteLength, 0);
    const count = this.written.length;
    const zip64 = this.opts.forceZip64 === true || this.written.some((w) => w.zip64) || count >= 0xffff || cdOffset + cdSize >= MAX32;
    if (zip64) {
      const rec = new Uint8Array(56 + 20);
      const d = new DataView(rec.buffer);
      d.setUint32(0, 0x06064b50, true);
      d.setBigUint64(4, 44n, true);
      d.setUint16(12, 45, true);
      d.setUint16(14, 45, true);
      d.setBigUint64(24, BigInt(count), true);
      d.setBigUint64(32, BigInt(count), true);
      d.setBigUint64(40, BigInt(cdSize), true);
      d.setBigUint64(48, BigInt(cdOffset), true);
      d.setUint32(56, 0x07064b50, true);
      d.setBigUint64(64, BigInt(cdOffset + cdSize), true);
      d.setUint32(72, 1, true);
      parts.push(rec);
    }
    const end = new Uint8Array(22);
    const e = new DataView(end.buffer);
    e.setUint32(0, 0x06054b50, true);
    e.setUint16(8, zip64 ? 0xffff : count, true);
    e.setUint16(10, zip64 ? 0xffff : count, true);
    e.setUint32(12, zip64 ? MAX32 : cdSize, true);
    e.setUint32(16, zip64 ? MAX32 : cdOffset, true);
    parts.push(end);
    for (const part of parts) await this.sink.write(part);
  }
}

function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}
