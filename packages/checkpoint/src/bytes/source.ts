// Random-access bytes to read a checkpoint from: memory, a Blob (a browser File), or a file of a
// FileSystem. Readers ask for exact ranges, so a lazy reader never loads what it does not need.
import { CheckpointError } from '../errors.js';

/** Bytes that can be read at any offset. `name` is what errors call the file. */
export interface ByteSource {
  readonly name: string;
  readonly size: number;
  /** Exactly `length` bytes from `offset`; a range past the end is a CheckpointError. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /** Releases the file behind it, if any. */
  close(): Promise<void>;
}

/** The CheckpointError of a read past the end. */
export function truncated(name: string, offset: number, length: number, size: number): CheckpointError {
  return new CheckpointError(name, `file is truncated: needs bytes ${offset}..${offset + length} but has ${size}`);
}

/**
 * A ByteSource over bytes in memory (no copy).
 * @example const src = bytesSource(await save({ w: torch.ones(2) })); src.size // 80
 */
export function bytesSource(data: Uint8Array | ArrayBuffer, name = '<bytes>'): ByteSource {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return {
    name,
    size: bytes.byteLength,
    read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > bytes.byteLength) return Promise.reject(truncated(name, offset, length, bytes.byteLength));
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
    close: () => Promise.resolve(),
  };
}

/**
 * A ByteSource over a Blob or File: each read slices the Blob, so a large File is never read whole.
 * @example const src = blobSource(input.files[0]); // an <input type=file> in a page
 */
export function blobSource(blob: Blob, name = (blob as { name?: string }).name ?? '<blob>'): ByteSource {
  return {
    name,
    size: blob.size,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > blob.size) throw truncated(name, offset, length, blob.size);
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
    close: () => Promise.resolve(),
  };
}
