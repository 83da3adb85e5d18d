// torch.load for .pt/.pth files without Python: the zip format (PyTorch >= 1.6) and the legacy
// format (a run of pickles, then each storage's bytes). Storages are read once and every tensor
// viewing one shares it, with its offset and strides.
import type { Device, Tensor } from '@torchlet/tensor';
import type { ByteSource } from '../bytes/source.js';
import { tensorFromBytes } from '../bytes/tensorBytes.js';
import { CheckpointError } from '../errors.js';
import type { UnpicklerHooks } from '../pickle/unpickler.js';
import { unpickle } from '../pickle/unpickler.js';
import { PyDict } from '../pickle/values.js';
import { ZipReader } from '../zip/reader.js';
import { isPyTuple, resolveGlobal, StorageTypeGlobal } from './globals.js';
import { materialize } from './materialize.js';
import { StorageRef } from './refs.js';
import type { TorchDtype } from './storageTypes.js';

const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;

/**
 * Reads a `.pt`/`.pth` file as `torch.load(f, weights_only=True)` does, with no code run: a state
 * dict comes back as a plain object of tensors, an optimizer's as `{ state, param_groups }`.
 * @example const sd = await loadPt(await openSource('model.pt'), 'cpu');
 */
export async function loadPt(source: ByteSource, device: Device = 'cpu'): Promise<unknown> {
  const head = await source.read(0, Math.min(source.size, 512));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return loadZip(source, device);
  if (head[0] === 0x80) return loadLegacy(source, device);
  if (head.byteLength >= 262 && new TextDecoder().decode(head.subarray(257, 262)) === 'ustar') {
    throw new CheckpointError(source.name, 'not implemented: the tar format of PyTorch before 0.4');
  }
  throw new CheckpointError(source.name, 'not a PyTorch file (neither a zip archive nor a legacy pickle)');
}

function storageKey(ref: StorageRef, dtype: TorchDtype): string {
  return `${ref.key}\u0000${dtype.name}`;
}

/** The elements of `bytes` as `dtype`, for a storage record. */
function storageTensor(bytes: Uint8Array, ref: StorageRef, dtype: TorchDtype, device: Device, file: string): Tensor {
  const expected = ref.numel * ref.dtype.bytes;
  if (bytes.byteLength < expected) throw new CheckpointError(file, `storage '${ref.key}' has ${bytes.byteLength} bytes but its ${ref.numel} ${ref.dtype.name} elements need ${expected}`);
  if (expected % dtype.bytes !== 0) throw new CheckpointError(file, `storage '${ref.key}' (${expected} bytes) cannot be read as ${dtype.name}`);
  return tensorFromBytes(bytes.subarray(0, expected), dtype.torch!, [expected / dtype.bytes], device);
}

function persistentId(pid: unknown, file: string, legacy: boolean): StorageRef {
  if (!isPyTuple(pid) || pid[0] !== 'storage') throw new CheckpointError(file, "only persistent ids of storages ('storage', …) are allowed");
  const [, type, key, location, numel, view] = pid;
  if (!(type instanceof StorageTypeGlobal)) throw new CheckpointError(file, 'a storage persistent id must name a storage class');
  if (typeof key !== 'string' || typeof location !== 'string' || typeof numel !== 'number' || !Number.isSafeInteger(numel) || numel < 0) {
    throw new CheckpointError(file, 'malformed storage persistent id');
  }
  if (!legacy || view === null || view === undefined) return new StorageRef(key, type.dtype, numel, location);
  if (!isPyTuple(view) || typeof view[1] !== 'number' || !Number.isSafeInteger(view[1]) || view[1] < 0) {
    throw new CheckpointError(file, 'malformed storage view in a legacy persistent id');
  }
  return new StorageRef(key, type.dtype, numel, location, view[1]);
}

async function loadZip(source: ByteSource, device: Device): Promise<unknown> {
  const file = source.name;
  const zip = await ZipReader.open(source);
  const pkl = [...zip.entries.keys()].filter((n) => n === 'data.pkl' || /^[^/]+\/data\.pkl$/.test(n));
  if (pkl.length !== 1) throw new CheckpointError(file, pkl.length ? 'the archive holds more than one data.pkl' : 'the archive holds no data.pkl (not a torch.save file)');
  const prefix = pkl[0]!.slice(0, -'data.pkl'.length);
  const order = zip.entries.has(`${prefix}byteorder`) ? new TextDecoder().decode(await zip.read(`${prefix}byteorder`)) : 'little';
  if (order !== 'little') throw new CheckpointError(file, `not implemented: files saved on a ${order}-endian machine`);
  const refs: StorageRef[] = [];
  const { value } = unpickle(await zip.read(pkl[0]!), 0, {
    file,
    resolveGlobal: (m, n) => resolveGlobal(m, n, file),
    persistentLoad: (pid) => {
      const r = persistentId(pid, file, false);
      refs.push(r);
      return r;
    },
  });
  const loaded = new Map<string, Tensor>();
  const records = new Map<string, Uint8Array>();
  await readRecords(zip, prefix, refs, records);
  return materialize(value, (ref, dtype) => {
    const k = storageKey(ref, dtype);
    const t = loaded.get(k);
    if (t) return t;
    const bytes = records.get(ref.key);
    if (!bytes) throw new CheckpointError(file, `the archive has no record '${prefix}data/${ref.key}'`);
    const made = storageTensor(bytes, ref, dtype, device, file);
    loaded.set(k, made);
    return made;
  }, file);
}

/** Reads each storage record once (materialize is synchronous). */
async function readRecords(zip: ZipReader, prefix: string, refs: StorageRef[], into: Map<string, Uint8Array>): Promise<void> {
  for (const r of refs) {
    const name = `${prefix}data/${r.key}`;
    if (!into.has(r.key) && r.dtype.torch !== undefined && zip.entries.has(name)) into.set(r.key, await zip.read(name));
  }
}

async function loadLegacy(source: ByteSource, device: Device): Promise<unknown> {
  const file = source.name;
  const all = await source.read(0, source.size);
  const plain: UnpicklerHooks = {
    file,
    resolveGlobal: (m, n) => resolveGlobal(m, n, file),
    persistentLoad: () => {
      throw new CheckpointError(file, 'unexpected persistent id');
    },
  };
  let at = 0;
  const next = (hooks = plain) => {
    const r = unpickle(all, at, hooks);
    at = r.end;
    return r.value;
  };
  const magic = next();
  if (magic !== LEGACY_MAGIC) throw new CheckpointError(file, 'not a PyTorch file (bad magic number)');
  const protocol = next();
  if (protocol !== 1001) throw new CheckpointError(file, `legacy protocol version ${String(protocol)} is not supported (1001 is)`);
  const info = next();
  if (!(info instanceof PyDict) || info.map.get('little_endian') !== true) throw new CheckpointError(file, 'not implemented: legacy files saved on a big-endian machine');
  const roots = new Map<string, StorageRef>();
  const value = next({
    ...plain,
    persistentLoad: (pid) => {
      const r = persistentId(pid, file, true);
      if (!roots.has(r.key)) roots.set(r.key, new StorageRef(r.key, r.dtype, r.numel, r.location));
      return r;
    },
  });
  const keys = next();
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) throw new CheckpointError(file, 'malformed legacy storage key list');
  const records = new Map<string, Uint8Array>();
  for (const key of keys as string[]) {
    const root = roots.get(key);
    if (!root) throw new CheckpointError(file, `legacy storage '${key}' is listed but never used`);
    if (at + 8 > all.byteLength) throw new CheckpointError(file, `file is truncated in storage '${key}'`);
    const n = new DataView(all.buffer, all.byteOffset + at, 8).getBigInt64(0, true);
    const bytes = Number(n) * root.dtype.bytes;
    if (n < 0n || n !== BigInt(root.numel) || at + 8 + bytes > all.byteLength) throw new CheckpointError(file, `storage '${key}' has a bad size or is truncated`);
    records.set(key, all.subarray(at + 8, at + 8 + bytes));
    at += 8 + bytes;
  }
  const loaded = new Map<string, Tensor>();
  return materialize(value, (ref, dtype) => {
    const root = roots.get(ref.key)!;
    const k = storageKey(root, dtype);
    let t = loaded.get(k);
    if (!t) {
      const bytes = records.get(ref.key);
      if (!bytes) throw new CheckpointError(file, `legacy storage '${ref.key}' has no data`);
      t = storageTensor(bytes, root, dtype, device, file);
      loaded.set(k, t);
    }
    return t;
  }, file);
}
