// Whole-file reads: safetensors' `load(bytes)` and `load_file(filename)`, plus ReadableStreams,
// read front to back (the header, then each tensor as its bytes arrive).
import type { Device, Tensor } from '@torchlet/tensor';
import { StreamReader } from '../bytes/streamReader.js';
import { CheckpointError } from '../errors.js';
import type { ReadTarget } from '../fs/openSource.js';
import { openSource } from '../fs/openSource.js';
import { headerLength, parseHeader } from './header.js';
import { RawTensor } from './raw.js';
import type { ReadOptions, SafetensorsFile } from './reader.js';
import { openSafetensors } from './reader.js';

function setKey(out: Record<string, Tensor>, name: string, t: Tensor): void {
  Object.defineProperty(out, name, { value: t, enumerable: true, writable: true, configurable: true });
}

/** Every tensor of an open file, by name (sorted); closes the file. @example await readAll(await safeOpen(bytes)) */
export async function readAll(f: SafetensorsFile): Promise<Record<string, Tensor>> {
  try {
    const out: Record<string, Tensor> = {};
    for (const name of f.keys()) setKey(out, name, await f.getTensor(name));
    return out;
  } finally {
    await f.close();
  }
}

/**
 * safetensors' `load_file(filename, device="cpu")`: every tensor of a file (a path, a Blob or File),
 * by name. A dtype torchlet lacks is a CheckpointError naming the tensor (`safeOpen(…).getRaw`
 * reads those).
 * @example const sd = await loadFile('model.safetensors'); sd['fc.weight'].shape // [10, 84]
 */
export async function loadFile(filename: ReadTarget, device?: Device | ReadOptions): Promise<Record<string, Tensor>> {
  const opts: ReadOptions = typeof device === 'object' ? device : { device };
  return readAll(await openSafetensors(await openSource(filename, opts.fs), opts.device ?? 'cpu'));
}

/**
 * safetensors' `load(data)`: every tensor of a file given as bytes, a Blob, or a ReadableStream
 * (read front to back, each tensor made as its bytes arrive).
 * @example const sd = await safetensors.load(await (await fetch('/model.safetensors')).body!);
 */
export async function load(data: Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array>, device: Device = 'cpu'): Promise<Record<string, Tensor>> {
  if (typeof ReadableStream !== 'undefined' && data instanceof ReadableStream) return loadStream(data, device);
  return readAll(await openSafetensors(await openSource(data as ReadTarget), device));
}

async function loadStream(stream: ReadableStream<Uint8Array>, device: Device, file = '<stream>'): Promise<Record<string, Tensor>> {
  const r = new StreamReader(stream, file);
  try {
    const n = headerLength(await r.readAtMost(8), undefined, file);
    const headerBytes = await r.readAtMost(n);
    if (headerBytes.byteLength < n) throw new CheckpointError(file, `header length ${n} is longer than the stream (${8 + headerBytes.byteLength} bytes)`);
    const header = parseHeader(headerBytes, file);
    const tensors = new Map<string, Tensor>();
    for (const e of header.entries) {
      const bytes = await r.readAtMost(e.end - e.begin);
      if (bytes.byteLength < e.end - e.begin) {
        throw new CheckpointError(file, `the stream ends inside the tensor's data (${bytes.byteLength} of ${e.end - e.begin} bytes)`, { tensor: e.name });
      }
      tensors.set(e.name, new RawTensor(e.dtype, e.shape, bytes, file, e.name).toTensor(device));
    }
    const extra = await r.countRest();
    if (extra > 0) throw new CheckpointError(file, `${extra} trailing bytes after the last tensor`);
    const out: Record<string, Tensor> = {};
    for (const name of [...tensors.keys()].sort()) setKey(out, name, tensors.get(name)!);
    return out;
  } finally {
    r.release();
  }
}
