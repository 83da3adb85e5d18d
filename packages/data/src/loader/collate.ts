// defaultCollate and defaultConvert: how samples become batches.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, isPlainObject, isTensor, stack, tensor } from '@torchlet/tensor';
import { typeName } from '../dataset/types.js';
import { BUILTIN, workerFunction } from '../worker/spec.js';

const ERR = 'default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found ';

type TypedArray = Float32Array | Float64Array | Int32Array | BigInt64Array | Int8Array | Uint8Array;

function isTypedArray(v: unknown): v is TypedArray {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

function collateNumbers(batch: readonly unknown[]): Tensor {
  const first = batch[0];
  if (typeof first === 'boolean') return tensor(batch as boolean[]);
  if (typeof first === 'bigint') return tensor(batch as bigint[], { dtype: 'int64' });
  // Python's int → int64 and float → float64; a JS number is an int when it is an integer
  const ints = batch.every((v) => typeof v === 'number' && Number.isInteger(v));
  return tensor(batch as number[], { dtype: ints ? 'int64' : 'float64' });
}

function collate(batch: readonly unknown[]): unknown {
  const elem = batch[0];
  if (isTensor(elem)) return stack(batch as Tensor[], 0);
  if (isTypedArray(elem)) return stack((batch as TypedArray[]).map((a) => tensor(a)), 0);
  if (typeof elem === 'number' || typeof elem === 'boolean' || typeof elem === 'bigint') return collateNumbers(batch);
  if (typeof elem === 'string') return batch;
  if (Array.isArray(elem)) {
    const size = elem.length;
    if (!batch.every((b) => Array.isArray(b) && b.length === size)) throw new RuntimeError('each element in list of batch should be of equal size');
    return Array.from({ length: size }, (_, i) => collate(batch.map((b) => (b as unknown[])[i])));
  }
  if (isPlainObject(elem)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(elem)) out[key] = collate(batch.map((b) => (b as Record<string, unknown>)[key]));
    return out;
  }
  throw new TypeError(ERR + typeName(elem));
}

/**
 * `torch.utils.data.default_collate(batch)`: stacks a list of samples into a batch. Tensors are
 * stacked along a new dimension 0; numbers become a tensor (int64 when all are integers, else
 * float64; booleans bool); typed arrays become tensors and are stacked; strings stay a list;
 * arrays (tuples) and plain objects are collated element by element.
 * @example defaultCollate([{ x: 1, y: 'a' }, { x: 2, y: 'b' }]) // { x: tensor([1, 2]), y: ['a', 'b'] }
 */
export const defaultCollate = workerFunction(BUILTIN, 'defaultCollate', (batch: readonly unknown[]): unknown => collate(batch));

/**
 * `torch.utils.data.default_convert(data)`: what the loader does to samples without batching
 * (`batchSize: null`): typed arrays become tensors, arrays and plain objects are converted
 * element by element, everything else is left as it is.
 * @example defaultConvert([new Float32Array([1, 2])]) // [tensor([1., 2.])]
 */
export const defaultConvert = workerFunction(BUILTIN, 'defaultConvert', function convert(data: unknown): unknown {
  if (isTensor(data)) return data;
  if (isTypedArray(data)) return tensor(data);
  if (Array.isArray(data)) return data.map(convert);
  if (isPlainObject(data)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[k] = convert(v);
    return out;
  }
  return data;
});


