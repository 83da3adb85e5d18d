// The globals a .pt pickle may name: those PyTorch's torch.load(weights_only=True) allows
// (torch/_weights_only_unpickler.py), each answered with what torchlet builds for it. Any other
// name is refused with an error that names it; nothing is ever imported or called.
import { CheckpointError } from '../errors.js';
import type { PyCallable } from '../pickle/values.js';
import { isTuple, PyDict, tuple } from '../pickle/values.js';
import { StorageRef, TensorRef } from './refs.js';
import type { TorchDtype } from './storageTypes.js';
import { STORAGE_TYPES, TORCH_DTYPES } from './storageTypes.js';

/** A `torch.<dtype>` object named by a pickle. */
export class DtypeGlobal implements PyCallable {
  /** @example new DtypeGlobal('torch.float32', TORCH_DTYPES.float32!) */
  constructor(readonly full: string, readonly dtype: TorchDtype) {}
}

/** A storage class (`torch.FloatStorage`) named by a pickle, used in persistent ids. */
export class StorageTypeGlobal implements PyCallable {
  /** @example new StorageTypeGlobal('torch.FloatStorage', TORCH_DTYPES.float32!) */
  constructor(readonly full: string, readonly dtype: TorchDtype) {}
}

/** An allowed global that is only a marker (torch.Tensor, a quantization scheme). */
export class MarkerGlobal implements PyCallable {
  /** @example new MarkerGlobal('torch.Tensor') */
  constructor(readonly full: string, readonly newobj?: (args: unknown[]) => unknown) {}
}

const BLOCKED_MODULES = new Set(['sys', 'os', 'posix', 'nt']);
const PY2_MODULES: Record<string, string> = { __builtin__: 'builtins', copy_reg: 'copyreg' };

const bad = (what: string): never => {
  throw new TypeError(what);
};
const int = (x: unknown, what: string): number => (typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? x : bad(`${what} must be a non-negative integer`));
const ints = (x: unknown, what: string): number[] => (Array.isArray(x) ? x.map((v, i) => int(v, `${what}[${i}]`)) : bad(`${what} must be a tuple of integers`));
const bool = (x: unknown, what: string): boolean => (typeof x === 'boolean' ? x : bad(`${what} must be a bool`));
const tensorRef = (x: unknown, what: string): TensorRef => (x instanceof TensorRef ? x : bad(`${what} must be a tensor`));
const emptyState = (x: unknown, what: string) => {
  if (x === null || (x instanceof PyDict && x.map.size === 0)) return;
  bad(`${what}: tensor attributes (a subclass or Python attributes) are not supported`);
};

function rebuild(storage: unknown, offset: unknown, size: unknown, stride: unknown, requiresGrad: unknown, dtype?: TorchDtype): TensorRef {
  if (!(storage instanceof StorageRef)) bad('a tensor must be rebuilt from a storage');
  const s = storage as StorageRef;
  const sz = ints(size, 'size');
  const st = ints(stride, 'stride');
  if (sz.length !== st.length) bad(`size has ${sz.length} dims but stride ${st.length}`);
  return new TensorRef(s, dtype ?? s.dtype, int(offset, 'storage offset') + s.viewOffset, sz, st, requiresGrad === undefined ? false : bool(requiresGrad, 'requires_grad'));
}

function dict(kind: 'OrderedDict' | 'Counter', args: unknown[]): PyDict {
  const d = new PyDict(kind);
  const [items] = args;
  if (items === undefined) return d;
  if (items instanceof PyDict) {
    for (const [k, v] of items.map) d.map.set(k, v);
  } else if (Array.isArray(items)) {
    for (const pair of items) {
      if (!Array.isArray(pair) || pair.length !== 2) bad(`${kind} items must be (key, value) pairs`);
      d.map.set(pair[0], pair[1]);
    }
  } else bad(`${kind} takes a list of pairs`);
  return d;
}

function latin1(s: unknown): Uint8Array {
  if (typeof s !== 'string') return bad('bytes must be encoded from a string');
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 255) bad('latin-1 text holds a character above U+00FF');
    out[i] = c;
  }
  return out;
}

const call = (full: string, f: (args: unknown[]) => unknown): PyCallable => ({ full, call: f });
const unsupported = (full: string, what: string): PyCallable => call(full, () => bad(`not implemented: ${what} (${full})`));

const parameter = (args: unknown[]) => {
  const t = tensorRef(args[0], 'Parameter data');
  t.requiresGrad = args[1] === undefined ? true : bool(args[1], 'requires_grad');
  return t;
};

const TENSOR = new MarkerGlobal('torch.Tensor');
const PARAMETER: PyCallable = { full: 'torch.nn.parameter.Parameter', call: parameter, newobj: parameter };

const ALLOWED: Record<string, PyCallable> = {
  'collections.OrderedDict': call('collections.OrderedDict', (a) => dict('OrderedDict', a)),
  'collections.Counter': call('collections.Counter', (a) => dict('Counter', a)),
  'builtins.set': call('builtins.set', ([items]) => new Set(items === undefined ? [] : Array.isArray(items) ? items : bad('set takes a list'))),
  'builtins.bytearray': call('builtins.bytearray', ([b]) => (b === undefined ? new Uint8Array(0) : b instanceof Uint8Array ? b.slice() : latin1(b))),
  '_codecs.encode': call('_codecs.encode', ([s, enc]) => (enc === 'latin1' || enc === 'latin-1' ? latin1(s) : bad(`_codecs.encode with encoding ${String(enc)}`))),
  'builtins.complex': unsupported('builtins.complex', 'complex numbers'),
  'torch.Size': call('torch.Size', ([dims]) => tuple(ints(dims ?? [], 'torch.Size'))),
  'torch.device': call('torch.device', ([type, index]) => (typeof type === 'string' ? (index === undefined || index === null ? type : `${type}:${int(index, 'device index')}`) : bad('torch.device takes a string'))),
  'torch.serialization._get_layout': call('torch.serialization._get_layout', ([name]) => (typeof name === 'string' ? name : bad('layout name must be a string'))),
  'torch.Tensor': TENSOR,
  'torch.nn.parameter.Parameter': PARAMETER,
  'torch._utils._rebuild_tensor': call('torch._utils._rebuild_tensor', ([s, o, size, stride]) => rebuild(s, o, size, stride, false)),
  'torch._utils._rebuild_tensor_v2': call('torch._utils._rebuild_tensor_v2', ([s, o, size, stride, rg]) => rebuild(s, o, size, stride, rg)),
  'torch._utils._rebuild_tensor_v3': call('torch._utils._rebuild_tensor_v3', ([s, o, size, stride, rg, , dt]) =>
    rebuild(s, o, size, stride, rg, dt instanceof DtypeGlobal ? dt.dtype : bad('_rebuild_tensor_v3 needs a dtype'))),
  'torch._utils._rebuild_parameter': call('torch._utils._rebuild_parameter', ([data, rg]) => parameter([data, rg])),
  'torch._utils._rebuild_parameter_with_state': call('torch._utils._rebuild_parameter_with_state', ([data, rg, , state]) => {
    emptyState(state, '_rebuild_parameter_with_state');
    return parameter([data, rg]);
  }),
  'torch._tensor._rebuild_from_type_v2': call('torch._tensor._rebuild_from_type_v2', ([func, newType, args, state]) => {
    const f = func as PyCallable | undefined;
    if (!f?.call || !Object.values(ALLOWED).includes(f)) bad('_rebuild_from_type_v2 needs an allowed rebuild function');
    if (newType !== TENSOR && newType !== PARAMETER) bad('tensor subclasses are not supported');
    emptyState(state, '_rebuild_from_type_v2');
    return f!.call!(Array.isArray(args) ? args : bad('_rebuild_from_type_v2 arguments must be a tuple'));
  }),
  'torch._utils._rebuild_device_tensor_from_cpu_tensor': call('torch._utils._rebuild_device_tensor_from_cpu_tensor', ([data, , , rg]) => {
    const t = tensorRef(data, 'data');
    t.requiresGrad = bool(rg, 'requires_grad');
    return t;
  }),
  'torch._utils._rebuild_sparse_tensor': unsupported('torch._utils._rebuild_sparse_tensor', 'sparse tensors'),
  'torch._utils._rebuild_sparse_csr_tensor': unsupported('torch._utils._rebuild_sparse_csr_tensor', 'sparse tensors'),
  'torch._utils._rebuild_meta_tensor_no_storage': unsupported('torch._utils._rebuild_meta_tensor_no_storage', 'meta tensors'),
  'torch._utils._rebuild_qtensor': unsupported('torch._utils._rebuild_qtensor', 'quantized tensors'),
  'torch._utils._rebuild_wrapper_subclass': unsupported('torch._utils._rebuild_wrapper_subclass', 'tensor subclasses'),
  'torch._utils._rebuild_device_tensor_from_numpy': unsupported('torch._utils._rebuild_device_tensor_from_numpy', 'tensors saved from numpy'),
};
for (const [name, dt] of Object.entries(TORCH_DTYPES)) ALLOWED[`torch.${name}`] = new DtypeGlobal(`torch.${name}`, dt);
for (const [name, dt] of Object.entries(STORAGE_TYPES)) ALLOWED[`torch.${name}`] = new StorageTypeGlobal(`torch.${name}`, dt);
for (const q of ['per_tensor_affine', 'per_tensor_symmetric', 'per_channel_affine', 'per_channel_symmetric', 'per_channel_affine_float_qparams']) {
  ALLOWED[`torch.${q}`] = new MarkerGlobal(`torch.${q}`);
}

/**
 * What GLOBAL `module.name` stands for, or a CheckpointError naming it when torch.load(weights_only=True)
 * would refuse it.
 * @example resolveGlobal('collections', 'OrderedDict', 'm.pt').full // 'collections.OrderedDict'
 */
export function resolveGlobal(module: string, name: string, file: string): PyCallable {
  const mod = PY2_MODULES[module] ?? module;
  const full = `${mod}.${name}`;
  const found = BLOCKED_MODULES.has(mod) ? undefined : Object.prototype.hasOwnProperty.call(ALLOWED, full) ? ALLOWED[full] : undefined;
  if (found === undefined) {
    throw new CheckpointError(file, `the pickle refers to the global '${full}', which torch.load(weights_only=True) does not allow; torchlet executes nothing from a pickle`);
  }
  return found;
}

/** Whether `a` is a tuple of the pickle (for persistent ids). @example isPyTuple(tuple(['storage'])) // true */
export function isPyTuple(a: unknown): a is unknown[] {
  return Array.isArray(a) && isTuple(a);
}
