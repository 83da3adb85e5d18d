// torch.nn.ModuleList: a list of submodules, registered as '0', '1', …

import type { Slice } from '@torchlet/tensor';
import { TorchTypeError, describeValue } from '@torchlet/tensor';
import { Module } from '../module/module.js';
import { absIndex, sliceIndices } from './listIndex.js';
import { renumber } from './renumber.js';

/**
 * `nn.ModuleList(modules)`: holds submodules in a list, registered so that `parameters()`,
 * `to()` and `stateDict()` see them (keys `'0.weight'`, …). It has no forward of its own.
 * @example
 * const layers = new nn.ModuleList([new nn.Linear(4, 4), new nn.Linear(4, 4)]);
 * for (const l of layers) x = l.call(x);
 */
export class ModuleList extends Module implements Iterable<Module> {
  readonly [index: number]: Module;

  constructor(modules: Iterable<Module> | null = null) {
    super();
    if (modules !== null) this.extend(modules);
  }

  /** `len(list)`. @example new nn.ModuleList([new nn.ReLU()]).length // 1 */
  get length(): number {
    return this._modules.size;
  }
  /** `iter(list)`. @example [...layers].length */
  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }
  /** `list[idx]` or `list[start:stop:step]` (a new, renumbered ModuleList). @example layers.at(-1) */
  at(idx: number): Module;
  at(idx: Slice): ModuleList;
  at(idx: number | Slice): Module | ModuleList {
    const values = [...this._modules.values()] as Module[];
    if (typeof idx === 'number') return values[absIndex(idx, values.length)]!;
    return new ModuleList(sliceIndices(idx, values.length).map((i) => values[i]!));
  }
  /** `list[idx] = module`. @example layers.setAt(0, new nn.Identity()) */
  setAt(idx: number, module: Module): void {
    (this as unknown as Record<string, Module>)[String(absIndex(idx, this.length))] = module;
  }
  /** `del list[idx]` / `del list[a:b]`; the rest are renumbered. @example layers.delete(0) */
  delete(idx: number | Slice): void {
    const picked = typeof idx === 'number' ? [absIndex(idx, this.length)] : sliceIndices(idx, this.length);
    for (const i of picked) delete (this as unknown as Record<string, Module>)[String(i)];
    renumber(this._modules);
  }
  /** `list.pop(idx)`. @example const m = layers.pop(-1) */
  pop(idx: number): Module {
    const v = this.at(idx);
    this.delete(idx);
    return v;
  }
  /** `list.append(module)`. @example layers.append(new nn.ReLU()) */
  append(module: Module): this {
    this.addModule(String(this.length), module);
    return this;
  }
  /** `list.insert(index, module)`: before `index`. @example layers.insert(0, new nn.Identity()) */
  insert(index: number, module: Module): void {
    for (let i = this._modules.size; i > index; i--) this._modules.set(String(i), this._modules.get(String(i - 1))!);
    this._modules.set(String(index), module);
  }
  /** `list.extend(modules)` (also `list += modules`). @example layers.extend([new nn.ReLU()]) */
  extend(modules: Iterable<Module>): this {
    if (modules === null || typeof (modules as Partial<Iterable<Module>>)[Symbol.iterator] !== 'function') {
      throw new TorchTypeError(`ModuleList.extend should be called with an iterable, but got ${describeValue(modules)}`);
    }
    const offset = this.length;
    let i = 0;
    for (const m of modules) this.addModule(String(offset + i++), m);
    return this;
  }
}
