// Reading values back: data(), item(), tolist() and their synchronous forms.

import type { DType, StorageArray } from './backend/dtype.js';
import { bfloat16BitsToFloat, halfBitsToFloat } from './backend/half.js';
import { RuntimeError, ValueError } from './errors.js';
import type { Tensor } from './tensor.js';

/** What `data()` returns per dtype: float16/bfloat16 decode to Float32Array, bool is 0/1 bytes. */
export type DataArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Int8Array | Uint8Array;

/** A nested array of values, as `tolist()` returns. */
export type NestedList = number | boolean | NestedList[];

function decode(raw: StorageArray, dtype: DType): DataArray {
  if (dtype === 'float16' || dtype === 'bfloat16') {
    const f = dtype === 'float16' ? halfBitsToFloat : bfloat16BitsToFloat;
    const out = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) out[i] = f(raw[i] as number);
    return out;
  }
  return raw as DataArray;
}

/** `await t.data()`: the values in row-major order. @example await torch.tensor([[1, 2], [3, 4]]).t().data() // BigInt64Array [1, 3, 2, 4] */
export async function data(t: Tensor): Promise<DataArray> {
  return decode(await t.storage.backend.read(t.backendView), t.dtype);
}

/** `t.dataSync()`: `data()` for backends that can read synchronously (CPU). @example torch.tensor([1, 2]).half().dataSync() // Float32Array [1, 2] */
export function dataSync(t: Tensor): DataArray {
  const backend = t.storage.backend;
  if (!backend.readSync) {
    throw new RuntimeError(`device '${t.device}' cannot be read synchronously: use await t.data()`);
  }
  return decode(backend.readSync(t.backendView), t.dtype);
}

function scalarOf(v: number | bigint, dtype: DType): number | boolean {
  if (dtype === 'bool') return v !== 0;
  return Number(v);
}

function checkOne(t: Tensor): void {
  if (t.numel() !== 1) throw new ValueError('only one element tensors can be converted to Python scalars');
}

/** `await t.item()`: the single value (number, or boolean for bool tensors). @example await torch.tensor([true]).item() // true */
export async function item(t: Tensor): Promise<number | boolean> {
  checkOne(t);
  return scalarOf((await data(t))[0]!, t.dtype);
}

/** `t.itemSync()`: `item()` read synchronously (CPU). @example torch.tensor([[7]]).itemSync() // 7 */
export function itemSync(t: Tensor): number | boolean {
  checkOne(t);
  return scalarOf(dataSync(t)[0]!, t.dtype);
}

function nest(values: DataArray, shape: readonly number[], dtype: DType): NestedList {
  let i = 0;
  const build = (d: number): NestedList => {
    if (d === shape.length) return scalarOf(values[i++]!, dtype);
    return Array.from({ length: shape[d]! }, () => build(d + 1));
  };
  return build(0);
}

/** `await t.tolist()`: nested arrays (a number for 0-d tensors). @example await torch.tensor([[1, 2]]).tolist() // [[1, 2]] */
export async function tolist(t: Tensor): Promise<NestedList> {
  return nest(await data(t), t.shape, t.dtype);
}

/** `t.tolistSync()`: `tolist()` read synchronously (CPU). @example torch.tensor(3).tolistSync() // 3 */
export function tolistSync(t: Tensor): NestedList {
  return nest(dataSync(t), t.shape, t.dtype);
}
