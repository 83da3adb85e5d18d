// How datasets, transforms and functions reach a DataLoader worker. A worker is
// a separate JavaScript realm: objects cannot be shared with it, only described.
// Anything the worker needs implements `workerSpec()`, returning which module
// export rebuilds it and with which arguments; arguments are encoded the same way
// (nested specs, tensors, typed arrays, plain data), so a dataset with a Compose
// of transforms travels as one structured-clone-able tree.

import type { DType, Tensor } from '@torchlet/tensor';
import { isTensor, tensor } from '@torchlet/tensor';
import { tensorFromArray } from '../tensorFromArray.js';
import { typeName } from '../dataset/types.js';

/** The module name built-in specs use: the worker resolves it to its own copy of `@torchlet/data`. */
export const BUILTIN = '@torchlet/data';

/**
 * How a value is rebuilt in a worker: the worker imports `module` (a URL, or `'@torchlet/data'`
 * for built-ins), takes its export `name`, and constructs `new Export(...args)`; without `args`
 * it uses the export itself (a function or an object).
 * @example
 * class Squares extends Dataset<number> {
 *   constructor(readonly n: number) { super(); }
 *   get length() { return this.n; }
 *   get(i: number) { return i * i; }
 *   workerSpec() { return { module: import.meta.url, name: 'Squares', args: [this.n] }; }
 * }
 */
export interface WorkerSpec {
  readonly module: string;
  readonly name: string;
  readonly args?: readonly unknown[];
}

/** Something that can be rebuilt in a worker. */
export interface WorkerRebuildable {
  workerSpec(): WorkerSpec;
}

/**
 * Marks a function (or object) exported from a module as rebuildable in workers: the worker
 * imports `module` and takes the export `name`. Use it for `Lambda` transforms, `collateFn`
 * and `workerInitFn` when `numWorkers > 0`.
 * @example export const addOne = workerFunction(import.meta.url, 'addOne', (x: Tensor) => x.add(1));
 */
export function workerFunction<F extends object>(module: string | URL, name: string, fn: F): F & WorkerRebuildable {
  const spec: WorkerSpec = { module: String(module), name };
  Object.defineProperty(fn, 'workerSpec', { value: () => spec, enumerable: false, configurable: true });
  return fn as F & WorkerRebuildable;
}

/** A spec as it travels: tagged so that plain data never passes for one. */
type Encoded =
  | null | undefined | boolean | number | bigint | string
  | ArrayBufferView
  | Encoded[]
  | { readonly $spec: { module: string; name: string; args?: Encoded[] } }
  | { readonly $tensor: { dtype: DType; shape: number[]; data: ArrayBufferView } }
  | { readonly $object: Record<string, Encoded> };

/** Whether a value has a `workerSpec()` method (objects and functions). */
export function isRebuildable(v: unknown): v is WorkerRebuildable {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { workerSpec?: unknown }).workerSpec === 'function';
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Encodes `value` for a worker (structured-clone-able); `path` names it in errors.
 * @example encodeForWorker(new Compose([new ToTensor()]), 'transform')
 */
export function encodeForWorker(value: unknown, path: string): Encoded {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'boolean': case 'number': case 'bigint': case 'string':
      return value;
    case 'symbol':
      break;
    default: {
      if (isRebuildable(value)) {
        const spec = value.workerSpec();
        const args = spec.args?.map((a, i) => encodeForWorker(a, `${path}.args[${i}]`));
        return { $spec: { module: spec.module, name: spec.name, ...(args ? { args } : {}) } };
      }
      if (typeof value === 'function') break;
      if (isTensor(value)) return encodeTensor(value, false).encoded;
      if (ArrayBuffer.isView(value)) return value;
      if (Array.isArray(value)) return value.map((v, i) => encodeForWorker(v, `${path}[${i}]`));
      if (isPlain(value)) {
        const out: Record<string, Encoded> = {};
        for (const [k, v] of Object.entries(value)) out[k] = encodeForWorker(v, `${path}.${k}`);
        return { $object: out };
      }
    }
  }
  throw new TypeError(
    `${path} (${typeName(value)}) cannot be sent to a DataLoader worker: give it a workerSpec() method ` +
      `returning { module: import.meta.url, name: '<its export>', args: [...] }, or wrap a function exported ` +
      `from a module with workerFunction(import.meta.url, '<its export>', fn)`,
  );
}

/** Resolves a spec's module to its exports (the worker imports it). */
export type ModuleLoader = (module: string) => Promise<Record<string, unknown>>;

/**
 * Rebuilds an encoded value (in the worker).
 * @example const dataset = await decodeInWorker(message.dataset, load);
 */
export async function decodeInWorker(value: Encoded, load: ModuleLoader): Promise<unknown> {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => decodeInWorker(v, load)));
  if ('$tensor' in value) return decodeTensor(value.$tensor);
  if ('$object' in value) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value.$object)) out[k] = await decodeInWorker(v, load);
    return out;
  }
  const { module, name, args } = value.$spec;
  const exports = await load(module);
  const target = exports[name];
  if (target === undefined) throw new TypeError(`module ${module} has no export '${name}' (named by a workerSpec)`);
  if (args === undefined) return target;
  if (typeof target !== 'function') throw new TypeError(`export '${name}' of ${module} is not a class, but its workerSpec has args`);
  const decoded = (await Promise.all(args.map((a) => decodeInWorker(a, load)))) as unknown[];
  const built = new (target as new (...a: unknown[]) => unknown)(...decoded);
  // file-backed datasets may finish loading asynchronously (browser reads, downloads)
  const ready = (built as { ready?: unknown }).ready;
  return typeof ready === 'function' ? (ready as () => Promise<unknown>).call(built) : built;
}

/**
 * A tensor as a typed array plus its dtype and shape. With `transfer`, the array's
 * buffer is meant to be moved (postMessage transfer list), not copied.
 * @example const { encoded, buffer } = encodeTensor(torch.ones(2), true);
 */
export function encodeTensor(t: Tensor, transfer: boolean): { encoded: Encoded; buffer: ArrayBuffer | undefined } {
  const data = (t.dtype === 'float16' || t.dtype === 'bfloat16' ? t.float() : t).contiguous().dataSync();
  // dataSync reads into a fresh array on the CPU; only a whole ArrayBuffer can be transferred
  const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
  const buffer = transfer && whole ? (data.buffer as ArrayBuffer) : undefined;
  return { encoded: { $tensor: { dtype: t.dtype, shape: [...t.shape], data } }, buffer };
}

/** The tensor of an encoded one: one copy of the array into the backend's storage. */
export function decodeTensor(e: { dtype: DType; shape: number[]; data: ArrayBufferView }): Tensor {
  if (e.dtype === 'float16' || e.dtype === 'bfloat16') return tensor(e.data as Float32Array).reshape(e.shape).to(e.dtype);
  return tensorFromArray(e.data, e.shape, e.dtype);
}

export type { Encoded };
