// Replacing a file so that a crash at any moment leaves either the old or the new file: write a
// temporary file in the same directory, fsync it, rename it over the target, fsync the directory.
// Temporary files a crash left behind are removed by the next write.
import type { ByteSink } from '../bytes/sink.js';
import type { FileSystem } from './fileSystem.js';
import { basename, dirname, joinPath } from './path.js';

const TEMP = /^\.(.+)\.tmp-[0-9a-f]{16}$/;

/** The temporary name used while writing `base`. @example tempName('ckpt.pt') // '.ckpt.pt.tmp-3f…' */
function tempName(base: string): string {
  const r = crypto.getRandomValues(new Uint8Array(8));
  return `.${base}.tmp-${[...r].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Removes temporary files left in `dir` by interrupted writes of files `owns` accepts.
 * @example await removeStaleTemps(fs, 'ckpt', (name) => name === 'last.pt')
 */
export async function removeStaleTemps(fs: FileSystem, dir: string, owns: (name: string) => boolean): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await fs.list(dir)) {
    const m = TEMP.exec(entry);
    if (m && owns(m[1]!)) {
      await fs.remove(joinPath(dir, entry));
      removed.push(entry);
    }
  }
  return removed;
}

/**
 * Writes `path` atomically through `fs`: `write` fills a temporary file beside it, which is
 * fsynced and renamed over `path`, then the directory is fsynced. On any failure before the
 * rename the temporary file is removed and the old file is untouched.
 * @example await writeAtomically(fs, 'ckpt/last.pt', (sink) => savePt(state, sink));
 */
export async function writeAtomically(fs: FileSystem, path: string, write: (sink: ByteSink) => Promise<void>, owns?: (name: string) => boolean): Promise<void> {
  const dir = dirname(path);
  const base = basename(path);
  await removeStaleTemps(fs, dir, owns ?? ((name) => name === base));
  const tmp = joinPath(dir, tempName(base));
  const out = await fs.create(tmp, { exclusive: true });
  let open = true;
  try {
    await write(out);
    await out.sync();
    open = false;
    await out.close();
    await fs.rename(tmp, path);
  } catch (e) {
    if (open) await out.close().catch(() => undefined);
    await fs.remove(tmp).catch(() => undefined);
    throw e;
  }
  await fs.syncDir(dir);
}
