// nn.Flatten and nn.Unflatten.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { Module } from '../module/module.js';
import { pyRepr } from '../module/repr.js';

const FLATTEN = signature<{ '': { startDim: number; endDim: number } }>('Flatten(int start_dim=1, int end_dim=-1)');
const UNFLATTEN = signature<{ '': { dim: number; unflattenedSize: number[] } }>('Unflatten(int dim, int[] unflattened_size)');

/**
 * `nn.Flatten(start_dim=1, end_dim=-1)`: merges dims `startDim..endDim` (the batch dim stays).
 * @example new nn.Flatten().call(torch.zeros(8, 64, 4, 4)).shape // [8, 1024]
 */
export class Flatten extends Module {
  declare startDim: number;
  declare endDim: number;
  constructor(...args: Args<[startDim: number, endDim: number], { startDim?: number; endDim?: number }>) {
    super();
    const a = FLATTEN.parse(args);
    this.startDim = a.startDim;
    this.endDim = a.endDim;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return input.flatten(this.startDim, this.endDim);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}

/**
 * `nn.Unflatten(dim, unflattened_size)`: splits dim `dim` into `unflattenedSize`.
 * @example new nn.Unflatten(1, [2, 3]).call(torch.zeros(4, 6)).shape // [4, 2, 3]
 */
export class Unflatten extends Module {
  declare dim: number;
  declare unflattenedSize: number[];
  constructor(...args: Args<[dim: number, unflattenedSize: readonly number[]], { dim?: number; unflattenedSize?: readonly number[] }>) {
    super();
    const a = UNFLATTEN.parse(args);
    this.dim = a.dim;
    this.unflattenedSize = a.unflattenedSize;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return input.unflatten(this.dim, this.unflattenedSize);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `dim=${this.dim}, unflattened_size=${pyRepr(this.unflattenedSize)}`;
  }
}
