// The activation layers of torch.nn: each keeps PyTorch's attributes and repr and calls its F form.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import * as A from '../functional/activation.js';
import * as S from '../functional/softmax.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

const INPLACE_ONLY = (name: string) => signature<{ '': { inplace: boolean } }>(`${name}(bool inplace=False)`);
type InplaceArgs = Args<[inplace: boolean], { inplace?: boolean }>;
const float = (v: number): string => pyNumber(v, true);

/** A layer whose one option is `inplace` (repr `Name(inplace=True)` when set, unless `quiet`). */
abstract class InplaceActivation extends Module {
  declare inplace: boolean;
  constructor(name: string, args: readonly unknown[]) {
    super();
    this.inplace = INPLACE_SIGNATURES.get(name)!.parse(args).inplace;
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}
const INPLACE_SIGNATURES = new Map(['ReLU', 'SELU', 'SiLU', 'Mish', 'Hardsigmoid', 'Hardswish'].map((n) => [n, INPLACE_ONLY(n)]));

/** `nn.ReLU(inplace=False)`. @example new nn.ReLU().call(torch.tensor([-1, 2]).float()) // tensor([0., 2.]) */
export class ReLU extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('ReLU', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.relu(input, this.inplace);
  }
}
/** `nn.SELU(inplace=False)`. @example new nn.SELU().call(x) */
export class SELU extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('SELU', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.selu(input, this.inplace);
  }
}
/** `nn.SiLU(inplace=False)`. @example new nn.SiLU().call(x) */
export class SiLU extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('SiLU', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.silu(input, this.inplace);
  }
}
/** `nn.Mish(inplace=False)` (its repr never shows inplace, as PyTorch's). @example new nn.Mish().call(x) */
export class Mish extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('Mish', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.mish(input, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return '';
  }
}
/** `nn.Hardsigmoid(inplace=False)`. @example new nn.Hardsigmoid().call(x) */
export class Hardsigmoid extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('Hardsigmoid', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.hardsigmoid(input, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return '';
  }
}
/** `nn.Hardswish(inplace=False)`. @example new nn.Hardswish().call(x) */
export class Hardswish extends InplaceActivation {
  constructor(...args: InplaceArgs) {
    super('Hardswish', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.hardswish(input, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return '';
  }
}

const HARDTANH = signature<{ '': { minVal: number; maxVal: number; inplace: boolean; minValue: number | null; maxValue: number | null } }>(
  'Hardtanh(float min_val=-1.0, float max_val=1.0, bool inplace=False, float? min_value=None, float? max_value=None)',
);
/** `nn.Hardtanh(min_val=-1.0, max_val=1.0, inplace=False)`. @example new nn.Hardtanh(-2, 2).call(x) */
export class Hardtanh extends Module {
  declare minVal: number;
  declare maxVal: number;
  declare inplace: boolean;
  constructor(...args: Args<[minVal: number, maxVal: number, inplace: boolean, minValue: number | null, maxValue: number | null], { minVal?: number; maxVal?: number; inplace?: boolean; minValue?: number | null; maxValue?: number | null }>) {
    super();
    const a = HARDTANH.parse(args);
    if (a.minValue !== null || a.maxValue !== null) console.warn('keyword argument min_value/max_value is deprecated and will be removed in future releases, use min_val/max_val instead.');
    this.minVal = a.minValue ?? a.minVal;
    this.maxVal = a.maxValue ?? a.maxVal;
    this.inplace = a.inplace;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.hardtanh(input, this.minVal, this.maxVal, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `min_val=${float(this.minVal)}, max_val=${float(this.maxVal)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
const RELU6 = INPLACE_ONLY('ReLU6');
/** `nn.ReLU6(inplace=False)`: Hardtanh(0, 6). @example new nn.ReLU6().call(x) */
export class ReLU6 extends Hardtanh {
  constructor(...args: InplaceArgs) {
    super(0, 6, RELU6.parse(args).inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

const LEAKY = signature<{ '': { negativeSlope: number; inplace: boolean } }>('LeakyReLU(float negative_slope=0.01, bool inplace=False)');
/** `nn.LeakyReLU(negative_slope=0.01, inplace=False)`. @example new nn.LeakyReLU(0.2).call(x) */
export class LeakyReLU extends Module {
  declare negativeSlope: number;
  declare inplace: boolean;
  constructor(...args: Args<[negativeSlope: number, inplace: boolean], { negativeSlope?: number; inplace?: boolean }>) {
    super();
    const a = LEAKY.parse(args);
    this.negativeSlope = a.negativeSlope;
    this.inplace = a.inplace;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.leakyRelu(input, this.negativeSlope, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `negative_slope=${float(this.negativeSlope)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

interface PReLUArgs extends FactoryOptions {
  numParameters: number;
  init: number;
}
const PRELU = signature<{ '': Required<PReLUArgs> }>('PReLU(int num_parameters=1, float init=0.25, Device? device=None, ScalarType? dtype=None)');
/** `nn.PReLU(num_parameters=1, init=0.25)`: a learned negative slope (per channel or shared). @example new nn.PReLU(3).call(torch.randn(2, 3)) */
export class PReLU extends Module {
  declare numParameters: number;
  declare init: number;
  declare weight: Parameter;
  constructor(...args: Args<[numParameters: number, init: number, device: Device | null, dtype: DType | null], Partial<PReLUArgs>>) {
    super();
    const a = PRELU.parse(args);
    this.numParameters = a.numParameters;
    this.init = a.init;
    this.weight = new Parameter(factoryEmpty([a.numParameters], a).fill_(a.init));
  }
  /** `reset_parameters()`: the weight back to `init`. @example prelu.resetParameters() */
  resetParameters(): void {
    this.weight.detach().fill_(this.init);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.prelu(input, this.weight);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `num_parameters=${this.numParameters}`;
  }
}

const RRELU = signature<{ '': { lower: number; upper: number; inplace: boolean } }>('RReLU(float lower=0.125, float upper=0.3333333333333333, bool inplace=False)');
/** `nn.RReLU(lower=1/8, upper=1/3, inplace=False)`: random slopes in training, their mean in eval. @example new nn.RReLU().call(x) */
export class RReLU extends Module {
  declare lower: number;
  declare upper: number;
  declare inplace: boolean;
  constructor(...args: Args<[lower: number, upper: number, inplace: boolean], { lower?: number; upper?: number; inplace?: boolean }>) {
    super();
    const a = RRELU.parse(args);
    this.lower = a.lower;
    this.upper = a.upper;
    this.inplace = a.inplace;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.rrelu(input, this.lower, this.upper, this.training, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `lower=${float(this.lower)}, upper=${float(this.upper)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

const ALPHA = (name: string) => signature<{ '': { alpha: number; inplace: boolean } }>(`${name}(float alpha=1.0, bool inplace=False)`);
const ELU_ARGS = ALPHA('ELU');
const CELU_ARGS = ALPHA('CELU');
/** `nn.ELU(alpha=1.0, inplace=False)`. @example new nn.ELU().call(x) */
export class ELU extends Module {
  declare alpha: number;
  declare inplace: boolean;
  constructor(...args: Args<[alpha: number, inplace: boolean], { alpha?: number; inplace?: boolean }>) {
    super();
    const a = (this instanceof CELU ? CELU_ARGS : ELU_ARGS).parse(args);
    this.alpha = a.alpha;
    this.inplace = a.inplace;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.elu(input, this.alpha, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `alpha=${float(this.alpha)}${this.inplace ? ', inplace=True' : ''}`;
  }
}
/** `nn.CELU(alpha=1.0, inplace=False)`. @example new nn.CELU(2).call(x) */
export class CELU extends ELU {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.celu(input, this.alpha, this.inplace);
  }
}

const GELU_ARGS = signature<{ '': { approximate: string } }>('GELU(str approximate="none")');
/** `nn.GELU(approximate='none')`. @example new nn.GELU({ approximate: 'tanh' }).call(x) */
export class GELU extends Module {
  declare approximate: 'none' | 'tanh';
  constructor(...args: Args<[approximate: 'none' | 'tanh'], { approximate?: 'none' | 'tanh' }>) {
    super();
    this.approximate = GELU_ARGS.parse(args).approximate as 'none' | 'tanh';
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.gelu(input, { approximate: this.approximate });
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `approximate=${pyRepr(this.approximate)}`;
  }
}

/** `nn.Sigmoid()`. @example new nn.Sigmoid().call(x) */
export class Sigmoid extends Module {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return input.sigmoid();
  }
}
/** `nn.Tanh()`. @example new nn.Tanh().call(x) */
export class Tanh extends Module {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return input.tanh();
  }
}
/** `nn.Softsign()`. @example new nn.Softsign().call(x) */
export class Softsign extends Module {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.softsign(input);
  }
}
/** `nn.Tanhshrink()`. @example new nn.Tanhshrink().call(x) */
export class Tanhshrink extends Module {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.tanhshrink(input);
  }
}
/** `nn.LogSigmoid()`. @example new nn.LogSigmoid().call(x) */
export class LogSigmoid extends Module {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.logsigmoid(input);
  }
}

const SOFTPLUS = signature<{ '': { beta: number; threshold: number } }>('Softplus(float beta=1, float threshold=20)');
/** `nn.Softplus(beta=1, threshold=20)`. @example new nn.Softplus({ beta: 2 }).call(x) */
export class Softplus extends Module {
  declare beta: number;
  declare threshold: number;
  constructor(...args: Args<[beta: number, threshold: number], { beta?: number; threshold?: number }>) {
    super();
    const a = SOFTPLUS.parse(args);
    this.beta = a.beta;
    this.threshold = a.threshold;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.softplus(input, this.beta, this.threshold);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `beta=${pyNumber(this.beta)}, threshold=${pyNumber(this.threshold)}`;
  }
}

const THRESHOLD = signature<{ '': { threshold: number; value: number; inplace: boolean } }>('Threshold(float threshold, float value, bool inplace=False)');
/** `nn.Threshold(threshold, value, inplace=False)`: x if x > threshold else value. @example new nn.Threshold(0.1, 20).call(x) */
export class Threshold extends Module {
  declare threshold: number;
  declare value: number;
  declare inplace: boolean;
  constructor(...args: Args<[threshold: number, value: number, inplace: boolean], { threshold?: number; value?: number; inplace?: boolean }>) {
    super();
    const a = THRESHOLD.parse(args);
    this.threshold = a.threshold;
    this.value = a.value;
    this.inplace = a.inplace;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.threshold(input, this.threshold, this.value, this.inplace);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `threshold=${float(this.threshold)}, value=${float(this.value)}${this.inplace ? ', inplace=True' : ''}`;
  }
}

const SOFTMAX_ARGS = (name: string) => signature<{ '': { dim: number | null } }>(`${name}(int? dim=None)`);
const SOFTMAXES = new Map(['Softmax', 'Softmin', 'LogSoftmax'].map((n) => [n, SOFTMAX_ARGS(n)]));
/** Softmax, Softmin and LogSoftmax: one optional `dim`. */
abstract class SoftmaxLike extends Module {
  declare dim: number | null;
  constructor(name: string, args: readonly unknown[]) {
    super();
    this.dim = SOFTMAXES.get(name)!.parse(args).dim;
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `dim=${pyRepr(this.dim)}`;
  }
}
type DimArgs = Args<[dim: number | null], { dim?: number | null }>;
/** `nn.Softmax(dim=None)`. @example new nn.Softmax(1).call(torch.randn(2, 3)) */
export class Softmax extends SoftmaxLike {
  constructor(...args: DimArgs) {
    super('Softmax', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return S.softmax(input, this.dim);
  }
}
/** `nn.Softmin(dim=None)`. @example new nn.Softmin(1).call(torch.randn(2, 3)) */
export class Softmin extends SoftmaxLike {
  constructor(...args: DimArgs) {
    super('Softmin', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return S.softmin(input, this.dim);
  }
}
/** `nn.LogSoftmax(dim=None)`. @example new nn.LogSoftmax(1).call(torch.randn(2, 3)) */
export class LogSoftmax extends SoftmaxLike {
  constructor(...args: DimArgs) {
    super('LogSoftmax', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return S.logSoftmax(input, this.dim);
  }
}

const GLU_ARGS = signature<{ '': { dim: number } }>('GLU(int dim=-1)');
/** `nn.GLU(dim=-1)`. @example new nn.GLU().call(torch.randn(4, 6)).shape // [4, 3] */
export class GLU extends Module {
  declare dim: number;
  constructor(...args: Args<[dim: number], { dim?: number }>) {
    super();
    this.dim = GLU_ARGS.parse(args).dim;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.glu(input, this.dim);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

const SHRINK_ARGS = (name: string) => signature<{ '': { lambd: number } }>(`${name}(float lambd=0.5)`);
const HARDSHRINK = SHRINK_ARGS('Hardshrink');
const SOFTSHRINK = SHRINK_ARGS('Softshrink');
/** `nn.Hardshrink(lambd=0.5)`. @example new nn.Hardshrink().call(x) */
export class Hardshrink extends Module {
  declare lambd: number;
  constructor(...args: Args<[lambd: number], { lambd?: number }>) {
    super();
    this.lambd = (this instanceof Softshrink ? SOFTSHRINK : HARDSHRINK).parse(args).lambd;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.hardshrink(input, this.lambd);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return float(this.lambd);
  }
}
/** `nn.Softshrink(lambd=0.5)`. @example new nn.Softshrink().call(x) */
export class Softshrink extends Hardshrink {
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return A.softshrink(input, this.lambd);
  }
}
