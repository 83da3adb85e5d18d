// The small modules of tools/fixtures/nn_module.py, under the same names.
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { Module, Parameter, Sequential } from '../src/index.js';

export class Leaf extends Module {
  declare n: number;
  declare w: Parameter;
  constructor(n: number) {
    super();
    this.n = n;
    this.w = new Parameter(torch.zeros(n));
  }
  override extraRepr(): string {
    return `n=${this.n}`;
  }
  override forward(x: Tensor): Tensor {
    return x.mul(this.w);
  }
}

export class Multi extends Module {
  override extraRepr(): string {
    return 'a=1\nb=2';
  }
}

export class Empty extends Module {}

export class Net extends Module {
  conv = new Leaf(2);
  block = new Sequential(new Leaf(3), new Leaf(4));
  declare shared: Module;
  constructor() {
    super();
    this.registerBuffer('running', torch.zeros(2));
    this.registerBuffer('scratch', torch.zeros(1), false);
    this.registerParameter('gone', null);
    this.shared = this.block.at(0);
  }
}

export class Small extends Module {
  fc: Leaf;
  constructor(n = 2) {
    super();
    this.fc = new Leaf(n);
    this.registerBuffer('count', torch.zeros(1));
  }
}
