// torch.save / torch.load: the format from the file's extension (`.safetensors`, anything else is
// PyTorch's .pt zip format, as torch.save writes whatever the name), or from `{ format }`.
import type { Device } from '@torchlet/tensor';
import type { ByteSink } from './bytes/sink.js';
import { streamSink } from './bytes/sink.js';
import { bytesSource } from './bytes/source.js';
import type { ByteSource } from './bytes/source.js';
import type { FileSystem } from './fs/fileSystem.js';
import { defaultFileSystem } from './fs/fileSystem.js';
import type { ReadTarget } from './fs/openSource.js';
import { openSource } from './fs/openSource.js';
import { extension } from './fs/path.js';
import { loadPt } from './pt/load.js';
import { savePt } from './pt/save.js';
import { load as loadSafetensorsStream, readAll } from './safetensors/load.js';
import { openSafetensors } from './safetensors/reader.js';
import type { TensorDict } from './safetensors/writer.js';
import { planSafetensors, writeSafetensors } from './safetensors/writer.js';

/** The two file formats: PyTorch's `.pt` (zip + pickle) and safetensors. */
export type Format = 'pt' | 'safetensors';

/** Options of `save`. */
export interface SaveOptions {
  /** The format, when the path's extension should not decide (or there is no path). */
  format?: Format;
  /** safetensors `__metadata__`. */
  metadata?: Readonly<Record<string, string>>;
  /** The file system paths go through (default: Node's, or OPFS in a browser). */
  fs?: FileSystem;
}

/** Options of `load`. */
export interface LoadOptions {
  /** Where tensors go (torch.load's map_location; default 'cpu'). */
  mapLocation?: Device;
  /** The format, when the extension (or the content) should not decide. */
  format?: Format;
  /** The file system paths go through. */
  fs?: FileSystem;
}

/** The format a path's extension names. @example formatOf('m.safetensors') // 'safetensors' */
export function formatOf(path: string): Format {
  return extension(path) === '.safetensors' ? 'safetensors' : 'pt';
}

async function writeTo(obj: unknown, sink: ByteSink, format: Format, name: string, opts: SaveOptions): Promise<void> {
  if (format === 'safetensors') await writeSafetensors(planSafetensors(obj as TensorDict, opts.metadata, name), sink);
  else await savePt(obj, sink, name);
}

/**
 * `torch.save(obj, f)`: writes a state dict (or an optimizer's, or any tree of objects, arrays,
 * numbers, strings and tensors) to a path, a ByteSink or a WritableStream. `.safetensors` paths get
 * safetensors (a flat dict of tensors), other paths PyTorch's `.pt` format.
 * @example
 * await torch.save(model.stateDict(), 'model.safetensors');
 * await torch.save(optimizer.stateDict(), 'optim.pt');
 */
export async function save(obj: unknown, f: string | ByteSink | WritableStream<Uint8Array>, opts: SaveOptions = {}): Promise<void> {
  if (typeof f !== 'string') {
    const format = opts.format ?? 'pt';
    if (typeof WritableStream !== 'undefined' && f instanceof WritableStream) {
      const sink = streamSink(f);
      try {
        await writeTo(obj, sink, format, '<stream>', opts);
      } finally {
        sink.release();
      }
    } else await writeTo(obj, f as ByteSink, format, '<sink>', opts);
    return;
  }
  const format = opts.format ?? formatOf(f);
  if (format === 'safetensors') planSafetensors(obj as TensorDict, opts.metadata, f); // refuse bad input before touching the file
  const fs = opts.fs ?? (await defaultFileSystem());
  const out = await fs.create(f);
  try {
    await writeTo(obj, out, format, f, opts);
    await out.close();
  } catch (e) {
    await out.close().catch(() => undefined);
    await fs.remove(f).catch(() => undefined);
    throw e;
  }
}

async function sniff(source: ByteSource): Promise<Format> {
  const head = await source.read(0, Math.min(4, source.size));
  return head[0] === 0x80 || (head[0] === 0x50 && head[1] === 0x4b) ? 'pt' : 'safetensors';
}

/**
 * `torch.load(f, map_location)`: reads a `.pt`/`.pth` file (as `weights_only=True`: no code runs)
 * or a `.safetensors` file from a path, a Blob or File, bytes, or a ReadableStream. A state dict
 * comes back as a plain object of tensors, an optimizer's as PyTorch's `{ state, param_groups }`.
 * @example const sd = await torch.load('model.pt'); model.loadStateDict(sd);
 */
export async function load(f: ReadTarget | ReadableStream<Uint8Array>, mapLocation?: Device | LoadOptions, opts: LoadOptions = {}): Promise<unknown> {
  const o: LoadOptions = typeof mapLocation === 'object' ? mapLocation : { ...opts, mapLocation: mapLocation ?? opts.mapLocation };
  const device = o.mapLocation ?? 'cpu';
  if (typeof ReadableStream !== 'undefined' && f instanceof ReadableStream) {
    if ((o.format ?? 'safetensors') === 'safetensors') return loadSafetensorsStream(f, device);
    return loadPt(bytesSource(new Uint8Array(await new Response(f).arrayBuffer()), '<stream>'), device);
  }
  const source = await openSource(f as ReadTarget, o.fs);
  const format = o.format ?? (typeof f === 'string' ? formatOf(f) : await sniff(source));
  if (format === 'safetensors') return readAll(await openSafetensors(source, device));
  try {
    return await loadPt(source, device);
  } finally {
    await source.close();
  }
}
