// nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d, nn.AlphaDropout: active in training only.

import type { Tensor } from '@torchlet/tensor';
import { ValueError, signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import * as D from '../functional/dropout.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';

const sig = (name: string) => signature<{ '': { p: number; inplace: boolean } }>(`${name}(float p=0.5, bool inplace=False)`);
const SIGNATURES = new Map(['Dropout', 'Dropout1d', 'Dropout2d', 'Dropout3d', 'AlphaDropout'].map((n) => [n, sig(n)]));
type DropoutArgs = Args<[p: number, inplace: boolean], { p?: number; inplace?: boolean }>;

/** `_DropoutNd`. */
abstract class DropoutNd extends Module {
  declare p: number;
  declare inplace: boolean;
  constructor(name: string, args: readonly unknown[]) {
    super();
    const a = SIGNATURES.get(name)!.parse(args);
    if (a.p < 0 || a.p > 1) throw new ValueError(`dropout probability has to be between 0 and 1, but got ${a.p}`);
    this.p = a.p;
    this.inplace = a.inplace;
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    return `p=${pyNumber(this.p, true)}, inplace=${pyRepr(this.inplace)}`;
  }
}

/** `nn.Dropout(p=0.5, inplace=False)`: PyTorch's masks for the same seed. @example new nn.Dropout(0.2).call(x) */
export class Dropout extends DropoutNd {
  constructor(...args: DropoutArgs) {
    super('Dropout', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return D.dropout(input, this.p, this.training, this.inplace);
  }
}
/** `nn.Dropout1d(p=0.5, inplace=False)`: whole channels of [N, C, L] / [C, L]. @example new nn.Dropout1d().call(torch.ones(2, 3, 4)) */
export class Dropout1d extends DropoutNd {
  constructor(...args: DropoutArgs) {
    super('Dropout1d', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return D.dropout1d(input, this.p, this.training, this.inplace);
  }
}
/** `nn.Dropout2d(p=0.5, inplace=False)`: whole channels of [N, C, H, W]. @example new nn.Dropout2d().call(torch.ones(2, 3, 4, 4)) */
export class Dropout2d extends DropoutNd {
  constructor(...args: DropoutArgs) {
    super('Dropout2d', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return D.dropout2d(input, this.p, this.training, this.inplace);
  }
}
/** `nn.Dropout3d(p=0.5, inplace=False)`: whole channels of [N, C, D, H, W]. @example new nn.Dropout3d().call(torch.ones(1, 2, 2, 2, 2)) */
export class Dropout3d extends DropoutNd {
  constructor(...args: DropoutArgs) {
    super('Dropout3d', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return D.dropout3d(input, this.p, this.training, this.inplace);
  }
}
/** `nn.AlphaDropout(p=0.5, inplace=False)`: dropout for SELU networks. @example new nn.AlphaDropout(0.2).call(x) */
export class AlphaDropout extends DropoutNd {
  constructor(...args: DropoutArgs) {
    super('AlphaDropout', args);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return D.alphaDropout(input, this.p, this.training);
  }
}
