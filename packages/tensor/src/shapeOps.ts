// Rearranging copies: flip, roll, repeat, tile, repeatInterleave. Each is one or a
// few strided copies or gathers (no negative strides: backends need not support them).

import type { View } from './backend/types.js';
import { contiguousStrides } from './backend/layout.js';
import { SCALAR_TYPE_NAME } from './dtype.js';
import { IndexError, RuntimeError } from './errors.js';
import { checkSizes, normalizeDim, normalizeDims } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor, viewTensor } from './tensor.js';
import { clone } from './copy.js';
import { arange, fromValues } from './creation.js';
import { dataSync } from './read.js';
import { narrow, reshape, view } from './views.js';
import { requireSyncRead, takeAlong } from './unique.js';
import { defineOp, traced } from './trace.js';

const FLIP = defineOp('flip');
const ROLL = defineOp('roll');
const REPEAT = defineOp('repeat');
const REPEAT_INTERLEAVE = defineOp('repeatInterleave');

/** `x` reversed along `d`: a gather with the index n-1 … 0 broadcast over the other dims. */
function reverseAlong(x: Tensor, d: number): Tensor {
  const n = x.shape[d]!;
  const out = emptyTensor(x.shape, x.dtype, x.device);
  const rev = arange(n - 1, -1, -1, { device: x.device });
  const index: View = { ...rev.backendView, shape: x.shape, strides: x.shape.map((_, k) => (k === d ? 1 : 0)) };
  x.storage.backend.gather(x.backendView, d, index, out.backendView);
  return out;
}

/**
 * `torch.flip(x, dims)`: a copy with the order of elements reversed along `dims`.
 * @example torch.tensor([[1, 2], [3, 4]]).flip([1]) // tensor([[2, 1], [4, 3]])
 */
export function flip(x: Tensor, dims: readonly number[]): Tensor {
  return traced(FLIP, [x], { dims }, () => {
    const axes = dims.length === 0 ? [] : normalizeDims(dims, x.ndim);
    let out = x;
    for (const d of axes) if (x.shape[d]! > 1) out = reverseAlong(out, d);
    return out === x ? clone(x) : out;
  });
}

/** `torch.fliplr(x)`: flip along dim 1 (at least 2-D). @example torch.fliplr(torch.tensor([[1, 2]])) // tensor([[2, 1]]) */
export function fliplr(x: Tensor): Tensor {
  if (x.ndim < 2) throw new RuntimeError('Input must be >= 2-d.');
  return flip(x, [1]);
}

/** `torch.flipud(x)`: flip along dim 0 (at least 1-D). @example torch.flipud(torch.tensor([1, 2])) // tensor([2, 1]) */
export function flipud(x: Tensor): Tensor {
  if (x.ndim < 1) throw new RuntimeError('Input must be >= 1-d.');
  return flip(x, [0]);
}

/** `x` rolled by `shift` along `d`: two narrow copies. */
function rollAlong(x: Tensor, shift: number, d: number): Tensor {
  const n = x.shape[d]!;
  const out = emptyTensor(x.shape, x.dtype, x.device);
  if (out.numel() === 0) return out;
  const s = ((shift % n) + n) % n;
  const backend = x.storage.backend;
  backend.copy(narrow(x, d, 0, n - s).backendView, narrow(out, d, s, n - s).backendView);
  if (s > 0) backend.copy(narrow(x, d, n - s, s).backendView, narrow(out, d, 0, s).backendView);
  return out;
}

/**
 * `torch.roll(x, shifts, dims=None)`: elements shifted circularly along `dims`
 * (over the flattened tensor when no dims are given).
 * @example torch.tensor([1, 2, 3]).roll(1) // tensor([3, 1, 2])
 */
export function roll(x: Tensor, shifts: number | readonly number[], dims?: number | readonly number[] | null): Tensor {
  const sh = typeof shifts === 'number' ? [shifts] : [...shifts];
  const ds = dims === undefined || dims === null ? [] : typeof dims === 'number' ? [dims] : [...dims];
  return traced(ROLL, [x], { shifts: sh, dims: ds }, () => {
    if (ds.length === 0) {
      if (sh.length !== 1) throw new RuntimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:0`);
      return view(rollAlong(reshape(x, [-1]), sh[0]!, 0), x.shape);
    }
    if (sh.length !== ds.length) throw new RuntimeError(`shifts and dimensions must align. shifts: ${sh.length}, dims:${ds.length}`);
    if (x.ndim === 0) throw new IndexError(`Dimension specified as ${ds[0]} but tensor has no dimensions`);
    let out = x;
    ds.forEach((dim, i) => (out = rollAlong(out, sh[i]!, normalizeDim(dim, x.ndim))));
    return out;
  });
}

/** `x` repeated `sizes[i]` times along each dim: one copy from a broadcast view. */
function repeatImpl(x: Tensor, sizes: readonly number[]): Tensor {
  if (sizes.length < x.ndim) {
    throw new RuntimeError('Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor');
  }
  const lead = sizes.length - x.ndim;
  const shape = sizes.map((r, i) => r * (i < lead ? 1 : x.shape[i - lead]!));
  checkSizes(shape);
  // [r0, n0, r1, n1, …] with stride 0 along every r: a copy makes it contiguous, then merge pairs
  const pairShape = sizes.flatMap((r, i) => [r, i < lead ? 1 : x.shape[i - lead]!]);
  const pairStrides = sizes.flatMap((_, i) => [0, i < lead ? 0 : x.strides[i - lead]!]);
  const out = emptyTensor(shape, x.dtype, x.device);
  if (out.numel() > 0) {
    const src: View = { ...x.backendView, shape: pairShape, strides: pairStrides };
    x.storage.backend.copy(src, { ...out.backendView, shape: pairShape, strides: contiguousStrides(pairShape) });
  }
  return out;
}

/**
 * `x.repeat(*sizes)`: `x` tiled `sizes[i]` times along each dim (more sizes than dims add leading dims).
 * @example torch.tensor([1, 2]).repeat(2, 2) // tensor([[1, 2, 1, 2], [1, 2, 1, 2]])
 */
export function repeat(x: Tensor, sizes: readonly number[]): Tensor {
  return traced(REPEAT, [x], { sizes }, () => repeatImpl(x, sizes));
}

/**
 * `torch.tile(x, dims)`: `repeat`, with `dims` padded by leading 1s when shorter than `x.ndim`.
 * @example torch.tensor([[1, 2]]).tile([2]) // tensor([[1, 2, 1, 2]])
 */
export function tile(x: Tensor, dims: readonly number[]): Tensor {
  // composite, as in PyTorch: autograd records the repeat (RepeatBackward0)
  const padded = dims.length < x.ndim ? [...new Array<number>(x.ndim - dims.length).fill(1), ...dims] : dims;
  return repeat(x, padded);
}

/** Per-element repeat counts from a tensor (read synchronously: they fix the output size). */
function readRepeats(repeats: Tensor): number[] {
  if (repeats.ndim > 1) throw new RuntimeError('repeats must be 0-dim or 1-dim tensor');
  if (repeats.dtype !== 'int64' && repeats.dtype !== 'int32') {
    throw new RuntimeError(`"repeat_interleave_cpu" not implemented for '${SCALAR_TYPE_NAME[repeats.dtype]}'`);
  }
  requireSyncRead(repeats, 'repeat_interleave');
  const counts = Array.from(dataSync(repeats), Number);
  if (counts.some((c) => c < 0)) throw new RuntimeError('repeats can not be negative');
  return counts;
}

/** Options of `repeatInterleave`. */
export interface RepeatInterleaveOptions {
  /** The total output size along `dim`, checked against the repeats. */
  outputSize?: number;
}

function repeatInterleaveImpl(x: Tensor, repeats: number | Tensor, dim: number | null | undefined, outputSize: number | undefined): Tensor {
  const src = dim === undefined || dim === null ? reshape(x, [-1]) : x;
  const d = dim === undefined || dim === null ? 0 : normalizeDim(dim, x.ndim);
  const n = src.ndim === 0 ? 1 : src.shape[d]!;
  let counts: number[];
  if (typeof repeats === 'number') {
    if (repeats < 0) throw new RuntimeError('repeats can not be negative');
    counts = new Array<number>(n).fill(repeats);
  } else {
    counts = readRepeats(repeats);
    if (counts.length === 1 && repeats.ndim <= 1) counts = new Array<number>(n).fill(counts[0]!);
    else if (counts.length !== n) throw new RuntimeError('repeats must have the same size as input along dim');
  }
  const total = counts.reduce((a, b) => a + b, 0);
  if (outputSize !== undefined && outputSize !== total) {
    throw new RuntimeError(`repeat_interleave: output_size ${outputSize} does not match the sum of repeats ${total}`);
  }
  const index = counts.flatMap((c, i) => new Array<number>(c).fill(i));
  return takeAlong(src.ndim === 0 ? viewTensor(src, [1], [1], src.offset) : src, d, index);
}

/**
 * `torch.repeat_interleave(x, repeats, dim=None, *, output_size=None)`: each element
 * (slice along `dim`) repeated `repeats` (or `repeats[i]`) times; `torch.repeatInterleave(repeats)`
 * alone gives the indices 0…n-1 repeated. Tensor repeats are read synchronously.
 * @example torch.tensor([1, 2]).repeatInterleave(2) // tensor([1, 1, 2, 2])
 */
export function repeatInterleave(x: Tensor, repeats?: number | Tensor, dim?: number | null, opts?: RepeatInterleaveOptions): Tensor {
  return traced(REPEAT_INTERLEAVE, [x, typeof repeats === 'object' ? repeats : undefined], { repeats: typeof repeats === 'number' ? repeats : undefined, dim }, () => {
    if (repeats !== undefined) return repeatInterleaveImpl(x, repeats, dim, opts?.outputSize);
    // the one-argument form: x holds the repeats of 0 … n-1
    if (x.ndim !== 1) throw new RuntimeError('repeat_interleave only accept 1D vector as repeat');
    const positions = fromValues(Array.from({ length: x.shape[0]! }, (_, i) => i), [x.shape[0]!], 'int64', x.device);
    return repeatInterleaveImpl(positions, x, 0, opts?.outputSize);
  });
}
