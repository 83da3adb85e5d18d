// max_unpool2d: scatters pooled values back to the positions max_pool2d's
// indices name, zeros elsewhere.

import { RuntimeError, ValueError } from '../errors.js';
import { checkSameDevice } from '../operands.js';
import { contiguous } from '../copy.js';
import { defineOp, traced } from '../trace.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { checkKernelDtype, fmtList, isOptions, type IntOrTuple } from './convArgs.js';

const MAX_UNPOOL2D = defineOp('maxUnpool2d');

/** Keyword form of max_unpool2d's arguments. */
export interface MaxUnpoolOptions {
  stride?: IntOrTuple | null;
  padding?: IntOrTuple;
  /** The size to restore (the last two entries are used); the default is (in − 1)·stride − 2·padding + kernel. */
  outputSize?: readonly number[] | null;
}

type UnpoolArgs = [stride?: IntOrTuple | null | MaxUnpoolOptions, padding?: IntOrTuple, outputSize?: readonly number[] | null];

const pairOf = (v: IntOrTuple): [number, number] => (typeof v === 'number' ? [v, v] : v.length === 1 ? [v[0]!, v[0]!] : [v[0]!, v[1]!]);

/** The output size as F.max_unpool2d's `_unpool_output_size` computes and checks it. */
function outputSizeOf(x: Tensor, kernel: [number, number], stride: [number, number], padding: [number, number], given: readonly number[] | null | undefined): [number, number] {
  const input = x.shape.slice(-2);
  const defaults = [0, 1].map((i) => (input[i]! - 1) * stride[i]! + kernel[i]! - 2 * padding[i]!);
  if (given === undefined || given === null) return defaults as [number, number];
  const size = given.length === 4 || given.length === 3 ? given.slice(-2) : given;
  if (size.length !== 2) throw new ValueError(`output_size should be a sequence containing 2 or 4 elements, but it has a length of '${given.length}'`);
  [0, 1].forEach((i) => {
    const lo = defaults[i]! - stride[i]!;
    const hi = defaults[i]! + stride[i]!;
    if (size[i]! <= lo || size[i]! >= hi) {
      throw new ValueError(`invalid output_size "${fmtList(size)}" (dim ${i} must be between ${lo} and ${hi})`);
    }
  });
  return [size[0]!, size[1]!];
}

/**
 * `F.max_unpool2d(input, indices, kernelSize, stride, padding, outputSize)`: the
 * partial inverse of `maxPool2d` — each value written at its index within its
 * output plane (int64 indices as `maxPool2d` returns them), zeros elsewhere.
 * Overlapping pooling windows can name one position twice, always with the
 * same value; several different values aimed at one position are averaged
 * (PyTorch keeps one of them).
 * @example const [y, i] = torch.maxPool2d(x, 2, { returnIndices: true }); torch.maxUnpool2d(y, i, 2).shape // x.shape
 */
export function maxUnpool2d(input: Tensor, indices: Tensor, kernelSize: IntOrTuple, ...args: UnpoolArgs): Tensor {
  const o: MaxUnpoolOptions = isOptions(args[0]) ? (args[0] as MaxUnpoolOptions) : { stride: args[0] as IntOrTuple | null | undefined, padding: args[1], outputSize: args[2] };
  const kernel = pairOf(kernelSize);
  const stride = o.stride === undefined || o.stride === null ? kernel : pairOf(o.stride);
  const padding = pairOf(o.padding ?? 0);
  const size = outputSizeOf(input, kernel, stride, padding, o.outputSize);
  return traced(MAX_UNPOOL2D, [input, indices], { outputSize: size }, () => {
    checkSameDevice([input, indices]);
    if (indices.dtype !== 'int64') throw new RuntimeError(`elements in indices should be type int64 but got: ${indices.dtype}`);
    if (input.shape.length !== indices.shape.length || input.shape.some((s, i) => s !== indices.shape[i])) {
      throw new RuntimeError(`Expected shape of indices to be same as that of the input tensor (${fmtList(input.shape)}) but got indices tensor with shape: ${fmtList(indices.shape)}`);
    }
    if ((input.ndim !== 3 && input.ndim !== 4) || input.shape.slice(input.ndim - 3).some((s) => s === 0)) {
      throw new RuntimeError(`Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with ${input.ndim} dimensions.`);
    }
    checkKernelDtype('max_unpool2d', input, []);
    const lead = input.shape.slice(0, -2);
    const plane = size[0] * size[1];
    const out = emptyTensor([...lead, ...size], input.dtype, input.device);
    const backend = input.storage.backend;
    if (out.numel() === 0) return out;
    backend.fill(out.backendView, 0);
    const idx = contiguous(indices);
    if (backend.readSync) {
      // out-of-range indices would write outside their plane: refuse them as PyTorch does
      const all = backend.readSync(idx.backendView) as BigInt64Array;
      for (const v of all) {
        if (v < 0n || v >= BigInt(plane)) throw new RuntimeError(`Found an invalid max index: ${v} (output volumes are of size ${size[0]}x${size[1]}`);
      }
    }
    const rows = lead.reduce((a, b) => a * b, 1);
    const hw = input.shape[input.ndim - 1]! * input.shape[input.ndim - 2]!;
    const flat = (t: Tensor, n: number) => ({ ...t.backendView, shape: [rows, n], strides: [n, 1] });
    const target = flat(out, plane);
    backend.scatterAdd(target, 1, flat(idx, hw), flat(contiguous(input), hw));
    // positions named k times hold k copies of their value: divide by max(k, 1)
    const counts = emptyTensor([rows, plane], input.dtype, input.device);
    const ones = emptyTensor([rows, hw], input.dtype, input.device);
    backend.fill(counts.backendView, 0);
    backend.fill(ones.backendView, 1);
    backend.scatterAdd(counts.backendView, 1, flat(idx, hw), ones.backendView);
    backend.binary('maximum', counts.backendView, 1, counts.backendView, input.dtype);
    backend.binary('div', target, counts.backendView, target, input.dtype);
    return out;
  });
}
