// nn.Conv1d/2d/3d and nn.ConvTranspose1d/2d/3d, on the tensor package's F.conv* ops, as
// PyTorch's _ConvNd: checks, padding modes (zeros, reflect, replicate, circular), init and repr.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { ValueError, conv1d, conv2d, conv3d, convTranspose1d, convTranspose2d, convTranspose3d, pad, signature } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { Module } from '../module/module.js';
import { pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';
import { resetLinearLike } from './linear.js';

/** A padding mode of the convolutions. */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';
type IntOrTuple = number | readonly number[];

interface ConvArgs extends FactoryOptions {
  inChannels: number;
  outChannels: number;
  kernelSize: number[];
  stride: number[];
  padding: number[] | string;
  dilation: number[];
  groups: number;
  bias: boolean;
  paddingMode: string;
}
interface TransposeArgs extends Omit<ConvArgs, 'padding'> {
  padding: number[];
  outputPadding: number[];
}
/** Options of `nn.Conv1d/2d/3d`. */
export interface ConvOptions extends FactoryOptions {
  inChannels?: number;
  outChannels?: number;
  kernelSize?: IntOrTuple;
  stride?: IntOrTuple;
  padding?: IntOrTuple | 'same' | 'valid';
  dilation?: IntOrTuple;
  groups?: number;
  bias?: boolean;
  paddingMode?: PaddingMode;
}
/** Options of `nn.ConvTranspose1d/2d/3d`. */
export interface ConvTransposeOptions extends Omit<ConvOptions, 'padding'> {
  padding?: IntOrTuple;
  outputPadding?: IntOrTuple;
}
type ConvPositional = [inChannels: number, outChannels: number, kernelSize: IntOrTuple, stride: IntOrTuple, padding: IntOrTuple | 'same' | 'valid', dilation: IntOrTuple, groups: number, bias: boolean, paddingMode: PaddingMode, device: Device | null, dtype: DType | null];
type TransposePositional = [inChannels: number, outChannels: number, kernelSize: IntOrTuple, stride: IntOrTuple, padding: IntOrTuple, outputPadding: IntOrTuple, groups: number, bias: boolean, dilation: IntOrTuple, paddingMode: PaddingMode, device: Device | null, dtype: DType | null];

const convSignature = (d: number) =>
  signature<{ '': ConvArgs }>(
    `Conv${d}d(int in_channels, int out_channels, int[${d}] kernel_size, int[${d}] stride=1, int[${d}]|str padding=0, int[${d}] dilation=1, int groups=1, bool bias=True, str padding_mode="zeros", Device? device=None, ScalarType? dtype=None)`,
  );
const transposeSignature = (d: number) =>
  signature<{ '': TransposeArgs }>(
    `ConvTranspose${d}d(int in_channels, int out_channels, int[${d}] kernel_size, int[${d}] stride=1, int[${d}] padding=0, int[${d}] output_padding=0, int groups=1, bool bias=True, int[${d}] dilation=1, str padding_mode="zeros", Device? device=None, ScalarType? dtype=None)`,
  );
const CONV_ARGS = [convSignature(1), convSignature(2), convSignature(3)];
const TRANSPOSE_ARGS = [transposeSignature(1), transposeSignature(2), transposeSignature(3)];
const CONV_FNS = [conv1d, conv2d, conv3d];
const TRANSPOSE_FNS = [convTranspose1d, convTranspose2d, convTranspose3d];

const PADDING_MODES = ['zeros', 'reflect', 'replicate', 'circular'];

/** `_ConvNd`: what convolutions and transposed convolutions share (checks, parameters, init, repr). */
export class ConvNd extends Module {
  declare inChannels: number;
  declare outChannels: number;
  declare kernelSize: number[];
  declare stride: number[];
  declare padding: number[] | string;
  declare dilation: number[];
  declare transposed: boolean;
  declare outputPadding: number[];
  declare groups: number;
  declare paddingMode: PaddingMode;
  declare weight: Parameter;
  declare bias: Parameter | null;
  /** PyTorch's `_reversed_padding_repeated_twice`: F.pad's form of the padding, for the non-zero modes. */
  declare _reversedPaddingRepeatedTwice: number[];

  constructor(a: ConvArgs & { outputPadding: number[] }, transposed: boolean) {
    super();
    if (a.groups <= 0) throw new ValueError('groups must be a positive integer');
    if (a.inChannels % a.groups !== 0) throw new ValueError('in_channels must be divisible by groups');
    if (a.outChannels % a.groups !== 0) throw new ValueError('out_channels must be divisible by groups');
    if (typeof a.padding === 'string') {
      if (a.padding !== 'same' && a.padding !== 'valid') throw new ValueError(`Invalid padding string '${a.padding}', should be one of {'valid', 'same'}`);
      if (a.padding === 'same' && a.stride.some((s) => s !== 1)) throw new ValueError("padding='same' is not supported for strided convolutions");
    }
    if (!PADDING_MODES.includes(a.paddingMode)) {
      throw new ValueError(`padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got padding_mode='${a.paddingMode}'`);
    }
    this.inChannels = a.inChannels;
    this.outChannels = a.outChannels;
    this.kernelSize = a.kernelSize;
    this.stride = a.stride;
    this.padding = a.padding;
    this.dilation = a.dilation;
    this.transposed = transposed;
    this.outputPadding = a.outputPadding;
    this.groups = a.groups;
    this.paddingMode = a.paddingMode as PaddingMode;
    this._reversedPaddingRepeatedTwice = reversedPadding(a.padding, a.kernelSize, a.dilation);
    const shape = transposed ? [a.inChannels, a.outChannels / a.groups, ...a.kernelSize] : [a.outChannels, a.inChannels / a.groups, ...a.kernelSize];
    this.weight = new Parameter(factoryEmpty(shape, a));
    if (a.bias) this.bias = new Parameter(factoryEmpty([a.outChannels], a));
    else this.registerParameter('bias', null);
    this.resetParameters();
  }
  /** `reset_parameters()`: kaiming_uniform_(a=√5) weight, U(±1/√fan_in) bias, as PyTorch. @example conv.resetParameters() */
  resetParameters(): void {
    resetLinearLike(this.weight, this.bias);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    const d = this.kernelSize.length;
    const tuple = (v: number[] | string): string => (typeof v === 'string' ? v : pyRepr(v));
    let s = `${this.inChannels}, ${this.outChannels}, kernel_size=${tuple(this.kernelSize)}, stride=${tuple(this.stride)}`;
    if (typeof this.padding === 'string' || this.padding.some((p) => p !== 0)) s += `, padding=${tuple(this.padding)}`;
    if (this.dilation.some((v) => v !== 1)) s += `, dilation=${tuple(this.dilation)}`;
    if (this.outputPadding.length === d && this.outputPadding.some((v) => v !== 0)) s += `, output_padding=${tuple(this.outputPadding)}`;
    if (this.groups !== 1) s += `, groups=${this.groups}`;
    if (this.bias === null) s += ', bias=False';
    if (this.paddingMode !== 'zeros') s += `, padding_mode=${this.paddingMode}`;
    return s;
  }
}

/** F.pad's padding (last dim first, both sides) for a padding spec. */
function reversedPadding(padding: number[] | string, kernel: number[], dilation: number[]): number[] {
  if (typeof padding !== 'string') return [...padding].reverse().flatMap((p) => [p, p]);
  const out = new Array<number>(2 * kernel.length).fill(0);
  if (padding === 'same') {
    kernel.forEach((k, j) => {
      const i = kernel.length - 1 - j;
      const total = dilation[j]! * (k - 1);
      out[2 * i] = Math.floor(total / 2);
      out[2 * i + 1] = total - Math.floor(total / 2);
    });
  }
  return out;
}

/** A convolution of `d` spatial dims. */
class ConvLayer extends ConvNd {
  constructor(d: number, args: readonly unknown[]) {
    super({ ...CONV_ARGS[d - 1]!.parse(args), outputPadding: new Array<number>(d).fill(0) }, false);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    const conv = CONV_FNS[this.kernelSize.length - 1]!;
    if (this.paddingMode !== 'zeros') {
      const padded = pad(input, this._reversedPaddingRepeatedTwice, this.paddingMode);
      return conv(padded, this.weight, this.bias, { stride: this.stride, padding: 0, dilation: this.dilation, groups: this.groups });
    }
    return conv(input, this.weight, this.bias, { stride: this.stride, padding: this.padding as number[] | 'same' | 'valid', dilation: this.dilation, groups: this.groups });
  }
}

/**
 * `nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')`.
 * @example new nn.Conv1d(4, 8, 3).call(torch.randn(2, 4, 10)).shape // [2, 8, 8]
 */
export class Conv1d extends ConvLayer {
  constructor(...args: Args<ConvPositional, ConvOptions>) {
    super(1, args);
  }
}
/**
 * `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')`.
 * @example new nn.Conv2d(3, 32, 5, { padding: 2 }).call(torch.randn(1, 3, 32, 32)).shape // [1, 32, 32, 32]
 */
export class Conv2d extends ConvLayer {
  constructor(...args: Args<ConvPositional, ConvOptions>) {
    super(2, args);
  }
}
/**
 * `nn.Conv3d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros')`.
 * @example new nn.Conv3d(1, 2, 3).call(torch.randn(1, 1, 5, 5, 5)).shape // [1, 2, 3, 3, 3]
 */
export class Conv3d extends ConvLayer {
  constructor(...args: Args<ConvPositional, ConvOptions>) {
    super(3, args);
  }
}

/** A transposed convolution of `d` spatial dims. */
class ConvTransposeLayer extends ConvNd {
  constructor(d: number, args: readonly unknown[]) {
    const a = TRANSPOSE_ARGS[d - 1]!.parse(args);
    if (a.paddingMode !== 'zeros') throw new ValueError(`Only "zeros" padding mode is supported for ${`ConvTranspose${d}d`}`);
    super(a, true);
  }
  /** `forward(input, output_size=None)`: `outputSize` picks among the sizes a strided transpose can give. @example up.forward(x, [16, 16]) */
  override forward(input: Tensor, outputSize: readonly number[] | null = null): Tensor {
    const d = this.kernelSize.length;
    const outputPadding = this.outputPaddingFor(input, outputSize);
    return TRANSPOSE_FNS[d - 1]!(input, this.weight, this.bias, {
      stride: this.stride, padding: this.padding as number[], outputPadding, groups: this.groups, dilation: this.dilation,
    });
  }
  /** PyTorch's `_output_padding`: the output padding that gives `outputSize`, with its checks. */
  private outputPaddingFor(input: Tensor, outputSize: readonly number[] | null): number[] {
    if (outputSize === null) return this.outputPadding;
    const d = this.kernelSize.length;
    const nonSpatial = input.ndim === d + 2 ? 2 : 1;
    let size = [...outputSize];
    if (size.length === nonSpatial + d) size = size.slice(nonSpatial);
    if (size.length !== d) {
      throw new ValueError(`ConvTranspose${d}D: for ${input.ndim}D input, output_size must have ${d} or ${nonSpatial + d} elements (got ${outputSize.length})`);
    }
    const padding = this.padding as number[];
    const minSizes = size.map((_, i) => (input.shape[i + nonSpatial]! - 1) * this.stride[i]! - 2 * padding[i]! + this.dilation[i]! * (this.kernelSize[i]! - 1) + 1);
    const maxSizes = minSizes.map((m, i) => m + this.stride[i]! - 1);
    size.forEach((s, i) => {
      if (s < minSizes[i]! || s > maxSizes[i]!) {
        throw new ValueError(
          `requested an output size of [${size.join(', ')}], but valid sizes range from [${minSizes.join(', ')}] to [${maxSizes.join(', ')}] (for an input of [${input.shape.slice(nonSpatial).join(', ')}])`,
        );
      }
    });
    return size.map((s, i) => s - minSizes[i]!);
  }
}

/**
 * `nn.ConvTranspose1d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)`.
 * @example new nn.ConvTranspose1d(4, 2, 3, { stride: 2 }).call(torch.randn(1, 4, 5)).shape // [1, 2, 11]
 */
export class ConvTranspose1d extends ConvTransposeLayer {
  constructor(...args: Args<TransposePositional, ConvTransposeOptions>) {
    super(1, args);
  }
}
/**
 * `nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)`.
 * @example new nn.ConvTranspose2d(8, 3, 4, { stride: 2, padding: 1 }).call(torch.randn(1, 8, 8, 8)).shape // [1, 3, 16, 16]
 */
export class ConvTranspose2d extends ConvTransposeLayer {
  constructor(...args: Args<TransposePositional, ConvTransposeOptions>) {
    super(2, args);
  }
}
/**
 * `nn.ConvTranspose3d(in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, dilation=1)`.
 * @example new nn.ConvTranspose3d(2, 1, 2, { stride: 2 }).call(torch.randn(1, 2, 3, 3, 3)).shape // [1, 1, 6, 6, 6]
 */
export class ConvTranspose3d extends ConvTransposeLayer {
  constructor(...args: Args<TransposePositional, ConvTransposeOptions>) {
    super(3, args);
  }
}
