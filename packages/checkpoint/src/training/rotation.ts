// Checkpoint paths with a `{step}` (or `{epoch}`) placeholder: filling them in, finding the latest
// one, and keeping only the last N.
import { CheckpointError } from '../errors.js';
import type { FileSystem } from '../fs/fileSystem.js';
import { basename, dirname, joinPath } from '../fs/path.js';

const PLACEHOLDER = /\{(step|epoch)\}/g;

/** Whether a path has a `{step}` or `{epoch}` placeholder. @example isTemplate('ckpt/step-{step}.pt') // true */
export function isTemplate(path: string): boolean {
  return /\{(step|epoch)\}/.test(path);
}

/** A template with its placeholders filled in. @example fillTemplate('s{step}.pt', { step: 7 }) // 's7.pt' */
export function fillTemplate(path: string, values: { step?: number; epoch?: number }): string {
  return path.replace(PLACEHOLDER, (_, name: 'step' | 'epoch') => {
    const v = values[name];
    if (v === undefined || !Number.isSafeInteger(v) || v < 0) throw new TypeError(`checkpoint path '${path}' needs a non-negative integer ${name}`);
    return String(v);
  });
}

/** A matcher of file names the template's last part produces, giving their numbers. */
export function templateMatcher(template: string): (name: string) => number[] | null {
  const base = basename(template);
  const parts = base.split(PLACEHOLDER);
  // split with a capture group alternates literal text and placeholder names
  const re = new RegExp(`^${parts.map((p, i) => (i % 2 ? '(\\d+)' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);
  return (name) => {
    const m = re.exec(name);
    return m ? m.slice(1).map(Number) : null;
  };
}

/** The files of a template in its directory, oldest first (by their numbers, in order). */
export async function templateFiles(fs: FileSystem, template: string): Promise<string[]> {
  if (dirname(template).match(PLACEHOLDER)) throw new CheckpointError(template, 'only the file name of a checkpoint path may hold {step} or {epoch}');
  const match = templateMatcher(template);
  const dir = dirname(template);
  const found: [number[], string][] = [];
  for (const name of await fs.list(dir)) {
    const nums = match(name);
    if (nums) found.push([nums, name]);
  }
  found.sort(([a], [b]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  return found.map(([, name]) => joinPath(dir, name));
}

/** Deletes all but the newest `keep` files of a template; returns what it deleted. */
export async function rotate(fs: FileSystem, template: string, keep: number): Promise<string[]> {
  const files = await templateFiles(fs, template);
  const old = files.slice(0, Math.max(0, files.length - keep));
  for (const f of old) await fs.remove(f);
  return old;
}
