// Reading dataset files: synchronously from the file system in Node (as
// torchvision reads them in the constructor), by fetch elsewhere; gzip by zlib
// in Node, by DecompressionStream in browsers.

import { RuntimeError } from '@torchlet/tensor';

interface NodeFs {
  existsSync(p: string): boolean;
  readFileSync(p: string): Uint8Array;
  writeFileSync(p: string, data: Uint8Array): void;
  mkdirSync(p: string, opts: { recursive: boolean }): void;
  renameSync(a: string, b: string): void;
}
interface NodeZlib {
  gunzipSync(data: Uint8Array): Uint8Array;
}

function builtin<T>(id: string): T | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return p?.getBuiltinModule?.(id) as T | undefined;
}

/** Node's fs, or undefined in a browser. */
export function nodeFs(): NodeFs | undefined {
  return builtin<NodeFs>('node:fs');
}

/** `a/b/c` (POSIX separators work on every platform Node runs on). @example joinPath('data', 'MNIST', 'raw') // 'data/MNIST/raw' */
export function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? p.replace(/\/+$/, '') : p.replace(/^\/+|\/+$/g, '')))
    .join('/');
}

/** Whether bytes start with gzip's magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A plain Uint8Array over the same bytes (Node hands out Buffers, which backends do not take). */
function plain(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Gunzips synchronously (Node). */
export function gunzipSync(bytes: Uint8Array, file: string): Uint8Array {
  const zlib = builtin<NodeZlib>('node:zlib');
  if (zlib === undefined) throw new RuntimeError(`${file}: cannot gunzip synchronously here`);
  try {
    return plain(zlib.gunzipSync(bytes));
  } catch (e) {
    throw new RuntimeError(`${file}: not a valid gzip file (${(e as Error).message})`);
  }
}

/** Gunzips anywhere: zlib in Node, DecompressionStream in browsers. */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (builtin('node:zlib') !== undefined) return gunzipSync(bytes, file);
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new RuntimeError(`${file}: not a valid gzip file (${(e as Error).message})`);
  }
}

/** A file's bytes, gunzipped when it is gzip (Node, synchronously). */
export function readMaybeGzipSync(path: string): Uint8Array {
  const bytes = readFileSync(path);
  return isGzip(bytes) ? gunzipSync(bytes, path) : bytes;
}

/** A file's bytes (Node). */
export function readFileSync(path: string): Uint8Array {
  return plain(nodeFs()!.readFileSync(path));
}

/** The first of `candidates` that exists (Node). */
export function firstExisting(candidates: readonly string[]): string | undefined {
  const fs = nodeFs();
  return fs === undefined ? undefined : candidates.find((p) => fs.existsSync(p));
}

/** Fetches a URL's bytes, or undefined when it answers 404 (browsers read datasets from a server). */
export async function fetchBytes(url: string): Promise<Uint8Array | undefined> {
  const r = await fetch(url);
  if (r.status === 404) return undefined;
  if (!r.ok) throw new RuntimeError(`${url}: HTTP ${r.status} ${r.statusText}`);
  return new Uint8Array(await r.arrayBuffer());
}

/** Writes a file atomically (temporary name, then rename), creating its folder (Node). */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  const fs = nodeFs()!;
  fs.mkdirSync(path.slice(0, path.lastIndexOf('/')) || '.', { recursive: true });
  const tmp = `${path}.part`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, path);
}
