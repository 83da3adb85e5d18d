// Basic indexing: x.at(0, [1, 3], null, '...') and x.setAt([...], v).

import { IndexError, NotImplementedError, ValueError } from './errors.js';
import type { TensorOrScalar } from './operands.js';
import { isTensor } from './operands.js';
import type { Tensor } from './tensor.js';
import { viewTensor } from './tensor.js';
import { copyInto } from './copy.js';
import { full } from './creation.js';
import { expand, view } from './views.js';
import { defineOp, traced } from './trace.js';

const AT = defineOp('at');
const SET_AT = defineOp('setAt');

/** A slice `[start, stop, step?]`; null/undefined ends mean "from the start"/"to the end". */
export type Slice = readonly [number | null | undefined, (number | null | undefined)?, (number | null | undefined)?];

/** One index: an int, a slice, `':'`, `null` (new axis), `'...'`, or (later) a Tensor. */
export type Index = number | Slice | ':' | '...' | null | Tensor;

/** Python's slice.indices for a dim of `size` (step > 0). */
function sliceBounds(slice: Slice, size: number): [number, number, number] {
  const step = slice[2] ?? 1;
  if (step <= 0) throw new ValueError(step === 0 ? 'slice step cannot be zero' : 'step must be greater than zero');
  const clamp = (v: number | null | undefined, dflt: number) => {
    if (v === null || v === undefined) return dflt;
    const r = v < 0 ? v + size : v;
    return Math.min(Math.max(r, 0), size);
  };
  const start = clamp(slice[0], 0);
  const stop = clamp(slice[1], size);
  const len = stop > start ? Math.ceil((stop - start) / step) : 0;
  return [start, len, step];
}

/**
 * `x[...]` with basic indices: ints select, `[start, stop, step]` slice, `null`
 * inserts a dim, `'...'` stands for the remaining dims. Always a view.
 * @example torch.arange(6).view(2, 3).at(0, [1, 3]) // tensor([1, 2])
 */
export function at(x: Tensor, ...indices: Index[]): Tensor {
  return traced(AT, [x], { indices }, () => atImpl(x, indices));
}

function atImpl(x: Tensor, indices: readonly Index[]): Tensor {
  if (indices.some((i) => isTensor(i))) {
    throw new NotImplementedError('advanced indexing with tensors in at() (comes with the indexing issue)');
  }
  const ellipses = indices.filter((i) => i === '...').length;
  if (ellipses > 1) throw new IndexError('an index can only have a single ellipsis');
  const consuming = indices.filter((i) => i !== null && i !== '...').length;
  if (consuming > x.ndim) throw new IndexError(`too many indices for tensor of dimension ${x.ndim}`);
  const expanded: Index[] = [];
  for (const i of indices) {
    if (i === '...') for (let k = 0; k < x.ndim - consuming; k++) expanded.push(':');
    else expanded.push(i);
  }
  while (expanded.filter((i) => i !== null).length < x.ndim) expanded.push(':');
  // Applied left to right on the result so far, as PyTorch does: a new axis takes
  // the stride `unsqueeze` would give it at that position.
  const shape = [...x.shape];
  const strides = [...x.strides];
  let offset = x.offset;
  let pos = 0;
  let dim = 0;
  for (const idx of expanded) {
    if (idx === null) {
      const stride = pos < shape.length ? shape[pos]! * strides[pos]! : 1;
      shape.splice(pos, 0, 1);
      strides.splice(pos, 0, stride);
      pos++;
      continue;
    }
    const size = shape[pos]!;
    const stride = strides[pos]!;
    if (typeof idx === 'number') {
      if (!Number.isInteger(idx)) {
        throw new IndexError('only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)');
      }
      if (idx < -size || idx >= size) throw new IndexError(`index ${idx} is out of bounds for dimension ${dim} with size ${size}`);
      offset += (idx < 0 ? idx + size : idx) * stride;
      shape.splice(pos, 1);
      strides.splice(pos, 1);
    } else {
      const [start, len, step] = sliceBounds(idx === ':' ? [null, null] : (idx as Slice), size);
      offset += start * stride;
      shape[pos] = len;
      strides[pos] = stride * step;
      pos++;
    }
    dim++;
  }
  return viewTensor(x, shape, strides, offset);
}

/**
 * `x[...] = value` for basic indices: writes `value` (broadcast, cast) in place.
 * @example torch.zeros(3).setAt([[1, null]], 5) // tensor([0., 5., 5.])
 */
export function setAt(x: Tensor, indices: readonly Index[], value: TensorOrScalar): Tensor {
  return traced(SET_AT, [x, isTensor(value) ? value : undefined], { indices }, () => setAtImpl(x, indices, value), { inplace: true });
}

function setAtImpl(x: Tensor, indices: readonly Index[], value: TensorOrScalar): Tensor {
  const target = at(x, ...indices);
  let src = isTensor(value) ? value : full([], value, { dtype: x.dtype, device: x.device });
  // as PyTorch: leading size-1 dims of the value are dropped, then it is expanded to the target
  let lead = 0;
  while (src.ndim - lead > target.ndim && src.shape[lead] === 1) lead++;
  if (lead > 0) src = view(src, src.shape.slice(lead));
  copyInto(target, expand(src, target.shape));
  return x;
}
