// nn.Identity, nn.Linear, nn.Bilinear, nn.LazyLinear.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { bilinear, linear } from '../functional/linear.js';
import { calculateFanInAndFanOut } from '../init/fan.js';
import { kaimingUniform_, uniform_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { Parameter, UninitializedParameter, isLazy } from '../parameter.js';
import { pyRepr } from '../module/repr.js';

/**
 * `nn.Identity(*args, **kwargs)`: returns its input (the arguments are accepted and ignored).
 * @example new nn.Identity().call(x) === x // true
 */
export class Identity extends Module {
  constructor(..._args: unknown[]) {
    super();
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return input;
  }
}

interface LinearArgs extends FactoryOptions {
  inFeatures: number;
  outFeatures: number;
  bias: boolean;
}
/** Options of `nn.Linear`. */
export type LinearOptions = Partial<LinearArgs>;
const LINEAR = signature<{ '': Required<LinearArgs> }>('Linear(int in_features, int out_features, bool bias=True, Device? device=None, ScalarType? dtype=None)');

/** Linear's and Conv's default: weight ~ kaiming_uniform_(a=√5), bias ~ U(±1/√fan_in). */
export function resetLinearLike(weight: Tensor, bias: Tensor | null): void {
  kaimingUniform_(weight, { a: Math.sqrt(5) });
  if (bias !== null) {
    const [fanIn] = calculateFanInAndFanOut(weight);
    const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
    uniform_(bias, -bound, bound);
  }
}

/**
 * `nn.Linear(in_features, out_features, bias=True)`: `y = x Wᵀ + b`, weight [out, in] and bias
 * [out] initialised as PyTorch does (the same draws after `torch.manualSeed`).
 * @example const fc = new nn.Linear(1024, 64); fc.call(torch.randn(8, 1024)).shape // [8, 64]
 */
export class Linear extends Module {
  declare inFeatures: number;
  declare outFeatures: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(...args: Args<[inFeatures: number, outFeatures: number, bias: boolean, device: Device | null, dtype: DType | null], LinearOptions>) {
    super();
    const a = LINEAR.parse(args);
    this.inFeatures = a.inFeatures;
    this.outFeatures = a.outFeatures;
    this.weight = new Parameter(factoryEmpty([a.outFeatures, a.inFeatures], a));
    if (a.bias) this.bias = new Parameter(factoryEmpty([a.outFeatures], a));
    else this.registerParameter('bias', null);
    this.resetParameters();
  }
  /** `reset_parameters()`: PyTorch's default initialisation again. @example fc.resetParameters() */
  resetParameters(): void {
    resetLinearLike(this.weight, this.bias);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyRepr(this.bias !== null)}`;
  }
}

interface BilinearArgs extends FactoryOptions {
  in1Features: number;
  in2Features: number;
  outFeatures: number;
  bias: boolean;
}
/** Options of `nn.Bilinear`. */
export type BilinearOptions = Partial<BilinearArgs>;
const BILINEAR = signature<{ '': Required<BilinearArgs> }>(
  'Bilinear(int in1_features, int in2_features, int out_features, bool bias=True, Device? device=None, ScalarType? dtype=None)',
);

/**
 * `nn.Bilinear(in1_features, in2_features, out_features, bias=True)`: `y = x1ᵀ A x2 + b`.
 * @example new nn.Bilinear(2, 3, 4).call(torch.randn(5, 2), torch.randn(5, 3)).shape // [5, 4]
 */
export class Bilinear extends Module {
  declare in1Features: number;
  declare in2Features: number;
  declare outFeatures: number;
  declare weight: Parameter;
  declare bias: Parameter | null;

  constructor(...args: Args<[in1Features: number, in2Features: number, outFeatures: number, bias: boolean, device: Device | null, dtype: DType | null], BilinearOptions>) {
    super();
    const a = BILINEAR.parse(args);
    this.in1Features = a.in1Features;
    this.in2Features = a.in2Features;
    this.outFeatures = a.outFeatures;
    this.weight = new Parameter(factoryEmpty([a.outFeatures, a.in1Features, a.in2Features], a));
    if (a.bias) this.bias = new Parameter(factoryEmpty([a.outFeatures], a));
    else this.registerParameter('bias', null);
    this.resetParameters();
  }
  /** `reset_parameters()`: U(±1/√in1_features) for weight and bias. @example bl.resetParameters() */
  resetParameters(): void {
    const bound = 1 / Math.sqrt(this.weight.shape[1]!);
    uniform_(this.weight, -bound, bound);
    if (this.bias !== null) uniform_(this.bias, -bound, bound);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input1: Tensor, input2: Tensor): Tensor {
    return bilinear(input1, input2, this.weight, this.bias);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `in1_features=${this.in1Features}, in2_features=${this.in2Features}, out_features=${this.outFeatures}, bias=${pyRepr(this.bias !== null)}`;
  }
}

interface LazyLinearArgs extends FactoryOptions {
  outFeatures: number;
  bias: boolean;
}
const LAZY_LINEAR = signature<{ '': Required<LazyLinearArgs> }>('LazyLinear(int out_features, bool bias=True, Device? device=None, ScalarType? dtype=None)');

/**
 * `nn.LazyLinear(out_features, bias=True)`: a Linear whose `in_features` is read from the first
 * input; then it initialises (the same draws as a Linear of that size) and becomes an `nn.Linear`.
 * @example const fc = new nn.LazyLinear(10); fc.call(torch.randn(2, 7)); fc instanceof nn.Linear // true
 */
export class LazyLinear extends Linear {
  private declare factory: FactoryOptions;

  constructor(...args: Args<[outFeatures: number, bias: boolean, device: Device | null, dtype: DType | null], Partial<LazyLinearArgs>>) {
    const a = LAZY_LINEAR.parse(args);
    super(0, 0, false);
    this.outFeatures = a.outFeatures;
    this.factory = { device: a.device, dtype: a.dtype };
    this.weight = new UninitializedParameter();
    if (a.bias) this.bias = new UninitializedParameter();
    const handle = this.registerForwardPreHook((m, input) => {
      (m as LazyLinear).initializeParameters(input[0] as Tensor);
      handle.remove();
      Object.setPrototypeOf(m, Linear.prototype);
    });
  }
  /** `has_uninitialized_params()`. @example new nn.LazyLinear(3).hasUninitializedParams() // true */
  hasUninitializedParams(): boolean {
    return [...this._parameters.values()].some(isLazy);
  }
  /** `initialize_parameters(input)`: materialises weight [out, input.shape[-1]] and bias, then initialises them. @example fc.initializeParameters(x) */
  initializeParameters(input: Tensor): void {
    if (!this.hasUninitializedParams()) return;
    noGrad(() => {
      this.inFeatures = input.shape.at(-1)!;
      const device = this.factory.device ?? input.device;
      const dtype = this.factory.dtype ?? undefined;
      (this.weight as UninitializedParameter).materialize([this.outFeatures, this.inFeatures], { device, ...(dtype ? { dtype } : {}) });
      if (this.bias !== null) (this.bias as UninitializedParameter).materialize([this.outFeatures], { device, ...(dtype ? { dtype } : {}) });
      this.resetParameters();
    });
  }
  /** `reset_parameters()`: the default initialisation again. @example layer.resetParameters() */
  override resetParameters(): void {
    if (!this.hasUninitializedParams() && this.inFeatures !== 0) super.resetParameters();
  }
}
