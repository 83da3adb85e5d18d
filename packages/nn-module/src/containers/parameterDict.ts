// torch.nn.ParameterDict: parameters by name, in insertion order.

import { KeyError, RuntimeError, TorchTypeError, describeValue, isPlainObject, isTensor } from '@torchlet/tensor';
import { Module } from '../module/module.js';
import { Parameter } from '../parameter.js';
import { typename } from '../module/typename.js';
import { mappingEntries } from './moduleDict.js';
import { parameterLines } from './parameterRepr.js';

/** What `ParameterDict` and `update` take: a Map (order kept), a plain object (keys sorted, as PyTorch sorts a dict), another ParameterDict, or `[key, value]` pairs. */
export type ParameterMapping = Map<string, unknown> | Record<string, unknown> | ParameterDict | Iterable<readonly [string, unknown]>;

/**
 * `nn.ParameterDict(parameters)`: parameters by name (tensors are wrapped in Parameter),
 * registered so that `parameters()` and `stateDict()` see them. It cannot be called.
 * @example const pd = new nn.ParameterDict({ scale: torch.ones(1) }); pd.get('scale')
 */
export class ParameterDict extends Module implements Iterable<string> {
  declare _keys: Map<string, null>;

  constructor(parameters: ParameterMapping | null = null) {
    super();
    this._keys = new Map();
    if (parameters !== null) this.update(parameters);
  }

  private keyToAttr(key: unknown): string {
    if (typeof key !== 'string') {
      throw new TorchTypeError(`Index given to ParameterDict cannot be used as a key as it is not a string (type is '${describeValue(key)}'). Open an issue on github if you need non-string keys.`);
    }
    return key;
  }
  /** `pd.get(key, default=None)`: the entry, or `defaultValue` when absent. @example pd.get('scale') */
  get(key: string, defaultValue: unknown = null): unknown {
    return this._keys.has(key) ? this.item(key) : defaultValue;
  }
  private item(key: string): unknown {
    const attr = this.keyToAttr(key);
    if (!(attr in this)) throw new KeyError(key);
    return (this as unknown as Record<string, unknown>)[attr];
  }
  /** `pd[key] = value` (a tensor is wrapped in Parameter). @example pd.set('bias', torch.zeros(3)) */
  set(key: string, value: unknown): void {
    const attr = this.keyToAttr(key);
    this._keys.set(key, null);
    (this as unknown as Record<string, unknown>)[attr] = isTensor(value) && !(value instanceof Parameter) ? new Parameter(value) : value;
  }
  /** `del pd[key]`. @example pd.delete('bias') */
  delete(key: string): void {
    if (!this._keys.delete(key)) throw new KeyError(key);
    delete (this as unknown as Record<string, unknown>)[this.keyToAttr(key)];
  }
  /** `key in pd`. @example pd.has('scale') // true */
  has(key: string): boolean {
    return this._keys.has(key);
  }
  /** `len(pd)`. @example pd.length // 1 */
  get length(): number {
    return this._keys.size;
  }
  /** `iter(pd)`: the keys. @example [...pd] // ['scale'] */
  [Symbol.iterator](): Iterator<string> {
    return this.keys()[Symbol.iterator]();
  }
  /** `pd.keys()`. @example pd.keys() */
  keys(): string[] {
    return [...this._keys.keys()];
  }
  /** `pd.values()`. @example pd.values() */
  values(): unknown[] {
    return this.keys().map((k) => this.item(k));
  }
  /** `pd.items()`. @example pd.items() */
  items(): [string, unknown][] {
    return this.keys().map((k) => [k, this.item(k)]);
  }
  /** `pd.copy()`: a new ParameterDict with the same entries. @example const pd2 = pd.copy() */
  copy(): ParameterDict {
    return new ParameterDict(new Map(this.items()));
  }
  /** `pd.setdefault(key, default=None)`. @example pd.setdefault('scale', torch.ones(1)) */
  setdefault(key: string, defaultValue: unknown = null): unknown {
    if (!this._keys.has(key)) this.set(key, defaultValue);
    return this.item(key);
  }
  /** `pd.clear()`. @example pd.clear() */
  clear(): void {
    for (const k of this.keys()) this.delete(k);
  }
  /** `pd.pop(key)`. @example pd.pop('scale') */
  pop(key: string): unknown {
    const v = this.item(key);
    this.delete(key);
    return v;
  }
  /** `pd.popitem()`: the last entry, removed. @example const [k, v] = pd.popitem() */
  popitem(): [string, unknown] {
    const k = this.keys().at(-1);
    if (k === undefined) throw new KeyError("'popitem(): dictionary is empty'");
    return [k, this.pop(k)];
  }
  /** `pd.fromkeys(keys, default=None)`: a new ParameterDict. @example pd.fromkeys(['a', 'b'], torch.zeros(1)) */
  fromkeys(keys: Iterable<string>, defaultValue: unknown = null): ParameterDict {
    return new ParameterDict([...keys].map((k) => [k, defaultValue] as const));
  }
  /** `pd.update(parameters)`. @example pd.update({ shift: torch.zeros(1) }) */
  update(parameters: ParameterMapping): void {
    if (parameters instanceof ParameterDict) {
      for (const [k, v] of parameters.items()) this.set(k, v);
      return;
    }
    const entries = mappingEntries<unknown>(parameters, 'ParameterDict');
    if (isPlainObject(parameters)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of entries) this.set(k, v);
  }
  /** One line per entry (`(scale): Parameter containing: [torch.FloatTensor of size 1]`). @example String(pd) */
  override extraRepr(): string {
    return parameterLines(this.items(), typename);
  }
  /** A ParameterDict is not callable. @example pd.call() // throws */
  override call(): never {
    throw new RuntimeError('ParameterDict should not be called.');
  }
}
