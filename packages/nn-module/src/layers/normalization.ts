// nn.LayerNorm, nn.GroupNorm, nn.RMSNorm, nn.LocalResponseNorm.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { ValueError, signature } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { groupNorm, layerNorm, localResponseNorm, rmsNorm } from '../functional/normalization.js';
import { ones_, zeros_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

type Shape = number | readonly number[];

interface LayerNormArgs extends FactoryOptions {
  normalizedShape: number | number[];
  eps: number;
  elementwiseAffine: boolean;
}
const LAYER_NORM = signature<{ '': Required<LayerNormArgs> }>(
  'LayerNorm(int|int[] normalized_shape, float eps=1e-05, bool elementwise_affine=True, Device? device=None, ScalarType? dtype=None)',
);
const shapeOf = (s: number | number[]): number[] => (typeof s === 'number' ? [s] : [...s]);

/**
 * `nn.LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True)`: normalises over the last
 * dims, with a learned weight (ones) and bias (zeros) of that shape.
 * @example new nn.LayerNorm(8).call(torch.randn(2, 8)).shape // [2, 8]
 */
export class LayerNorm extends Module {
  declare normalizedShape: number[];
  declare eps: number;
  declare elementwiseAffine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(...args: Args<[normalizedShape: Shape, eps: number, elementwiseAffine: boolean, device: Device | null, dtype: DType | null], Partial<LayerNormArgs>>) {
    super();
    const a = LAYER_NORM.parse(args);
    this.normalizedShape = shapeOf(a.normalizedShape);
    this.eps = a.eps;
    this.elementwiseAffine = a.elementwiseAffine;
    if (a.elementwiseAffine) {
      this.weight = new Parameter(factoryEmpty(this.normalizedShape, a));
      this.bias = new Parameter(factoryEmpty(this.normalizedShape, a));
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    this.resetParameters();
  }
  /** `reset_parameters()`: weight 1, bias 0. @example ln.resetParameters() */
  resetParameters(): void {
    if (this.weight !== null) ones_(this.weight);
    if (this.bias !== null) zeros_(this.bias);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return layerNorm(input, this.normalizedShape, this.weight, this.bias, this.eps);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `${pyRepr(this.normalizedShape)}, eps=${pyNumber(this.eps, true)}, elementwise_affine=${pyRepr(this.elementwiseAffine)}`;
  }
}

interface GroupNormArgs extends FactoryOptions {
  numGroups: number;
  numChannels: number;
  eps: number;
  affine: boolean;
}
const GROUP_NORM = signature<{ '': Required<GroupNormArgs> }>('GroupNorm(int num_groups, int num_channels, float eps=1e-05, bool affine=True, Device? device=None, ScalarType? dtype=None)');

/**
 * `nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)`: normalises groups of channels.
 * @example new nn.GroupNorm(2, 6).call(torch.randn(3, 6, 4)).shape // [3, 6, 4]
 */
export class GroupNorm extends Module {
  declare numGroups: number;
  declare numChannels: number;
  declare eps: number;
  declare affine: boolean;
  declare weight: Parameter | null;
  declare bias: Parameter | null;
  constructor(...args: Args<[numGroups: number, numChannels: number, eps: number, affine: boolean, device: Device | null, dtype: DType | null], Partial<GroupNormArgs>>) {
    super();
    const a = GROUP_NORM.parse(args);
    if (a.numChannels % a.numGroups !== 0) throw new ValueError('num_channels must be divisible by num_groups');
    this.numGroups = a.numGroups;
    this.numChannels = a.numChannels;
    this.eps = a.eps;
    this.affine = a.affine;
    if (a.affine) {
      this.weight = new Parameter(factoryEmpty([a.numChannels], a));
      this.bias = new Parameter(factoryEmpty([a.numChannels], a));
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    this.resetParameters();
  }
  /** `reset_parameters()`: weight 1, bias 0. @example gn.resetParameters() */
  resetParameters(): void {
    if (this.weight !== null) ones_(this.weight);
    if (this.bias !== null) zeros_(this.bias);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return groupNorm(input, this.numGroups, this.weight, this.bias, this.eps);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `${this.numGroups}, ${this.numChannels}, eps=${pyNumber(this.eps, true)}, affine=${pyRepr(this.affine)}`;
  }
}

interface RMSNormArgs extends FactoryOptions {
  normalizedShape: number | number[];
  eps: number | null;
  elementwiseAffine: boolean;
}
const RMS_NORM = signature<{ '': Required<RMSNormArgs> }>(
  'RMSNorm(int|int[] normalized_shape, float? eps=None, bool elementwise_affine=True, Device? device=None, ScalarType? dtype=None)',
);

/**
 * `nn.RMSNorm(normalized_shape, eps=None, elementwise_affine=True)` (PyTorch 2.4): x / RMS(x) ·
 * weight over the last dims; eps defaults to the dtype's machine epsilon.
 * @example new nn.RMSNorm(8).call(torch.randn(2, 8)).shape // [2, 8]
 */
export class RMSNorm extends Module {
  declare normalizedShape: number[];
  declare eps: number | null;
  declare elementwiseAffine: boolean;
  declare weight: Parameter | null;
  constructor(...args: Args<[normalizedShape: Shape, eps: number | null, elementwiseAffine: boolean, device: Device | null, dtype: DType | null], Partial<RMSNormArgs>>) {
    super();
    const a = RMS_NORM.parse(args);
    this.normalizedShape = shapeOf(a.normalizedShape);
    this.eps = a.eps;
    this.elementwiseAffine = a.elementwiseAffine;
    if (a.elementwiseAffine) this.weight = new Parameter(factoryEmpty(this.normalizedShape, a));
    else this.registerParameter('weight', null);
    this.resetParameters();
  }
  /** `reset_parameters()`: weight 1. @example rms.resetParameters() */
  resetParameters(): void {
    if (this.weight !== null) ones_(this.weight);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return rmsNorm(input, this.normalizedShape, this.weight, this.eps);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `${pyRepr(this.normalizedShape)}, eps=${this.eps === null ? 'None' : pyNumber(this.eps, true)}, elementwise_affine=${pyRepr(this.elementwiseAffine)}`;
  }
}

const LRN = signature<{ '': { size: number; alpha: number; beta: number; k: number } }>('LocalResponseNorm(int size, float alpha=0.0001, float beta=0.75, float k=1.0)');

/**
 * `nn.LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1.0)`: normalises across neighbouring channels.
 * @example new nn.LocalResponseNorm(2).call(torch.randn(1, 6, 4, 4)).shape // [1, 6, 4, 4]
 */
export class LocalResponseNorm extends Module {
  declare size: number;
  declare alpha: number;
  declare beta: number;
  declare k: number;
  constructor(...args: Args<[size: number, alpha: number, beta: number, k: number], { size?: number; alpha?: number; beta?: number; k?: number }>) {
    super();
    const a = LRN.parse(args);
    this.size = a.size;
    this.alpha = a.alpha;
    this.beta = a.beta;
    this.k = a.k;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return localResponseNorm(input, this.size, this.alpha, this.beta, this.k);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `${this.size}, alpha=${pyNumber(this.alpha, true)}, beta=${pyNumber(this.beta, true)}, k=${pyNumber(this.k, true)}`;
  }
}
