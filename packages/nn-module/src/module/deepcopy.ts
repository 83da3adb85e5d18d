// copy.deepcopy(module): a new module of the same class with copies of its parameters (same
// requires_grad), buffers, submodules (shared ones stay shared) and attributes; hooks are kept.

import type { Tensor } from '@torchlet/tensor';
import { isPlainObject, isTensor } from '@torchlet/tensor';
import { Parameter } from '../parameter.js';
import { MODULE_TRAPS, isModule } from './attributes.js';
import type { Module } from './module.js';
import { initModuleState } from './module.js';

const INTERNAL = new Set(['training', '_parameters', '_buffers', '_nonPersistentBuffersSet', '_modules', '_hooks']);

function copyValue(v: unknown, memo: Map<unknown, unknown>): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (memo.has(v)) return memo.get(v);
  let out: unknown;
  if (v instanceof Parameter) out = new Parameter(v.detach().clone(), v.requiresGrad);
  else if (isTensor(v)) out = (v as Tensor).detach().clone().requiresGrad_((v as Tensor).requiresGrad);
  else if (isModule(v)) out = copyModule(v as unknown as Module, memo);
  else if (Array.isArray(v)) {
    const arr: unknown[] = [];
    memo.set(v, arr);
    for (const e of v) arr.push(copyValue(e, memo));
    return arr;
  } else if (v instanceof Map) {
    const m = new Map();
    memo.set(v, m);
    for (const [k, e] of v) m.set(k, copyValue(e, memo));
    return m;
  } else if (isPlainObject(v)) {
    const o: Record<string, unknown> = {};
    memo.set(v, o);
    for (const [k, e] of Object.entries(v)) o[k] = copyValue(e, memo);
    return o;
  } else out = v;
  memo.set(v, out);
  return out;
}

function copyModule(m: Module, memo: Map<unknown, unknown>): Module {
  const target = Object.create(Object.getPrototypeOf(m) as object) as Module;
  initModuleState(target, m.training);
  const copy = new Proxy(target, MODULE_TRAPS as ProxyHandler<Module>);
  memo.set(m, copy);
  for (const [k, p] of m._parameters) target._parameters.set(k, copyValue(p, memo) as Parameter | null);
  for (const [k, b] of m._buffers) target._buffers.set(k, copyValue(b, memo) as Tensor | null);
  for (const k of m._nonPersistentBuffersSet) target._nonPersistentBuffersSet.add(k);
  for (const [k, c] of m._modules) target._modules.set(k, copyValue(c, memo) as Module | null);
  m._hooks.copyInto(target._hooks);
  for (const key of Reflect.ownKeys(m)) {
    if (typeof key === 'string' && (INTERNAL.has(key) || m._parameters.has(key) || m._buffers.has(key) || m._modules.has(key))) continue;
    const d = Object.getOwnPropertyDescriptor(m, key)!;
    Object.defineProperty(target, key, 'value' in d ? { ...d, value: copyValue(d.value, memo) } : d);
  }
  return copy;
}

/**
 * `copy.deepcopy(module)`: an independent copy (what TransformerEncoder does to its layer).
 * @example const b = deepCopy(a); b.weight !== a.weight // true, with equal values
 */
export function deepCopy<M extends Module>(module: M): M {
  return copyModule(module, new Map()) as M;
}
