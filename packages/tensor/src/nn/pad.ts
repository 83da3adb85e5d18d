// F.pad: constant (negative pads crop), reflect, replicate and circular.
// Constant padding is a fill plus a copy into the interior; the other modes
// gather each padded dim through a table of source positions.

import { NotImplementedError, RuntimeError } from '../errors.js';
import type { Scalar } from '../operands.js';
import { scalarValue } from '../operands.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { checkKernelDtype, fmtList } from './convArgs.js';
import { scatterAlong, selectAlong } from './selectAlong.js';

/** F.pad's modes. */
export type PadMode = 'constant' | 'reflect' | 'replicate' | 'circular';

const PAD = defineOp('pad');

/** Source position of output position `i` (input coordinates, may be outside [0, size)) under `mode`. */
function source(mode: PadMode, i: number, size: number): number {
  if (mode === 'replicate') return Math.min(Math.max(i, 0), size - 1);
  if (mode === 'circular') return ((i % size) + size) % size;
  // reflect: mirror about the first and last element, which are not repeated
  if (i < 0) return -i;
  if (i >= size) return 2 * (size - 1) - i;
  return i;
}

/** Pads (or crops) `x` with a constant: fill, then copy the overlap. */
function padConstant(x: Tensor, lo: number[], hi: number[], value: number): Tensor {
  const r = x.ndim;
  const d = lo.length;
  const shape = x.shape.map((s, i) => (i < r - d ? s : s + lo[i - r + d]! + hi[i - r + d]!));
  shape.forEach((s, i) => {
    if (s < 0) {
      const k = i - r + d;
      throw new RuntimeError(
        `The input size ${x.shape[i]}, plus negative padding ${lo[k]} and ${hi[k]} resulted in a negative output size, which is invalid. Check dimension ${i} of your input.`,
      );
    }
  });
  const out = emptyTensor(shape, x.dtype, x.device);
  const backend = x.storage.backend;
  if (out.numel() === 0) return out;
  backend.fill(out.backendView, x.dtype === 'int64' ? BigInt(Number.isFinite(value) ? Math.trunc(value) : 0) : value);
  // the overlap: in the output from max(lo, 0), in the input from max(-lo, 0)
  const src = x.backendView;
  const dst = out.backendView;
  const size = x.shape.map((s, i) => (i < r - d ? s : s - Math.max(-lo[i - r + d]!, 0) - Math.max(-hi[i - r + d]!, 0)));
  if (size.some((s) => s <= 0)) return out;
  let so = src.offset;
  let doff = dst.offset;
  for (let k = 0; k < d; k++) {
    const i = r - d + k;
    so += Math.max(-lo[k]!, 0) * src.strides[i]!;
    doff += Math.max(lo[k]!, 0) * dst.strides[i]!;
  }
  backend.copy({ ...src, shape: size, offset: so }, { ...dst, shape: size, offset: doff });
  return out;
}

/**
 * @internal The source position of every output position of one padded dim (reflect, replicate, circular).
 * @example padPositions('reflect', 3, 2, 1) // [2, 1, 0, 1, 2, 1]
 */
export function padPositions(mode: PadMode, size: number, lo: number, hi: number): number[] {
  const n = size + lo + hi;
  if (mode === 'circular') {
    // PyTorch crops negative pads first, then wraps around what is left
    const start = Math.max(-lo, 0);
    const kept = size - start - Math.max(-hi, 0);
    return Array.from({ length: n }, (_, i) => start + source('circular', i - Math.max(lo, 0), kept));
  }
  return Array.from({ length: n }, (_, i) => source(mode, i - lo, size));
}

function checkNonConstant(x: Tensor, lo: number[], hi: number[], mode: PadMode): void {
  const d = lo.length;
  if (mode === 'circular' && x.ndim >= 3 && x.ndim <= 5 && d !== x.ndim - 2) {
    throw new RuntimeError(`Invalid padding size, expected ${2 * (x.ndim - 2)} but got ${2 * d}`);
  }
  if (x.ndim !== d + 1 && x.ndim !== d + 2) {
    throw new NotImplementedError('Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now');
  }
  if (x.shape.some((s, i) => s === 0 && !(i === 0 && x.ndim === d + 2))) {
    throw new RuntimeError(
      `Expected ${d + 1}D or ${d + 2}D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: ${fmtList(x.shape)}`,
    );
  }
  for (let k = 0; k < d; k++) {
    const dim = x.ndim - d + k;
    const size = x.shape[dim]!;
    if (mode === 'reflect' && (lo[k]! >= size || hi[k]! >= size)) {
      throw new RuntimeError(
        `Argument #4: Padding size should be less than the corresponding input dimension, but got: padding (${lo[k]}, ${hi[k]}) at dimension ${dim} of input ${fmtList(x.shape)}`,
      );
    }
    if (mode === 'circular' && (lo[k]! > size || hi[k]! > size)) throw new RuntimeError('Padding value causes wrapping around more than once.');
  }
}

/**
 * @internal F.pad's list (last dim first) as per-dim before/after pads, first padded dim first.
 * @example padPairs([1, 2, 3, 4]) // { lo: [3, 1], hi: [4, 2] }
 */
export function padPairs(pad: readonly number[]): { lo: number[]; hi: number[] } {
  const d = pad.length / 2;
  return {
    lo: Array.from({ length: d }, (_, k) => pad[2 * (d - 1 - k)]!),
    hi: Array.from({ length: d }, (_, k) => pad[2 * (d - 1 - k) + 1]!),
  };
}

/**
 * @internal F.pad without tracing (for ops that pad as part of their own work).
 * @example padImpl(x, [1, 1], 'constant', 0)
 */
export function padImpl(x: Tensor, pad: readonly number[], mode: PadMode, value: number): Tensor {
  if (pad.length % 2 !== 0) throw new RuntimeError('Padding length must be divisible by 2');
  if (pad.length / 2 > x.ndim) throw new RuntimeError('Padding length too large');
  const d = pad.length / 2;
  const { lo, hi } = padPairs(pad);
  if (mode === 'constant') return padConstant(x, lo, hi, value);
  checkNonConstant(x, lo, hi, mode);
  if (mode !== 'circular') {
    // PyTorch's reflect / replicate kernels exist for floating dtypes only
    const kernel = mode === 'reflect' ? `reflection_pad${d}d${d === 3 ? '_cpu' : ''}` : `replication_pad${d}d_cpu`;
    checkKernelDtype(kernel, x, []);
  }
  let out = x;
  for (let k = 0; k < d; k++) {
    const dim = x.ndim - d + k;
    out = selectAlong(out, dim, padPositions(mode, out.shape[dim]!, lo[k]!, hi[k]!));
  }
  return out;
}

/**
 * `F.pad(input, pad, mode, value)`: `pad` lists (before, after) pairs starting
 * from the last dim; `'constant'` pads with `value` (0 by default) and crops
 * for negative pads; `'reflect'`, `'replicate'` and `'circular'` pad the last
 * 1–3 dims of a batched or unbatched input.
 * @example torch.pad(torch.tensor([[1, 2]]), [1, 1], 'reflect') // tensor([[2, 1, 2, 1]])
 */
export function pad(input: Tensor, pad: readonly number[], mode: PadMode = 'constant', value?: Scalar | null): Tensor {
  if (!['constant', 'reflect', 'replicate', 'circular'].includes(mode)) {
    throw new NotImplementedError(`Unrecognised padding mode ${String(mode)}`);
  }
  if (mode !== 'constant' && value !== undefined && value !== null) {
    throw new RuntimeError(`Padding mode "${mode}" doesn't take in value argument`);
  }
  const v = value === undefined || value === null ? 0 : scalarValue(value);
  return traced(PAD, [input], { pad: [...pad], mode, value: v }, () => padImpl(input, pad, mode, v));
}

const PAD_BACKWARD = defineOp('padBackward');

/**
 * The gradient of `pad` with respect to its input of shape `inputShape`: the
 * interior of `gradOutput` for constant padding; for the other modes, every
 * padded position's gradient added to the position it copies.
 * @example torch.padBackward(torch.ones(1, 4), [1, 2], [1, 1], 'replicate') // tensor([[2., 2.]])
 */
export function padBackward(gradOutput: Tensor, inputShape: readonly number[], pad: readonly number[], mode: PadMode = 'constant'): Tensor {
  return traced(PAD_BACKWARD, [gradOutput], { inputShape: [...inputShape], pad: [...pad], mode }, () => {
    const { lo, hi } = padPairs(pad);
    const d = lo.length;
    const r = inputShape.length;
    const expected = inputShape.map((s, i) => (i < r - d ? s : s + lo[i - r + d]! + hi[i - r + d]!));
    if (pad.length % 2 !== 0 || gradOutput.ndim !== r || gradOutput.shape.some((s, i) => s !== expected[i])) {
      throw new RuntimeError(`pad backward: expected grad_output of size ${fmtList(expected)}, but got ${fmtList(gradOutput.shape)}`);
    }
    if (mode === 'constant') return padConstant(gradOutput, lo.map((v) => -v), hi.map((v) => -v), 0);
    // undo the dims in the reverse of the order pad applied them
    let g = gradOutput;
    for (let k = d - 1; k >= 0; k--) {
      const dim = r - d + k;
      const size = inputShape[dim]!;
      g = scatterAlong(g, dim, padPositions(mode, size, lo[k]!, hi[k]!), size);
    }
    return g;
  });
}
