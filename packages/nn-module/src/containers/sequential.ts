// torch.nn.Sequential: modules run one after the other; index, slice, append, insert, extend, delete.

import type { Slice, Tensor } from '@torchlet/tensor';
import { IndexError, TorchTypeError, isPlainObject } from '@torchlet/tensor';
import { Module } from '../module/module.js';
import { absIndex, sliceIndices } from './listIndex.js';
import { renumber } from './renumber.js';

/**
 * `nn.Sequential(*modules)` or `nn.Sequential(OrderedDict)` (a Map, or a plain object, of named
 * modules): `call(x)` feeds `x` through each in order. Children are the fields `'0'`, `'1'`, …
 * (`seq[0]`); `at(-1)` and `at([1, 3])` index and slice as Python does.
 * @example
 * const seq = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 2));
 * seq.call(torch.randn(3, 4)).shape // [3, 2]
 */
export class Sequential extends Module implements Iterable<Module> {
  readonly [index: number]: Module;

  constructor(...args: Module[] | [Map<string, Module> | Record<string, Module>]) {
    super();
    const first = args[0];
    if (args.length === 1 && (first instanceof Map || isPlainObject(first))) {
      const entries = first instanceof Map ? [...first] : Object.entries(first);
      for (const [key, module] of entries) this.addModule(key, module);
    } else (args as Module[]).forEach((m, i) => this.addModule(String(i), m));
  }

  /** `len(seq)`. @example new nn.Sequential(new nn.ReLU()).length // 1 */
  get length(): number {
    return this._modules.size;
  }
  /** `iter(seq)`: the modules in order. @example for (const m of seq) console.log(String(m)) */
  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()] as Module[])[Symbol.iterator]();
  }

  /** `seq[idx]` (negative from the end) or `seq[start:stop:step]` (a Sequential keeping the names). @example seq.at(-1); seq.at([0, 2]) */
  at(idx: number): Module;
  at(idx: Slice): this;
  at(idx: number | Slice): Module | this {
    const entries = [...this._modules] as [string, Module][];
    if (typeof idx === 'number') return entries[absIndex(idx, entries.length)]![1];
    const Ctor = this.constructor as new (m: Map<string, Module>) => this;
    return new Ctor(new Map(sliceIndices(idx, entries.length).map((i) => entries[i]!)));
  }
  /** `seq[idx] = module`. @example seq.setAt(0, new nn.Linear(4, 8)) */
  setAt(idx: number, module: Module): void {
    const keys = [...this._modules.keys()];
    (this as unknown as Record<string, Module>)[keys[absIndex(idx, keys.length)]!] = module;
  }
  /** `del seq[idx]` or `del seq[start:stop]`; the rest are renumbered. @example seq.delete(0) */
  delete(idx: number | Slice): void {
    const keys = [...this._modules.keys()];
    const picked = typeof idx === 'number' ? [absIndex(idx, keys.length)] : sliceIndices(idx, keys.length);
    for (const i of picked) delete (this as unknown as Record<string, Module>)[keys[i]!];
    renumber(this._modules);
  }
  /** `seq.pop(idx)`: removes and returns the module(s) at `idx`. @example const last = seq.pop(-1) */
  pop(idx: number): Module;
  pop(idx: Slice): this;
  pop(idx: number | Slice): Module | this {
    const v = typeof idx === 'number' ? this.at(idx) : this.at(idx);
    this.delete(idx);
    return v;
  }
  /** `seq.append(module)`. @example seq.append(new nn.Softmax(1)) */
  append(module: Module): this {
    this.addModule(String(this.length), module);
    return this;
  }
  /** `seq.insert(index, module)`: before position `index` (negative from the end). @example seq.insert(1, new nn.Dropout()) */
  insert(index: number, module: Module): this {
    if (!(module instanceof Module)) throw new TorchTypeError('module should be of type: Module');
    const n = this._modules.size;
    if (!(index >= -n && index <= n)) throw new IndexError(`Index out of range: ${index}`);
    const at = index < 0 ? index + n : index;
    for (let i = n; i > at; i--) this._modules.set(String(i), this._modules.get(String(i - 1))!);
    this._modules.set(String(at), module);
    return this;
  }
  /** `seq.extend(modules)`: appends each. @example seq.extend([new nn.ReLU(), new nn.Linear(2, 2)]) */
  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** Runs the modules in order. @example seq.forward(x) */
  override forward(input: Tensor): Tensor {
    let x: unknown = input;
    for (const m of this) x = m.call(x);
    return x as Tensor;
  }
}
