// Turning what the unpickler built into JavaScript values: dicts into plain objects (or Maps
// when their keys are not strings and ints), tuples into arrays remembered as tuples, tensor
// references into torchlet tensors viewing shared storages, dtype objects into dtype names.
import type { Tensor } from '@torchlet/tensor';
import { NotImplementedError, TorchError } from '@torchlet/tensor';
import { CheckpointError } from '../errors.js';
import type { PyCallable } from '../pickle/values.js';
import { isTuple, markIntKeys, PyDict, tuple } from '../pickle/values.js';
import { DtypeGlobal, MarkerGlobal } from './globals.js';
import { StorageRef, TensorRef } from './refs.js';
import type { TorchDtype } from './storageTypes.js';

/** The 1-D tensor of a storage's elements, read as `dtype`. */
export type StorageTensors = (ref: StorageRef, dtype: TorchDtype) => Tensor;

const MAX_DEPTH = 1000;

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * The JavaScript value of an unpickled tree; `storages` gives each storage's tensor.
 * @example materialize(unpickle(bytes, 0, hooks).value, storages, 'm.pt')
 */
export function materialize(root: unknown, storages: StorageTensors, file: string): unknown {
  const done = new Map<object, unknown>();
  const convert = (v: unknown, path: string, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof Uint8Array) return v;
    const seen = done.get(v);
    if (seen !== undefined) return seen;
    if (depth > MAX_DEPTH) throw new CheckpointError(file, `the object is nested deeper than ${MAX_DEPTH} levels`, { tensor: path });
    let out: unknown;
    if (v instanceof TensorRef) out = tensorOf(v, path);
    else if (v instanceof StorageRef) out = storageOf(v, v.dtype, path);
    else if (Array.isArray(v)) {
      const arr: unknown[] = [];
      done.set(v, arr);
      v.forEach((x, i) => arr.push(convert(x, `${path}[${i}]`, depth + 1)));
      out = isTuple(v) ? tuple(arr) : arr;
    } else if (v instanceof Set) {
      const s = new Set<unknown>();
      done.set(v, s);
      for (const x of v) s.add(convert(x, path, depth + 1));
      out = s;
    } else if (v instanceof PyDict) out = dictOf(v, path, depth);
    else if (v instanceof DtypeGlobal) out = v.dtype.torch ?? v.dtype.name;
    else if (v instanceof MarkerGlobal) out = v.full;
    else throw new CheckpointError(file, `the pickle holds '${(v as PyCallable).full ?? 'an object'}' as a value, which torchlet cannot represent`, { tensor: path });
    done.set(v, out);
    return out;
  };
  const dictOf = (d: PyDict, path: string, depth: number): unknown => {
    const keys = [...d.map.keys()];
    const plain = keys.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isSafeInteger(k)));
    const strings = new Set(keys.map(String));
    const child = (k: unknown) => (path === '' ? String(k) : `${path}.${String(k)}`);
    if (plain && strings.size === keys.length) {
      const o: Record<string, unknown> = {};
      done.set(d, o);
      if (keys.some((k) => typeof k === 'number')) markIntKeys(o);
      for (const [k, x] of d.map) setKey(o, String(k), convert(x, child(k), depth + 1));
      // a state dict's module versions, kept out of its keys as nn.Module's stateDict() keeps them
      const meta = d.attrs?.map.get('_metadata');
      if (meta !== undefined) Object.defineProperty(o, '_metadata', { value: convert(meta, path, depth + 1), enumerable: false, writable: true, configurable: true });
      return o;
    }
    const m = new Map<unknown, unknown>();
    done.set(d, m);
    for (const [k, x] of d.map) m.set(convert(k, path, depth + 1), convert(x, child(k), depth + 1));
    return m;
  };
  const storageOf = (ref: StorageRef, dtype: TorchDtype, path: string): Tensor => {
    if (!dtype.torch) throw new CheckpointError(file, `dtype ${dtype.name} has no torchlet dtype (torchlet has float64 float32 float16 bfloat16 int64 int32 int8 uint8 bool)`, { tensor: path });
    return storages(ref, dtype);
  };
  const tensorOf = (r: TensorRef, path: string): Tensor => {
    const base = storageOf(r.storage, r.dtype, path);
    try {
      const t = base.asStrided([...r.size], [...r.stride], r.offset);
      if (r.requiresGrad) requireGrad(t);
      return t;
    } catch (e) {
      if (e instanceof TorchError) throw new CheckpointError(file, `its size, stride and offset do not fit its storage: ${e.message}`, { tensor: path, cause: e });
      throw e;
    }
  };
  return convert(root, '', 0);
}

/** Restores requires_grad where autograd is installed; without it there is nothing to differentiate. */
function requireGrad(t: Tensor): void {
  try {
    t.requiresGrad_(true);
  } catch (e) {
    if (!(e instanceof NotImplementedError)) throw e;
  }
}
