// torch.nn.ParameterList: parameters in a list, registered as '0', '1', …

import type { Slice } from '@torchlet/tensor';
import { RuntimeError, TorchTypeError, describeValue, isTensor } from '@torchlet/tensor';
import { Module } from '../module/module.js';
import { Parameter } from '../parameter.js';
import { absIndex, sliceIndices } from './listIndex.js';
import { parameterLines } from './parameterRepr.js';

/**
 * `nn.ParameterList(values)`: parameters held in a list (tensors are wrapped in Parameter),
 * registered so that `parameters()` and `stateDict()` see them. It cannot be called.
 * @example const ws = new nn.ParameterList([torch.randn(3, 3), torch.randn(3)]); ws.at(0).shape // [3, 3]
 */
export class ParameterList extends Module implements Iterable<unknown> {
  declare _size: number;

  constructor(values: Iterable<unknown> | null = null) {
    super();
    this._size = 0;
    if (values !== null) this.extend(values);
  }

  /** `len(list)`. @example ws.length // 2 */
  get length(): number {
    return this._size;
  }
  /** `iter(list)`. @example for (const p of ws) … */
  *[Symbol.iterator](): Iterator<unknown> {
    for (let i = 0; i < this._size; i++) yield this.at(i);
  }
  /** `list[idx]`, or `list[a:b:c]` (a new ParameterList). @example ws.at(-1) */
  at(idx: number): Parameter;
  at(idx: Slice): ParameterList;
  at(idx: number | Slice): unknown {
    if (typeof idx !== 'number') {
      const out = new (this.constructor as new () => ParameterList)();
      for (const i of sliceIndices(idx, this._size)) out.append(this.at(i));
      return out;
    }
    return (this as unknown as Record<string, unknown>)[String(absIndex(idx, this._size))];
  }
  /** `list[idx] = value` (a tensor is wrapped in Parameter). @example ws.setAt(0, torch.zeros(3, 3)) */
  setAt(idx: number, value: unknown): void {
    const key = String(absIndex(idx, this._size));
    (this as unknown as Record<string, unknown>)[key] = isTensor(value) && !(value instanceof Parameter) ? new Parameter(value) : value;
  }
  /** `list.append(value)`. @example ws.append(torch.ones(2)) */
  append(value: unknown): this {
    this._size += 1;
    this.setAt(this._size - 1, value);
    return this;
  }
  /** `list.extend(values)` (also `list += values`). @example ws.extend([torch.ones(2)]) */
  extend(values: Iterable<unknown>): this {
    if (isTensor(values) || typeof (values as Partial<Iterable<unknown>> | null)?.[Symbol.iterator] !== 'function') {
      throw new TorchTypeError(`ParameterList.extend should be called with an iterable, but got ${describeValue(values)}`);
    }
    for (const v of values) this.append(v);
    return this;
  }
  /** One line per entry (`(0): Parameter containing: [torch.float32 of size 3x3]`). @example String(ws) */
  override extraRepr(): string {
    return parameterLines([...this].map((p, i) => [String(i), p]), (t) => `torch.${t.dtype}`);
  }
  /** A ParameterList is not callable. @example ws.call() // throws */
  override call(): never {
    throw new RuntimeError('ParameterList should not be called.');
  }
}
