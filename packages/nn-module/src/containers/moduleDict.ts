// torch.nn.ModuleDict: submodules by name, in insertion order.

import { KeyError, TorchTypeError, ValueError, describeValue, isPlainObject } from '@torchlet/tensor';
import { Module } from '../module/module.js';

/** What `ModuleDict` and `update` take: a Map, a plain object, another ModuleDict, or `[key, module]` pairs. */
export type ModuleMapping = Map<string, Module> | Record<string, Module> | ModuleDict | Iterable<readonly [string, Module]>;

/**
 * `nn.ModuleDict(modules)`: submodules by name (registered, so `parameters()` and `stateDict()`
 * see them); `md.get('conv')` or `md.conv`. No forward of its own.
 * @example
 * const heads = new nn.ModuleDict({ cls: new nn.Linear(8, 10), box: new nn.Linear(8, 4) });
 * heads.get('cls').call(x)
 */
export class ModuleDict extends Module implements Iterable<string> {
  constructor(modules: ModuleMapping | null = null) {
    super();
    if (modules !== null) this.update(modules);
  }

  /** `md[key]`: KeyError when absent. @example heads.get('cls') */
  get(key: string): Module {
    const m = this._modules.get(key);
    if (m === undefined || m === null) throw new KeyError(key);
    return m;
  }
  /** `md[key] = module`. @example heads.set('seg', new nn.Conv2d(8, 2, 1)) */
  set(key: string, module: Module): void {
    this.addModule(key, module);
  }
  /** `del md[key]`. @example heads.delete('box') */
  delete(key: string): void {
    if (!this._modules.delete(key)) throw new KeyError(key);
  }
  /** `key in md`. @example heads.has('cls') // true */
  has(key: string): boolean {
    return this._modules.has(key);
  }
  /** `len(md)`. @example heads.length // 2 */
  get length(): number {
    return this._modules.size;
  }
  /** `iter(md)`: the keys. @example [...heads] // ['cls', 'box'] */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }
  /** `md.keys()`. @example heads.keys() // ['cls', 'box'] */
  keys(): string[] {
    return [...this._modules.keys()];
  }
  /** `md.values()`. @example heads.values().length // 2 */
  values(): Module[] {
    return [...this._modules.values()] as Module[];
  }
  /** `md.items()`: `[key, module]` pairs. @example for (const [k, m] of heads.items()) … */
  items(): [string, Module][] {
    return [...this._modules] as [string, Module][];
  }
  /** `md.clear()`. @example heads.clear() */
  clear(): void {
    this._modules.clear();
  }
  /** `md.pop(key)`: removes and returns it. @example const box = heads.pop('box') */
  pop(key: string): Module {
    const v = this.get(key);
    this.delete(key);
    return v;
  }
  /** `md.update(modules)`: sets each entry. @example heads.update({ aux: new nn.Linear(8, 1) }) */
  update(modules: ModuleMapping): void {
    for (const [k, m] of mappingEntries<Module>(modules, 'ModuleDict')) this.set(k, m);
  }
}

/** The entries of a Map, plain object, dict-like container or sequence of pairs, with PyTorch's checks. */
export function mappingEntries<V>(mapping: unknown, owner: string): [string, V][] {
  if (mapping instanceof Map) return [...(mapping as Map<string, V>)];
  if (mapping instanceof ModuleDict) return mapping.items() as unknown as [string, V][];
  if (isPlainObject(mapping)) return Object.entries(mapping) as [string, V][];
  if (typeof (mapping as Partial<Iterable<unknown>> | null)?.[Symbol.iterator] !== 'function') {
    throw new TorchTypeError(`${owner}.update should be called with an iterable of key/value pairs, but got ${describeValue(mapping)}`);
  }
  return [...(mapping as Iterable<unknown>)].map((pair, j) => {
    if (!Array.isArray(pair)) throw new TorchTypeError(`${owner} update sequence element #${j} should be Iterable; is${describeValue(pair)}`);
    if (pair.length !== 2) throw new ValueError(`${owner} update sequence element #${j} has length ${pair.length}; 2 is required`);
    return [pair[0] as string, pair[1] as V];
  });
}
