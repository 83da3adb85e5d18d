// The small file-system seam every path-based read and write goes through: Node's fs, OPFS in a
// browser, or anything a caller passes (a test injecting a full disk or a failing fsync).
import type { ByteSource } from '../bytes/source.js';
import type { ByteSink } from '../bytes/sink.js';

/** A file open for writing. `sync` makes what was written durable (fsync). */
export interface WritableFile extends ByteSink {
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * What checkpoints need from a file system. Paths are '/'-separated; errors are the platform's own
 * (Node's `ENOENT`, …).
 */
export interface FileSystem {
  /** Opens a file for random-access reads. */
  openRead(path: string): Promise<ByteSource>;
  /** Creates (or truncates) a file; with `exclusive`, fails if it exists. */
  create(path: string, opts?: { exclusive?: boolean }): Promise<WritableFile>;
  /** Renames a file, replacing `to` atomically if it exists. */
  rename(from: string, to: string): Promise<void>;
  /** Deletes a file; a missing one is not an error. */
  remove(path: string): Promise<void>;
  /** Names of the entries of a directory. */
  list(dir: string): Promise<string[]>;
  /** Makes a directory's entries (a rename into it) durable. */
  syncDir(dir: string): Promise<void>;
}

let cached: Promise<FileSystem> | undefined;

/**
 * The file system of the platform: Node's (fsync and all) in Node, the origin-private file system
 * (OPFS) in a browser.
 * @example const fs = await defaultFileSystem(); await fs.list('.')
 */
export function defaultFileSystem(): Promise<FileSystem> {
  cached ??= pick();
  return cached;
}

async function pick(): Promise<FileSystem> {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (proc?.versions?.node) return (await import('./nodeFs.js')).nodeFileSystem();
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: unknown } } }).navigator?.storage;
  if (typeof storage?.getDirectory === 'function') return (await import('./opfs.js')).opfsFileSystem();
  throw new Error('no file system here: pass { fs } (a FileSystem), or bytes, a Blob or a stream instead of a path');
}
