// gather and scatter-add along one dim, with PyTorch's semantics: index may be
// smaller than x (or src) in every dim, and out-of-range indices raise.

import { IndexError } from '@torchlet/tensor/backend';
import { bfloat16BitsToFloat, elementOffsets, floatToBfloat16Bits, floatToHalfBits, halfBitsToFloat, numel } from '@torchlet/tensor/backend';
import type { CpuView } from './buffer.js';
import { applyConvert, converter } from './cast.js';
import { transfer } from './copy.js';
import { allOffsets, loadValues } from './storage.js';
import type { Offsets } from './storage.js';

/** The index values, as numbers, in row-major order over index's shape. */
function indexValues(index: CpuView): Float64Array {
  const n = numel(index.shape);
  const vals = new Float64Array(n);
  loadValues(index.buf.data, index.dtype, allOffsets(index), n, vals);
  return vals;
}

/**
 * For each element of index's shape: the storage offset in `x` of the same position
 * with `dim` replaced by the index value (bounds-checked).
 */
export function targetOffsets(x: CpuView, dim: number, index: CpuView): Offsets {
  const rank = x.shape.length;
  const d = dim < 0 ? dim + rank : dim;
  const size = rank === 0 ? 1 : x.shape[d]!;
  const stride = rank === 0 ? 0 : x.strides[d]!;
  const strides = x.strides.map((s, i) => (i === d ? 0 : s));
  const offs = elementOffsets(index.shape, strides, x.offset);
  const idx = indexValues(index);
  for (let e = 0; e < offs.length; e++) {
    const i = idx[e]!;
    if (!(i >= 0 && i < size)) throw new IndexError(`index ${i} is out of bounds for dimension ${d} with size ${size}`);
    offs[e] = offs[e]! + i * stride;
  }
  return offs;
}

/**
 * `out[...i, j, k...] = x[...i, index[...i, j, k...], k...]` (PyTorch's gather).
 *
 * @example
 * gather(x, 1, index, out); // out has index's shape
 */
export function gather(x: CpuView, dim: number, index: CpuView, out: CpuView): void {
  const src = targetOffsets(x, dim, index);
  transfer(x.buf.data, x.dtype, src, out.buf.data, out.dtype, allOffsets(out), src.length);
}

/**
 * `out[...i, index[...i, j, k...], k...] += src[...i, j, k...]` (PyTorch's scatter_add_),
 * accumulated in order, in out's dtype.
 *
 * @example
 * scatterAdd(out, 0, index, src);
 */
export function scatterAdd(out: CpuView, dim: number, index: CpuView, src: CpuView): void {
  const dst = targetOffsets(out, dim, index);
  const n = dst.length;
  if (n === 0) return;
  const srcIdx = elementOffsets(index.shape, src.strides, src.offset);
  if (out.dtype === 'int64' && src.dtype === 'int64') {
    const o = out.buf.data as BigInt64Array;
    const s = src.buf.data as BigInt64Array;
    for (let e = 0; e < n; e++) o[dst[e]!] = BigInt.asIntN(64, o[dst[e]!]! + s[srcIdx[e]!]!);
    return;
  }
  const vals = new Float64Array(n);
  loadValues(src.buf.data, src.dtype, srcIdx, n, vals);
  applyConvert(vals, n, converter(src.dtype, out.dtype));
  switch (out.dtype) {
    case 'float16': {
      const o = out.buf.data as Uint16Array;
      for (let e = 0; e < n; e++) o[dst[e]!] = floatToHalfBits(halfBitsToFloat(o[dst[e]!]!) + vals[e]!);
      return;
    }
    case 'bfloat16': {
      const o = out.buf.data as Uint16Array;
      for (let e = 0; e < n; e++) o[dst[e]!] = floatToBfloat16Bits(bfloat16BitsToFloat(o[dst[e]!]!) + vals[e]!);
      return;
    }
    case 'int64': {
      // vals are int64 values (integral) after the cast; add them to the exact bigints
      const o = out.buf.data as BigInt64Array;
      for (let e = 0; e < n; e++) o[dst[e]!] = o[dst[e]!]! + BigInt(vals[e]!);
      return;
    }
    case 'bool': {
      const o = out.buf.data as Uint8Array;
      for (let e = 0; e < n; e++) o[dst[e]!] = o[dst[e]!]! !== 0 || vals[e] !== 0 ? 1 : 0;
      return;
    }
    default: {
      // typed-array stores round (float32) or wrap (ints) after every addition, as PyTorch's kernel
      const o = out.buf.data as Float32Array | Float64Array | Int32Array | Int8Array | Uint8Array;
      for (let e = 0; e < n; e++) o[dst[e]!] = o[dst[e]!]! + vals[e]!;
    }
  }
}
