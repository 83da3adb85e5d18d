// nn.ZeroPad2d, nn.ConstantPad2d, nn.ReflectionPad2d (the tensor package's F.pad).

import type { Tensor } from '@torchlet/tensor';
import { pad, signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';

type Padding4 = number | readonly [number, number, number, number];
const ZERO_PAD = signature<{ '': { padding: number[] } }>('ZeroPad2d(int[4] padding)');
const CONSTANT_PAD = signature<{ '': { padding: number[]; value: number } }>('ConstantPad2d(int[4] padding, float value)');
const REFLECTION_PAD = signature<{ '': { padding: number[] } }>('ReflectionPad2d(int[4] padding)');

/** `nn.ConstantPad2d(padding, value)`: pads the last two dims (left, right, top, bottom) with `value`. @example new nn.ConstantPad2d(1, 0.5).call(torch.zeros(1, 2, 2)).shape // [1, 4, 4] */
export class ConstantPad2d extends Module {
  declare padding: number[];
  declare value: number;
  constructor(...args: Args<[padding: Padding4, value: number], { padding?: Padding4; value?: number }>) {
    super();
    const a = CONSTANT_PAD.parse(args);
    this.padding = a.padding;
    this.value = a.value;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return pad(input, this.padding, 'constant', this.value);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `padding=${pyRepr(this.padding)}, value=${pyNumber(this.value, true)}`;
  }
}

/** `nn.ZeroPad2d(padding)`: ConstantPad2d with zeros. @example new nn.ZeroPad2d([1, 1, 2, 0]).call(torch.ones(1, 2, 2)).shape // [1, 4, 4] */
export class ZeroPad2d extends ConstantPad2d {
  constructor(...args: Args<[padding: Padding4], { padding?: Padding4 }>) {
    const { padding } = ZERO_PAD.parse(args);
    super(padding as unknown as Padding4, 0);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return pyRepr(this.padding);
  }
}

/** `nn.ReflectionPad2d(padding)`: pads the last two dims by reflection. @example new nn.ReflectionPad2d(1).call(torch.ones(1, 3, 3)).shape // [1, 5, 5] */
export class ReflectionPad2d extends Module {
  declare padding: number[];
  constructor(...args: Args<[padding: Padding4], { padding?: Padding4 }>) {
    super();
    this.padding = REFLECTION_PAD.parse(args).padding;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return pad(input, this.padding, 'reflect');
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return pyRepr(this.padding);
  }
}
