// Reading safetensors lazily: open validates the whole header against the file's size, then each
// tensor is read by name from its own byte range, so a large file is never loaded whole.
import type { Device, Tensor } from '@torchlet/tensor';
import type { ByteSource } from '../bytes/source.js';
import { CheckpointError } from '../errors.js';
import type { FileSystem } from '../fs/fileSystem.js';
import type { ReadTarget } from '../fs/openSource.js';
import { openSource } from '../fs/openSource.js';
import type { SafetensorsDtype } from './dtypes.js';
import type { Header, HeaderEntry } from './header.js';
import { headerLength, parseHeader } from './header.js';
import { RawTensor } from './raw.js';

/** Options of `safeOpen`, `loadFile` and `load`. */
export interface ReadOptions {
  /** safetensors' framework argument; torchlet reads as 'pt' (torch) does. */
  framework?: 'pt';
  /** Where the tensors go (default 'cpu'). */
  device?: Device;
  /** The file system paths go through (default: Node's, or OPFS in a browser). */
  fs?: FileSystem;
}

/** A tensor's dtype, shape and byte range in the data, as the header gives them. */
export interface TensorInfo {
  dtype: SafetensorsDtype;
  shape: number[];
  dataOffsets: [number, number];
}

/**
 * An open safetensors file (safetensors' `safe_open`): names, metadata, and tensors read one at a
 * time by name. Close it (or `await using`) when done.
 * @example
 * await using f = await safeOpen('model.safetensors', 'pt');
 * for (const name of f.keys()) console.log(name, f.info(name).shape);
 * const w = await f.getTensor('fc.weight');
 */
export class SafetensorsFile implements AsyncDisposable {
  /** @internal Use `safeOpen`. */
  constructor(
    private readonly source: ByteSource,
    private readonly header: Header,
    private readonly device: Device,
  ) {}

  /** The file's name, as errors give it. @example f.name // 'model.safetensors' */
  get name(): string {
    return this.source.name;
  }

  /** The tensor names, sorted (as safetensors' `keys()`). @example f.keys() // ['bias', 'weight'] */
  keys(): string[] {
    return [...this.header.byName.keys()].sort();
  }

  /** The `__metadata__` strings, or null when the file has none. @example f.metadata() // { format: 'pt' } */
  metadata(): Record<string, string> | null {
    return this.header.metadata && { ...this.header.metadata };
  }

  /** The header's record of one tensor. @example f.info('w') // { dtype: 'F32', shape: [2], dataOffsets: [0, 8] } */
  info(name: string): TensorInfo {
    const e = this.entry(name);
    return { dtype: e.dtype, shape: [...e.shape], dataOffsets: [e.begin, e.end] };
  }

  /** One tensor's bytes as they are in the file; works for every dtype. @example (await f.getRaw('counts')).dtype // 'U16' */
  async getRaw(name: string): Promise<RawTensor> {
    const e = this.entry(name);
    const data = await this.source.read(this.header.dataStart + e.begin, e.end - e.begin);
    return new RawTensor(e.dtype, e.shape, data, this.name, name);
  }

  /**
   * One tensor, read from its byte range only (safetensors' `get_tensor`). A dtype torchlet lacks
   * (I16, U32, F8_E4M3, …) is a CheckpointError; `getRaw` reads those.
   * @example const w = await f.getTensor('fc.weight');
   */
  async getTensor(name: string): Promise<Tensor> {
    const raw = await this.getRaw(name);
    return raw.toTensor(this.device);
  }

  /** Closes the file. @example await f.close() */
  close(): Promise<void> {
    return this.source.close();
  }

  /** `await using f = await safeOpen(…)` closes it. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private entry(name: string): HeaderEntry {
    const e = this.header.byName.get(name);
    if (!e) throw new CheckpointError(this.name, 'no tensor of this name in the file', { tensor: name });
    return e;
  }
}

/**
 * Validates the header of an open source and wraps it; the source is closed if it is malformed.
 * @example const f = await openSafetensors(bytesSource(bytes), 'cpu');
 */
export async function openSafetensors(source: ByteSource, device: Device = 'cpu'): Promise<SafetensorsFile> {
  try {
    const n = headerLength(await source.read(0, Math.min(8, source.size)), source.size, source.name);
    const header = parseHeader(await source.read(8, n), source.name, source.size - 8 - n);
    return new SafetensorsFile(source, header, device);
  } catch (e) {
    await source.close();
    throw e;
  }
}

/**
 * safetensors' `safe_open(filename, framework="pt", device="cpu")`: opens a file (a path, a Blob or
 * File, bytes) for lazy reads by name.
 * @example
 * const f = await safeOpen('model.safetensors', 'pt');
 * const w = await f.getTensor('fc.weight'); await f.close();
 */
export async function safeOpen(f: ReadTarget, framework?: 'pt' | ReadOptions, device?: Device): Promise<SafetensorsFile> {
  const opts: ReadOptions = typeof framework === 'object' ? framework : { framework, device };
  if (opts.framework !== undefined && opts.framework !== 'pt') throw new TypeError(`safeOpen: framework must be 'pt', got '${String(opts.framework)}'`);
  return openSafetensors(await openSource(f, opts.fs), opts.device ?? device ?? 'cpu');
}
