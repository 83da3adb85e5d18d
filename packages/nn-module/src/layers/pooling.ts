// nn.MaxPool1d/2d, nn.AvgPool1d/2d, nn.AdaptiveAvgPool1d/2d, nn.AdaptiveMaxPool2d (the tensor
// package's F ops); attributes keep the form they were given in, as PyTorch prints them.

import type { AdaptiveSize, Tensor } from '@torchlet/tensor';
import { adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveMaxPool2d, avgPool1d, avgPool2d, maxPool1d, maxPool2d, signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { Module } from '../module/module.js';
import { pyRepr } from '../module/repr.js';

type IntOrTuple = number | number[];

interface MaxPoolArgs {
  kernelSize: IntOrTuple;
  stride: IntOrTuple | null;
  padding: IntOrTuple;
  dilation: IntOrTuple;
  returnIndices: boolean;
  ceilMode: boolean;
}
/** Options of `nn.MaxPool1d/2d`. */
export type MaxPoolOptions = Partial<MaxPoolArgs>;
const maxPoolSignature = (d: number) =>
  signature<{ '': MaxPoolArgs }>(`MaxPool${d}d(int|int[] kernel_size, int|int[]? stride=None, int|int[] padding=0, int|int[] dilation=1, bool return_indices=False, bool ceil_mode=False)`);
const MAX_POOL = [maxPoolSignature(1), maxPoolSignature(2)];

/** What a max pool returns: the output, or `[output, indices]` with `returnIndices`. */
export type MaxPoolResult<R extends boolean> = R extends true ? [Tensor, Tensor] : Tensor;

/** `_MaxPoolNd`. */
class MaxPoolNd extends Module {
  declare kernelSize: IntOrTuple;
  declare stride: IntOrTuple;
  declare padding: IntOrTuple;
  declare dilation: IntOrTuple;
  declare returnIndices: boolean;
  declare ceilMode: boolean;
  constructor(d: number, args: readonly unknown[]) {
    super();
    const a = MAX_POOL[d - 1]!.parse(args);
    this.kernelSize = a.kernelSize;
    this.stride = a.stride ?? a.kernelSize;
    this.padding = a.padding;
    this.dilation = a.dilation;
    this.returnIndices = a.returnIndices;
    this.ceilMode = a.ceilMode;
  }
  protected options(): { stride: IntOrTuple; padding: IntOrTuple; dilation: IntOrTuple; ceilMode: boolean; returnIndices: boolean } {
    return { stride: this.stride, padding: this.padding, dilation: this.dilation, ceilMode: this.ceilMode, returnIndices: this.returnIndices };
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `kernel_size=${pyRepr(this.kernelSize)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}, dilation=${pyRepr(this.dilation)}, ceil_mode=${pyRepr(this.ceilMode)}`;
  }
}
type MaxPoolPositional = [kernelSize: IntOrTuple, stride: IntOrTuple | null, padding: IntOrTuple, dilation: IntOrTuple, returnIndices: boolean, ceilMode: boolean];

/**
 * `nn.MaxPool1d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)`;
 * with `returnIndices` (type it `new nn.MaxPool1d<true>(…)`) forward gives `[output, indices]`.
 * @example new nn.MaxPool1d(2).call(torch.randn(1, 3, 8)).shape // [1, 3, 4]
 */
export class MaxPool1d<R extends boolean = false> extends MaxPoolNd {
  constructor(...args: Args<MaxPoolPositional, MaxPoolOptions & { returnIndices?: R }>) {
    super(1, args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): MaxPoolResult<R> {
    return maxPool1d(input, this.kernelSize, this.options()) as MaxPoolResult<R>;
  }
}
/**
 * `nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)`;
 * with `returnIndices` (type it `new nn.MaxPool2d<true>(…)`) forward gives `[output, indices]`.
 * @example new nn.MaxPool2d(2).call(torch.randn(1, 3, 8, 8)).shape // [1, 3, 4, 4]
 */
export class MaxPool2d<R extends boolean = false> extends MaxPoolNd {
  constructor(...args: Args<MaxPoolPositional, MaxPoolOptions & { returnIndices?: R }>) {
    super(2, args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): MaxPoolResult<R> {
    return maxPool2d(input, this.kernelSize, this.options()) as MaxPoolResult<R>;
  }
}

interface AvgPoolArgs {
  kernelSize: IntOrTuple;
  stride: IntOrTuple | null;
  padding: IntOrTuple;
  ceilMode: boolean;
  countIncludePad: boolean;
  divisorOverride: number | null;
}
/** Options of `nn.AvgPool1d/2d`. */
export type AvgPoolOptions = Partial<AvgPoolArgs>;
const AVG_POOL_1D = signature<{ '': AvgPoolArgs }>('AvgPool1d(int|int[] kernel_size, int|int[]? stride=None, int|int[] padding=0, bool ceil_mode=False, bool count_include_pad=True)');
const AVG_POOL_2D = signature<{ '': AvgPoolArgs }>(
  'AvgPool2d(int|int[] kernel_size, int|int[]? stride=None, int|int[] padding=0, bool ceil_mode=False, bool count_include_pad=True, int? divisor_override=None)',
);

/** `_AvgPoolNd`. */
class AvgPoolNd extends Module {
  declare kernelSize: IntOrTuple;
  declare stride: IntOrTuple;
  declare padding: IntOrTuple;
  declare ceilMode: boolean;
  declare countIncludePad: boolean;
  constructor(a: AvgPoolArgs) {
    super();
    this.kernelSize = a.kernelSize;
    this.stride = a.stride ?? a.kernelSize;
    this.padding = a.padding;
    this.ceilMode = a.ceilMode;
    this.countIncludePad = a.countIncludePad;
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `kernel_size=${pyRepr(this.kernelSize)}, stride=${pyRepr(this.stride)}, padding=${pyRepr(this.padding)}`;
  }
}

/**
 * `nn.AvgPool1d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)`.
 * @example new nn.AvgPool1d(2).call(torch.ones(1, 1, 4)) // tensor([[[1., 1.]]])
 */
export class AvgPool1d extends AvgPoolNd {
  constructor(...args: Args<[kernelSize: IntOrTuple, stride: IntOrTuple | null, padding: IntOrTuple, ceilMode: boolean, countIncludePad: boolean], Omit<AvgPoolOptions, 'divisorOverride'>>) {
    const a = AVG_POOL_1D.parse(args);
    // AvgPool1d keeps 1-tuples (PyTorch's _single), unlike the other pools
    const single = (v: IntOrTuple): number[] => (typeof v === 'number' ? [v] : v);
    super({ ...a, kernelSize: single(a.kernelSize), stride: single(a.stride ?? a.kernelSize), padding: single(a.padding) });
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return avgPool1d(input, this.kernelSize, { stride: this.stride, padding: this.padding, ceilMode: this.ceilMode, countIncludePad: this.countIncludePad });
  }
}
/**
 * `nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`.
 * @example new nn.AvgPool2d(2).call(torch.ones(1, 1, 4, 4)).shape // [1, 1, 2, 2]
 */
export class AvgPool2d extends AvgPoolNd {
  declare divisorOverride: number | null;
  constructor(...args: Args<[kernelSize: IntOrTuple, stride: IntOrTuple | null, padding: IntOrTuple, ceilMode: boolean, countIncludePad: boolean, divisorOverride: number | null], AvgPoolOptions>) {
    const a = AVG_POOL_2D.parse(args);
    super(a);
    this.divisorOverride = a.divisorOverride;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return avgPool2d(input, this.kernelSize, {
      stride: this.stride, padding: this.padding, ceilMode: this.ceilMode, countIncludePad: this.countIncludePad, divisorOverride: this.divisorOverride,
    });
  }
}

const ADAPTIVE_AVG_1D = signature<{ '': { outputSize: AdaptiveSize } }>('AdaptiveAvgPool1d(int|int[] output_size)');
const ADAPTIVE_AVG_2D = signature<{ '': { outputSize: AdaptiveSize } }>('AdaptiveAvgPool2d(int|int?[] output_size)');
const ADAPTIVE_MAX_2D = signature<{ '': { outputSize: AdaptiveSize; returnIndices: boolean } }>('AdaptiveMaxPool2d(int|int?[] output_size, bool return_indices=False)');

/** `_AdaptiveAvgPoolNd` / `_AdaptiveMaxPoolNd`'s shared repr. */
class AdaptivePoolNd extends Module {
  declare outputSize: AdaptiveSize;
  constructor(outputSize: AdaptiveSize) {
    super();
    this.outputSize = outputSize;
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `output_size=${pyRepr(this.outputSize)}`;
  }
}

/** `nn.AdaptiveAvgPool1d(output_size)`. @example new nn.AdaptiveAvgPool1d(1).call(torch.ones(2, 3, 5)).shape // [2, 3, 1] */
export class AdaptiveAvgPool1d extends AdaptivePoolNd {
  constructor(...args: Args<[outputSize: AdaptiveSize], { outputSize?: AdaptiveSize }>) {
    super(ADAPTIVE_AVG_1D.parse(args).outputSize);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return adaptiveAvgPool1d(input, this.outputSize);
  }
}
/** `nn.AdaptiveAvgPool2d(output_size)` (null keeps a dim's size). @example new nn.AdaptiveAvgPool2d([1, 1]).call(torch.ones(2, 3, 5, 5)).shape // [2, 3, 1, 1] */
export class AdaptiveAvgPool2d extends AdaptivePoolNd {
  constructor(...args: Args<[outputSize: AdaptiveSize], { outputSize?: AdaptiveSize }>) {
    super(ADAPTIVE_AVG_2D.parse(args).outputSize);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return adaptiveAvgPool2d(input, this.outputSize);
  }
}
/** `nn.AdaptiveMaxPool2d(output_size, return_indices=False)` (`new nn.AdaptiveMaxPool2d<true>(…)` for `[output, indices]`). @example new nn.AdaptiveMaxPool2d(2).call(torch.randn(1, 3, 7, 7)).shape // [1, 3, 2, 2] */
export class AdaptiveMaxPool2d<R extends boolean = false> extends AdaptivePoolNd {
  declare returnIndices: boolean;
  constructor(...args: Args<[outputSize: AdaptiveSize, returnIndices: R], { outputSize?: AdaptiveSize; returnIndices?: R }>) {
    const a = ADAPTIVE_MAX_2D.parse(args);
    super(a.outputSize);
    this.returnIndices = a.returnIndices;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): MaxPoolResult<R> {
    return (this.returnIndices ? adaptiveMaxPool2d(input, this.outputSize, true) : adaptiveMaxPool2d(input, this.outputSize)) as MaxPoolResult<R>;
  }
}
