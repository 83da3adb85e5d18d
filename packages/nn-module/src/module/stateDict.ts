// state_dict / load_state_dict, as PyTorch's Module: dotted keys in registration order, per-module
// `_metadata` with `version`, PyTorch's checks and messages. Unlike PyTorch, a load that fails
// changes nothing: the writes are collected while checking and made only once every check passed.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, TorchTypeError, isPlainObject, isTensor } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import { Parameter, isLazy } from '../parameter.js';
import { typename } from './typename.js';
import type { Module } from './module.js';

/** A state dict: parameters and persistent buffers by dotted name (a plain object, as torch.load returns). */
export type StateDict = Record<string, Tensor>;
/** Per-module metadata (`sd._metadata[''].version`), stored as a non-enumerable `_metadata` field. */
export type StateDictMetadata = Record<string, { version?: number; [key: string]: unknown }>;
/** `load_state_dict`'s result: PyTorch's `_IncompatibleKeys`. */
export interface IncompatibleKeys {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/** The key suffix of `get_extra_state()`'s value. */
export const EXTRA_STATE_KEY_SUFFIX = '_extra_state';

/** The writes of a load in progress, made once it succeeded (null: write at once). */
let pendingWrites: (() => void)[] | null = null;

/** Runs `write` now, or when the load in progress has passed every check. */
export function deferWrite(write: () => void): void {
  if (pendingWrites === null) write();
  else pendingWrites.push(write);
}

/** The `_metadata` of a state dict, if it has one. @example metadataOf(model.stateDict())?.['']?.version // 1 */
export function metadataOf(sd: object): StateDictMetadata | undefined {
  return (sd as { _metadata?: StateDictMetadata })._metadata;
}

/** A new state dict with an empty, non-enumerable `_metadata`. */
export function newStateDict(): StateDict {
  const sd: StateDict = {};
  Object.defineProperty(sd, '_metadata', { value: {}, enumerable: false, writable: true, configurable: true });
  return sd;
}

/** `module._save_to_state_dict(destination, prefix, keep_vars)`: this module's own entries. */
export function saveToStateDict(module: Module, destination: StateDict, prefix: string, keepVars: boolean): void {
  for (const [name, p] of module._parameters) if (p !== null) destination[prefix + name] = keepVars ? p : p.detach();
  for (const [name, b] of module._buffers) {
    if (b !== null && !module._nonPersistentBuffersSet.has(name)) destination[prefix + name] = keepVars ? b : b.detach();
  }
  if (overridesExtraState(module, 'getExtraState')) destination[prefix + EXTRA_STATE_KEY_SUFFIX] = module.getExtraState() as Tensor;
}

/** The base class's getExtraState/setExtraState (Module registers them): a module has extra state when it overrides them. */
export const BASE_EXTRA_STATE = new WeakSet<object>();

function overridesExtraState(module: Module, method: 'getExtraState' | 'setExtraState'): boolean {
  return !BASE_EXTRA_STATE.has(module[method]);
}

/** The shape as messages print it. */
const shapeText = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** `module._load_from_state_dict(...)` of the base class: checks this module's entries and schedules their copies. */
export function loadFromStateDict(
  module: Module, stateDict: Record<string, unknown>, prefix: string, localMetadata: Record<string, unknown>, strict: boolean,
  missingKeys: string[], unexpectedKeys: string[], errorMsgs: string[],
): void {
  const assign = localMetadata['assign_to_params_buffers'] === true;
  const local = new Map<string, Tensor>();
  for (const [k, v] of module._parameters) if (v !== null) local.set(k, v);
  for (const [k, v] of module._buffers) if (v !== null && !module._nonPersistentBuffersSet.has(k)) local.set(k, v);
  for (const [name, param] of local) {
    const key = prefix + name;
    if (!Object.hasOwn(stateDict, key)) {
      if (strict) missingKeys.push(key);
      continue;
    }
    const raw = stateDict[key];
    if (!isTensor(raw)) {
      errorMsgs.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received <class '${typename(raw)}'>`);
      continue;
    }
    let input: Tensor = raw;
    const lazy = isLazy(param);
    if (!lazy && param.ndim === 0 && input.ndim === 1) input = input.at(0);
    if (!lazy && input.shape.join() !== param.shape.join()) {
      errorMsgs.push(`size mismatch for ${key}: copying a param with shape ${shapeText(input.shape)} from checkpoint, the shape in current model is ${shapeText(param.shape)}.`);
      continue;
    }
    let source: Tensor;
    try {
      // converted now, so that a failure is reported before anything is written
      source = assign ? input : noGrad(() => input.to({ device: param.device, dtype: param.dtype }));
    } catch (e) {
      errorMsgs.push(
        `While copying the parameter named "${key}", whose dimensions in the model are ${shapeText(param.shape)} and whose dimensions in the checkpoint are ${shapeText(input.shape)}, an exception occurred : ('${(e as Error).message}',).`,
      );
      continue;
    }
    deferWrite(() => writeEntry(module, name, param, source, assign));
  }
  const extraKey = prefix + EXTRA_STATE_KEY_SUFFIX;
  if (overridesExtraState(module, 'setExtraState')) {
    if (Object.hasOwn(stateDict, extraKey)) {
      const extra = stateDict[extraKey];
      deferWrite(() => module.setExtraState(extra));
    } else if (strict) missingKeys.push(extraKey);
  } else if (strict && Object.hasOwn(stateDict, extraKey)) unexpectedKeys.push(extraKey);
  if (strict) {
    for (const key of Object.keys(stateDict)) {
      if (!key.startsWith(prefix) || key === extraKey) continue;
      const inputName = key.slice(prefix.length).split('.', 1)[0]!;
      if (!module._modules.has(inputName) && !local.has(inputName)) unexpectedKeys.push(key);
    }
  }
}

function writeEntry(module: Module, name: string, param: Tensor, source: Tensor, assign: boolean): void {
  if (isLazy(param) && !assign) param.materialize(source.shape);
  if (!assign) {
    noGrad(() => param.copy_(source));
    return;
  }
  let value = source;
  if (param instanceof Parameter) {
    value = source instanceof Parameter ? source.requiresGrad_(param.requiresGrad) : new Parameter(source, param.requiresGrad);
  }
  (module as unknown as Record<string, unknown>)[name] = value;
}

/** `module.load_state_dict(state_dict, strict, assign)`. */
export function loadStateDict(root: Module, stateDict: unknown, strict: boolean, assign: boolean): IncompatibleKeys {
  if (!(isPlainObject(stateDict) || stateDict instanceof Map)) {
    throw new TorchTypeError(`Expected state_dict to be dict-like, got ${typename(stateDict)}.`);
  }
  const metadata = metadataOf(stateDict);
  const entries: Record<string, unknown> = stateDict instanceof Map ? Object.fromEntries(stateDict) : { ...stateDict };
  const missingKeys: string[] = [];
  const unexpectedKeys: string[] = [];
  const errorMsgs: string[] = [];
  const writes: (() => void)[] = [];
  const outer = pendingWrites;
  pendingWrites = writes;
  try {
    const load = (module: Module, local: Record<string, unknown>, prefix: string): void => {
      // PyTorch hands `assign` down in the local metadata, too
      const own = metadata?.[prefix.slice(0, -1)] ?? {};
      const localMetadata = assign ? { ...own, assign_to_params_buffers: true } : own;
      module.loadFromStateDict(local, prefix, localMetadata, true, missingKeys, unexpectedKeys, errorMsgs);
      for (const [name, child] of module._modules) {
        if (child === null) continue;
        const childPrefix = `${prefix}${name}.`;
        const childSd: Record<string, unknown> = {};
        for (const k of Object.keys(local)) if (k.startsWith(childPrefix)) childSd[k] = local[k];
        load(child, childSd, childPrefix);
      }
      const incompatible: IncompatibleKeys = { missingKeys, unexpectedKeys };
      for (const hook of module._hooks.loadPost.values()) {
        if (hook(module, incompatible) !== undefined) {
          throw new RuntimeError(
            'Hooks registered with ``register_load_state_dict_post_hook`` are notexpected to return new values, if incompatible_keys need to be modified,it should be done inplace.',
          );
        }
      }
    };
    load(root, entries, '');
  } finally {
    pendingWrites = outer;
  }
  if (strict) {
    if (unexpectedKeys.length > 0) errorMsgs.unshift(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}. `);
    if (missingKeys.length > 0) errorMsgs.unshift(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}. `);
  }
  if (errorMsgs.length > 0) throw new RuntimeError(`Error(s) in loading state_dict for ${root._getName()}:\n\t${errorMsgs.join('\n\t')}`);
  for (const w of writes) w();
  return { missingKeys, unexpectedKeys };
}
