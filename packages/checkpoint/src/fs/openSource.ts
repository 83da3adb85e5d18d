// What a reader accepts, turned into a ByteSource: a path (through a FileSystem), a Blob/File,
// bytes, or a ByteSource of the caller's own.
import type { ByteSource } from '../bytes/source.js';
import { blobSource, bytesSource } from '../bytes/source.js';
import type { FileSystem } from './fileSystem.js';
import { defaultFileSystem } from './fileSystem.js';

/** A file to read: a path, a Blob or File, bytes, or a ByteSource. */
export type ReadTarget = string | Blob | Uint8Array | ArrayBuffer | ByteSource;

/** Whether `x` is a ByteSource (rather than bytes or a Blob). @example isByteSource(bytesSource(new Uint8Array(1))) // true */
export function isByteSource(x: unknown): x is ByteSource {
  return typeof x === 'object' && x !== null && typeof (x as ByteSource).read === 'function' && typeof (x as ByteSource).size === 'number';
}

/**
 * A ByteSource for `f`; paths open through `fs` (the platform's by default). The caller closes it.
 * @example const src = await openSource('model.safetensors'); try { … } finally { await src.close(); }
 */
export async function openSource(f: ReadTarget, fs?: FileSystem): Promise<ByteSource> {
  if (typeof f === 'string') return (fs ?? (await defaultFileSystem())).openRead(f);
  if (f instanceof Uint8Array || f instanceof ArrayBuffer) return bytesSource(f);
  if (typeof Blob !== 'undefined' && f instanceof Blob) return blobSource(f);
  if (isByteSource(f)) return f;
  throw new TypeError('expected a path, a Blob, a Uint8Array, an ArrayBuffer or a ByteSource');
}
