// Argument handling shared by the convolutions: PyTorch's positional form
// (stride, padding, dilation, groups) or one trailing options object, ints
// expanded to one value per spatial dim, and PyTorch's checks and messages.

import { RuntimeError } from '../errors.js';
import type { DType } from '../backend/dtype.js';
import { isFloatingPoint } from '../backend/dtype.js';
import { SCALAR_TYPE_NAME } from '../dtype.js';
import { checkSameDevice } from '../operands.js';
import { Tensor } from '../tensor.js';

/** One int for every spatial dim, or one per dim (`stride=2`, `stride=[2, 1]`). */
export type IntOrTuple = number | readonly number[];

/** Keyword form of a convolution's arguments. */
export interface ConvOptions {
  stride?: IntOrTuple;
  /** Zero padding per side, or `'valid'` (none) / `'same'` (output size = input size; stride 1 only). */
  padding?: IntOrTuple | 'same' | 'valid';
  dilation?: IntOrTuple;
  groups?: number;
}

/** Keyword form of a transposed convolution's arguments. */
export interface ConvTransposeOptions {
  stride?: IntOrTuple;
  padding?: IntOrTuple;
  outputPadding?: IntOrTuple;
  groups?: number;
  dilation?: IntOrTuple;
}

/**
 * PyTorch's "not implemented for" error of a CPU kernel: floating dtypes always
 * pass (float16/bfloat16 run where PyTorch 1.13 has no CPU kernel, as elsewhere
 * in torchlet), integer and bool dtypes only when listed.
 * @example checkKernelDtype('max_pool2d', torch.zeros([1], { dtype: 'int64' }), []) // throws "max_pool2d" not implemented for 'Long'
 */
export function checkKernelDtype(kernel: string, x: Tensor, ints: readonly DType[]): void {
  if (!isFloatingPoint(x.dtype) && !ints.includes(x.dtype)) {
    throw new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
  }
}

/** Integer dtypes of PyTorch's convolution kernels. */
export const CONV_INTS: readonly DType[] = ['int32', 'int64', 'int8', 'uint8'];

/**
 * Whether an argument is the trailing options object rather than a positional value.
 * @example isOptions({ padding: 1 }) // true; isOptions([1, 1]) // false
 */
export function isOptions(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Tensor);
}

/**
 * An int or list expanded to `d` values, with PyTorch's message for a list of the wrong length.
 * @example expand(2, 2, 'stride') // [2, 2]
 */
export function expandArg(v: IntOrTuple, d: number, name: string): number[] {
  if (typeof v === 'number') return new Array<number>(d).fill(v);
  if (v.length === 1) return new Array<number>(d).fill(v[0]!);
  if (v.length !== d) {
    throw new RuntimeError(
      `expected ${name} to be a single integer value or a list of ${d} values to match the convolution dimensions, but got ${name}=[${v.join(', ')}]`,
    );
  }
  return [...v];
}

/**
 * `[a, b]` as PyTorch prints an IntArrayRef.
 * @example fmtList([8, 3, 3, 3]) // '[8, 3, 3, 3]'
 */
export function fmtList(v: readonly number[]): string {
  return `[${v.join(', ')}]`;
}

/**
 * PyTorch's checks of convolution operands: rank (batched or unbatched), dtypes,
 * devices, bias shape. Returns the input with a batch dim and whether one was added.
 * @example const { x, unbatched } = checkConvOperands('conv2d', 2, input, weight, bias)
 */
export function checkConvOperands(
  name: string,
  d: number,
  input: Tensor,
  weight: Tensor,
  bias: Tensor | null | undefined,
  transposed = false,
): { x: Tensor; unbatched: boolean } {
  if (input.ndim !== d + 1 && input.ndim !== d + 2) {
    throw new RuntimeError(
      `Expected ${d + 1}D (unbatched) or ${d + 2}D (batched) input to ${name}, but got input of size: ${fmtList(input.shape)}`,
    );
  }
  checkSameDevice([input, weight, bias ?? undefined]);
  if (input.dtype !== weight.dtype) {
    throw new RuntimeError(`expected scalar type ${SCALAR_TYPE_NAME[input.dtype]} but found ${SCALAR_TYPE_NAME[weight.dtype]}`);
  }
  if (bias && bias.dtype !== input.dtype) {
    throw new RuntimeError(`Input type (${cTypeName(input)}) and bias type (${cTypeName(bias)}) should be the same`);
  }
  if (transposed) checkKernelDtype(d === 3 ? 'slow_conv_transpose3d_out_cpu' : 'slow_conv_transpose2d_out_cpu', input, ['int64']);
  else checkKernelDtype(d === 3 ? 'compute_columns3d' : 'slow_conv2d_cpu', input, CONV_INTS);
  const unbatched = input.ndim === d + 1;
  return { x: unbatched ? input.unsqueeze(0) : input, unbatched };
}

const C_TYPE: Partial<Record<string, string>> = { float32: 'float', float64: 'double', bfloat16: 'c10::BFloat16', int64: 'long int', int32: 'int' };

function cTypeName(t: Tensor): string {
  return C_TYPE[t.dtype] ?? t.dtype;
}

/**
 * Non-positive stride / negative padding / non-positive dilation and groups, as PyTorch refuses them.
 * @example checkGeometry([0, 1], [0, 0], [1, 1], 1) // throws 'non-positive stride is not supported'
 */
export function checkGeometry(stride: readonly number[], padding: readonly number[], dilation: readonly number[], groups: number): void {
  if (stride.some((s) => s <= 0)) throw new RuntimeError('non-positive stride is not supported');
  if (padding.some((p) => p < 0)) throw new RuntimeError('negative padding is not supported');
  if (dilation.some((v) => v <= 0)) throw new RuntimeError(`dilation should be greater than zero, but got ${fmtList(dilation)}`);
  if (groups <= 0) throw new RuntimeError('non-positive groups is not supported');
}

/**
 * PyTorch's weight/channel/bias consistency checks of a (transposed) convolution.
 * @example checkChannels(x, weight, bias, groups, false)
 */
export function checkChannels(x: Tensor, weight: Tensor, bias: Tensor | null | undefined, groups: number, transposed: boolean): void {
  const d = x.ndim - 2;
  if (weight.ndim !== d + 2) {
    throw new RuntimeError(
      `Expected ${d + 2}-dimensional input for ${d + 2}-dimensional weight ${fmtList(weight.shape)}, but got ${weight.ndim}-dimensional input of size ${fmtList(x.shape)} instead`,
    );
  }
  const w0 = weight.shape[0]!;
  if (w0 % groups !== 0) {
    throw new RuntimeError(
      `Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size [${fmtList(weight.shape)}] instead`,
    );
  }
  const expectedC = transposed ? w0 : weight.shape[1]! * groups;
  if (x.shape[1] !== expectedC) {
    throw new RuntimeError(
      `Given ${transposed ? 'transposed=1' : `groups=${groups}`}, weight of size ${fmtList(weight.shape)}, expected input${fmtList(x.shape)} to have ${expectedC} channels, but got ${x.shape[1]} channels instead`,
    );
  }
  const outC = transposed ? weight.shape[1]! * groups : w0;
  if (bias && (bias.ndim !== 1 || bias.shape[0] !== outC)) {
    throw new RuntimeError(
      `Given ${transposed ? 'transposed=1, ' : ''}weight of size ${fmtList(weight.shape)}, expected bias to be 1-dimensional with ${outC} elements, but got bias of size ${fmtList(bias.shape)} instead`,
    );
  }
}
