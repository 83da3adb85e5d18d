// Reading a zip archive from a ByteSource: the central directory once, then each entry on demand.
// PyTorch stores its records uncompressed; deflated entries (a re-zipped file) are inflated with
// DecompressionStream. Zip64 archives (over 4 GB) are read too. Every entry's CRC-32 is checked.
import type { ByteSource } from '../bytes/source.js';
import { CheckpointError } from '../errors.js';
import { crc32 } from './crc32.js';

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

const u16 = (d: DataView, o: number) => d.getUint16(o, true);
const u32 = (d: DataView, o: number) => d.getUint32(o, true);
function u64(d: DataView, o: number, file: string): number {
  const v = d.getBigUint64(o, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new CheckpointError(file, `zip field ${v} is larger than 2^53 - 1`);
  return Number(v);
}
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/**
 * A zip archive open for reads: `entries` by name, `read(name)` their bytes.
 * @example const zip = await ZipReader.open(src); const pkl = await zip.read('archive/data.pkl');
 */
export class ZipReader {
  private constructor(
    private readonly source: ByteSource,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  /** Reads the central directory of `source`. @example await ZipReader.open(bytesSource(bytes)) */
  static async open(source: ByteSource): Promise<ZipReader> {
    const file = source.name;
    const bad = (what: string) => new CheckpointError(file, `not a valid zip archive: ${what}`);
    const tailSize = Math.min(source.size, 22 + MAX_COMMENT);
    const tail = await source.read(source.size - tailSize, tailSize);
    const t = view(tail);
    let at = -1;
    for (let i = tailSize - 22; i >= 0; i--) {
      if (u32(t, i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw bad('no end of central directory record');
    let count = u16(t, at + 10);
    let cdSize = u32(t, at + 12);
    let cdOffset = u32(t, at + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const locAt = source.size - tailSize + at - 20;
      if (locAt < 0) throw bad('zip64 locator missing');
      const loc = view(await source.read(locAt, 20));
      if (u32(loc, 0) !== EOCD64_LOCATOR) throw bad('zip64 locator missing');
      const rec = view(await source.read(u64(loc, 8, file), 56));
      if (u32(rec, 0) !== EOCD64) throw bad('zip64 end of central directory record missing');
      count = u64(rec, 32, file);
      cdSize = u64(rec, 40, file);
      cdOffset = u64(rec, 48, file);
    }
    if (cdOffset + cdSize > source.size) throw bad('central directory past the end of the file');
    const cd = view(await source.read(cdOffset, cdSize));
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.byteLength || u32(cd, p) !== CENTRAL) throw bad(`central directory entry ${k} is malformed`);
      const flags = u16(cd, p + 8);
      if (flags & 1) throw bad('encrypted entries are not supported');
      const nameLen = u16(cd, p + 28);
      const extraLen = u16(cd, p + 30);
      const commentLen = u16(cd, p + 32);
      if (p + 46 + nameLen + extraLen + commentLen > cd.byteLength) throw bad(`central directory entry ${k} is malformed`);
      const name = new TextDecoder().decode(new Uint8Array(cd.buffer, cd.byteOffset + p + 46, nameLen));
      const e: ZipEntry = { name, method: u16(cd, p + 10), crc: u32(cd, p + 16), compressedSize: u32(cd, p + 20), size: u32(cd, p + 24), localOffset: u32(cd, p + 42) };
      readZip64Extra(new DataView(cd.buffer, cd.byteOffset + p + 46 + nameLen, extraLen), e, file);
      if (entries.has(name)) throw bad(`entry '${name}' appears twice`);
      entries.set(name, e);
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipReader(source, entries);
  }

  /** The bytes of entry `name` (inflated if deflated; CRC-checked). @example await zip.read('archive/version') */
  async read(name: string): Promise<Uint8Array> {
    const file = this.source.name;
    const e = this.entries.get(name);
    if (!e) throw new CheckpointError(file, `the archive has no record '${name}'`);
    const local = view(await this.source.read(e.localOffset, 30));
    if (u32(local, 0) !== LOCAL) throw new CheckpointError(file, `record '${name}': local header missing`);
    const start = e.localOffset + 30 + u16(local, 26) + u16(local, 28);
    const raw = await this.source.read(start, e.compressedSize);
    let data: Uint8Array;
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new CheckpointError(file, `record '${name}': stored sizes differ`);
      data = raw;
    } else if (e.method === 8) {
      data = await inflate(raw, e.size).catch((err: unknown) => {
        throw new CheckpointError(file, `record '${name}': ${err instanceof RangeError ? err.message : 'deflate data is corrupt'}`, { cause: err });
      });
      if (data.byteLength !== e.size) throw new CheckpointError(file, `record '${name}': inflated to ${data.byteLength} bytes, expected ${e.size}`);
    } else {
      throw new CheckpointError(file, `record '${name}': compression method ${e.method} is not supported (only stored and deflate)`);
    }
    if (crc32(data) !== e.crc) throw new CheckpointError(file, `record '${name}': CRC-32 mismatch (the file is corrupt)`);
    return data;
  }
}

function readZip64Extra(extra: DataView, e: ZipEntry, file: string): void {
  let p = 0;
  while (p + 4 <= extra.byteLength) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + len) throw new CheckpointError(file, 'not a valid zip archive: short zip64 extra field');
        const v = u64(extra, q, file);
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
}

/** Inflates deflate data, stopping past `limit` bytes (the size the directory promises: no zip bombs). */
async function inflate(raw: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const out = new Uint8Array(limit);
  let n = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return out.subarray(0, n);
    if (n + value.byteLength > limit) {
      await reader.cancel();
      throw new RangeError(`inflates to more than the ${limit} bytes its directory entry declares`);
    }
    out.set(value, n);
    n += value.byteLength;
  }
}
