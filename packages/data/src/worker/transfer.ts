// Batches going back from a worker: tensors become typed arrays whose buffers
// are transferred (moved, not copied) with postMessage; the main thread makes
// tensors of them again.

import { isTensor } from '@torchlet/tensor';
import type { Encoded } from './spec.js';
import { decodeTensor, encodeTensor } from './spec.js';

/**
 * A batch as a message: tensors as `$tensor` records, plain objects as `$object`, arrays as
 * arrays; `transfer` lists the buffers to move. Other values go by structured clone.
 * @example const { data, transfer } = packResult(batch); port.postMessage({ data }, transfer);
 */
export function packResult(value: unknown): { data: Encoded; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const pack = (v: unknown): Encoded => {
    if (isTensor(v)) {
      const { encoded, buffer } = encodeTensor(v, true);
      if (buffer !== undefined && !transfer.includes(buffer)) transfer.push(buffer);
      return encoded;
    }
    if (Array.isArray(v)) return v.map(pack);
    if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v) && Object.getPrototypeOf(v) === Object.prototype) {
      const out: Record<string, Encoded> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = pack(x);
      return { $object: out };
    }
    return v as Encoded;
  };
  return { data: pack(value), transfer };
}

/**
 * The batch of a message from {@link packResult}.
 * @example const batch = unpackResult(message.data);
 */
export function unpackResult(e: Encoded): unknown {
  if (e === null || typeof e !== 'object' || ArrayBuffer.isView(e)) return e;
  if (Array.isArray(e)) return e.map(unpackResult);
  if ('$tensor' in e) return decodeTensor(e.$tensor);
  if ('$object' in e) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(e.$object)) out[k] = unpackResult(x);
    return out;
  }
  return e;
}
