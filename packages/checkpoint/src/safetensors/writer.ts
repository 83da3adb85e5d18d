// Writing safetensors: the header first (sizes are known from shapes), then each tensor's bytes,
// one tensor at a time, so a large state dict is never copied whole. Layout as the reference
// implementation: tensors sorted by dtype alignment (largest first) then name, metadata first,
// compact JSON padded with spaces to a multiple of 8 bytes.
import type { Tensor } from '@torchlet/tensor';
import { isTensor } from '@torchlet/tensor';
import type { ByteSink } from '../bytes/sink.js';
import { MemorySink } from '../bytes/sink.js';
import { DTYPE_BYTES, tensorBytes } from '../bytes/tensorBytes.js';
import { CheckpointError } from '../errors.js';
import type { FileSystem } from '../fs/fileSystem.js';
import { defaultFileSystem } from '../fs/fileSystem.js';
import type { SafetensorsDtype } from './dtypes.js';
import { alignmentRank, safetensorsDtypeOf } from './dtypes.js';
import { RawTensor } from './raw.js';

/** What a safetensors file holds: names to tensors (or raw entries of dtypes torchlet lacks). */
export type TensorDict = Readonly<Record<string, Tensor | RawTensor>> | ReadonlyMap<string, Tensor | RawTensor>;

/** Options of the file-writing functions. */
export interface WriteOptions {
  /** The file system paths go through (default: Node's, or OPFS in a browser). */
  fs?: FileSystem;
}

interface Planned {
  name: string;
  dtype: SafetensorsDtype;
  shape: number[];
  bytes: number;
  value: Tensor | RawTensor;
}

const utf8 = new TextEncoder();
const LONE_SURROGATE = /\p{Cs}/u;

function compareUtf8(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function plan(tensors: TensorDict, file: string): Planned[] {
  const items = tensors instanceof Map ? [...tensors] : Object.entries(tensors);
  const out = items.map(([name, value]): Planned => {
    if (name === '__metadata__') throw new CheckpointError(file, "'__metadata__' is reserved for metadata and cannot name a tensor", { tensor: name });
    if (LONE_SURROGATE.test(name)) throw new CheckpointError(file, 'tensor names must be valid Unicode (this one has an unpaired surrogate)', { tensor: name });
    if (value instanceof RawTensor) return { name, dtype: value.dtype, shape: [...value.shape], bytes: value.data.byteLength, value };
    if (!isTensor(value)) throw new CheckpointError(file, `safetensors holds tensors only, found ${describe(value)}`, { tensor: name });
    return { name, dtype: safetensorsDtypeOf(value.dtype), shape: [...value.shape], bytes: value.numel() * DTYPE_BYTES[value.dtype], value };
  });
  return out.sort((a, b) => alignmentRank(b.dtype) - alignmentRank(a.dtype) || compareUtf8(a.name, b.name));
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? `an object (${(v as object).constructor?.name ?? 'Object'})` : `a ${typeof v}`;
}

function headerBytes(planned: Planned[], metadata: Readonly<Record<string, string>> | null | undefined, file: string): Uint8Array {
  const parts: string[] = [];
  if (metadata) {
    const keys = Object.keys(metadata).sort(compareUtf8);
    const kv = keys.map((k) => {
      const v = metadata[k];
      if (typeof v !== 'string') throw new CheckpointError(file, `__metadata__ value of '${k}' must be a string, found ${describe(v)}`);
      return `${JSON.stringify(k)}:${JSON.stringify(v)}`;
    });
    parts.push(`"__metadata__":{${kv.join(',')}}`);
  }
  let at = 0;
  for (const p of planned) {
    parts.push(`${JSON.stringify(p.name)}:{"dtype":"${p.dtype}","shape":[${p.shape.join(',')}],"data_offsets":[${at},${at + p.bytes}]}`);
    at += p.bytes;
  }
  const json = utf8.encode(`{${parts.join(',')}}`);
  const padded = new Uint8Array(8 + Math.ceil(json.byteLength / 8) * 8).fill(0x20);
  new DataView(padded.buffer).setBigUint64(0, BigInt(padded.byteLength - 8), true);
  padded.set(json, 8);
  return padded;
}

/** A file laid out and checked, ready to be written: its header bytes and its tensors in order. */
export interface SafetensorsPlan {
  header: Uint8Array;
  tensors: readonly (Tensor | RawTensor)[];
}

/**
 * Checks `tensors` and lays the file out (nothing is read from a device yet).
 * @example const p = planSafetensors({ w: torch.ones(2) }); p.header.byteLength // 64
 */
export function planSafetensors(tensors: TensorDict, metadata?: Readonly<Record<string, string>> | null, file = '<bytes>'): SafetensorsPlan {
  const planned = plan(tensors, file);
  return { header: headerBytes(planned, metadata, file), tensors: planned.map((p) => p.value) };
}

/**
 * Writes a planned file to `sink`: the header, then each tensor's bytes, one tensor at a time.
 * @example const sink = new MemorySink(); await writeSafetensors(planSafetensors({ w: torch.ones(2) }), sink);
 */
export async function writeSafetensors(planned: SafetensorsPlan, sink: ByteSink): Promise<void> {
  await sink.write(planned.header);
  for (const t of planned.tensors) {
    const bytes = t instanceof RawTensor ? t.data : await tensorBytes(t);
    if (bytes.byteLength > 0) await sink.write(bytes);
  }
}

/**
 * safetensors' `save(tensors, metadata=None)`: the bytes of a file holding `tensors`.
 * @example const bytes = await safetensors.save({ w: torch.ones(2) }, { format: 'pt' });
 */
export async function save(tensors: TensorDict, metadata?: Readonly<Record<string, string>> | null): Promise<Uint8Array> {
  const sink = new MemorySink();
  await writeSafetensors(planSafetensors(tensors, metadata), sink);
  return sink.bytes();
}

/**
 * safetensors' `save_file(tensors, filename, metadata=None)`: writes `tensors` to a file (Node, or
 * OPFS in a browser), streaming one tensor at a time.
 * @example await saveFile(model.stateDict(), 'model.safetensors', { format: 'pt' });
 */
export async function saveFile(
  tensors: TensorDict,
  filename: string,
  metadata?: Readonly<Record<string, string>> | null,
  opts: WriteOptions = {},
): Promise<void> {
  const planned = planSafetensors(tensors, metadata, filename);
  const fs = opts.fs ?? (await defaultFileSystem());
  const out = await fs.create(filename);
  try {
    await writeSafetensors(planned, out);
    await out.close();
  } catch (e) {
    await out.close().catch(() => undefined);
    await fs.remove(filename).catch(() => undefined);
    throw e;
  }
}
