// The FileSystem of Node: fs/promises, with real fsync of files and directories.
import * as fsp from 'node:fs/promises';
import type { ByteSource } from '../bytes/source.js';
import { truncated } from '../bytes/source.js';
import type { FileSystem, WritableFile } from './fileSystem.js';

async function openRead(path: string): Promise<ByteSource> {
  const fh = await fsp.open(path, 'r');
  const { size } = await fh.stat();
  return {
    name: path,
    size,
    async read(offset, length) {
      if (offset < 0 || length < 0 || offset + length > size) throw truncated(path, offset, length, size);
      const out = new Uint8Array(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await fh.read(out, done, length - done, offset + done);
        if (bytesRead === 0) throw truncated(path, offset, length, offset + done);
        done += bytesRead;
      }
      return out;
    },
    close: () => fh.close(),
  };
}

async function create(path: string, opts?: { exclusive?: boolean }): Promise<WritableFile> {
  const fh = await fsp.open(path, opts?.exclusive ? 'wx' : 'w');
  return {
    async write(chunk) {
      let done = 0;
      while (done < chunk.byteLength) done += (await fh.write(chunk, done, chunk.byteLength - done)).bytesWritten;
    },
    sync: () => fh.sync(),
    close: () => fh.close(),
  };
}

async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // Windows cannot open a directory to fsync it
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Node's file system (fs/promises).
 * @example await saveCheckpoint('ckpt.pt', state, { fs: nodeFileSystem() })
 */
export function nodeFileSystem(): FileSystem {
  return {
    openRead,
    create,
    rename: (from, to) => fsp.rename(from, to),
    remove: (path) => fsp.rm(path, { force: true }),
    list: (dir) => fsp.readdir(dir),
    syncDir,
  };
}
