// The FileSystem of a browser: the origin-private file system (navigator.storage.getDirectory()).
// A writable commits on close (until then the old file stays), and move() renames in place.
import { blobSource } from '../bytes/source.js';
import type { FileSystem, WritableFile } from './fileSystem.js';

interface OpfsDirectory {
  getDirectoryHandle(name: string): Promise<OpfsDirectory>;
  getFileHandle(name: string, opts?: { create?: boolean }): Promise<OpfsFile>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}
interface OpfsFile {
  getFile(): Promise<File>;
  createWritable(opts?: { keepExistingData?: boolean }): Promise<FileSystemWritableFileStream>;
  move?(name: string): Promise<void>;
}

function parts(path: string): string[] {
  const out = path.split(/[/\\]/).filter((p) => p !== '' && p !== '.');
  if (out.includes('..')) throw new Error(`OPFS paths cannot climb out of their directory: '${path}'`);
  return out;
}

function notFound(path: string, e: unknown): unknown {
  return (e as { name?: string }).name === 'NotFoundError' ? Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT', cause: e }) : e;
}

/**
 * The origin-private file system of this page (or the directory `root` given), as a FileSystem.
 * @example await saveFile(stateDict, 'models/net.safetensors', null, { fs: opfsFileSystem() })
 */
export function opfsFileSystem(root?: FileSystemDirectoryHandle): FileSystem {
  const top = async (): Promise<OpfsDirectory> =>
    (root ?? (await (globalThis.navigator as Navigator).storage.getDirectory())) as unknown as OpfsDirectory;
  const dirOf = async (names: string[], path: string): Promise<OpfsDirectory> => {
    let dir = await top();
    try {
      for (const n of names) dir = await dir.getDirectoryHandle(n);
    } catch (e) {
      throw notFound(path, e);
    }
    return dir;
  };
  const fileOf = async (path: string, create = false): Promise<[OpfsDirectory, OpfsFile, string]> => {
    const p = parts(path);
    const name = p.pop();
    if (name === undefined) throw new Error(`not a file path: '${path}'`);
    const dir = await dirOf(p, path);
    try {
      return [dir, await dir.getFileHandle(name, { create }), name];
    } catch (e) {
      throw notFound(path, e);
    }
  };
  return {
    async openRead(path) {
      const [, file] = await fileOf(path);
      return blobSource(await file.getFile(), path);
    },
    async create(path, opts) {
      if (opts?.exclusive) {
        const exists = await fileOf(path).then(() => true, () => false);
        if (exists) throw Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST' });
      }
      const [, file] = await fileOf(path, true);
      const w = await file.createWritable({ keepExistingData: false });
      const out: WritableFile = {
        write: (chunk) => w.write(chunk as Uint8Array<ArrayBuffer>),
        sync: () => Promise.resolve(), // the writable's close() is the commit
        close: () => w.close(),
      };
      return out;
    },
    async rename(from, to) {
      const [fromDir, file, fromName] = await fileOf(from);
      const toParts = parts(to);
      const toName = toParts.pop()!;
      if (toParts.join('/') !== parts(from).slice(0, -1).join('/')) throw new Error(`OPFS renames stay in one directory: '${from}' -> '${to}'`);
      if (file.move) {
        await file.move(toName);
        return;
      }
      // no move(): copy through a writable of the target (it commits atomically on close), then delete
      const [, target] = await fileOf(to, true);
      const w = await target.createWritable({ keepExistingData: false });
      await (await file.getFile()).stream().pipeTo(w);
      await fromDir.removeEntry(fromName);
    },
    async remove(path) {
      const p = parts(path);
      const name = p.pop()!;
      try {
        await (await dirOf(p, path)).removeEntry(name);
      } catch (e) {
        if ((e as { name?: string }).name !== 'NotFoundError' && (e as { code?: string }).code !== 'ENOENT') throw e;
      }
    },
    async list(dir) {
      const d = await dirOf(parts(dir), dir);
      const names: string[] = [];
      for await (const n of d.keys()) names.push(n);
      return names;
    },
    syncDir: () => Promise.resolve(),
  };
}
