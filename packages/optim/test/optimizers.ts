// Building the fixtures' optimizers by name, with their PyTorch keyword arguments.
import type { Tensor } from '@torchlet/tensor';
import type { Optimizer } from '../src/index.js';
import * as optim from '../src/index.js';
import { options } from './fixtureTools.js';

type Ctor = new (params: never, opts: Record<string, unknown>) => Optimizer;
const OPTIMIZERS: Record<string, Ctor> = {
  SGD: optim.SGD, Adam: optim.Adam, AdamW: optim.AdamW, Adamax: optim.Adamax, NAdam: optim.NAdam, RAdam: optim.RAdam, Adagrad: optim.Adagrad,
  Adadelta: optim.Adadelta, RMSprop: optim.RMSprop, Rprop: optim.Rprop, ASGD: optim.ASGD, LBFGS: optim.LBFGS,
} as unknown as Record<string, Ctor>;

export interface GroupSpec {
  params: number[];
  [option: string]: unknown;
}

/** `new torch.optim[name](params or groups, **kwargs)`. */
export function makeOptimizer(name: string, kwargs: Record<string, unknown>, params: Tensor[], groups: GroupSpec[] | null = null): Optimizer {
  const ctor = OPTIMIZERS[name];
  if (ctor === undefined) throw new Error(`no optimizer ${name}`);
  const target = groups === null ? params : groups.map(({ params: idx, ...rest }) => ({ ...options(rest), params: idx.map((i) => params[i]!) }));
  return new ctor(target as never, options(kwargs));
}

/** One training step as the generator takes it: zeroGrad, loss, backward (of -loss when negated), step; returns the loss. */
export function trainStep(opt: Optimizer, loss: () => Tensor, negate = false): number {
  if (opt instanceof optim.LBFGS) {
    const out = opt.step(() => {
      opt.zeroGrad();
      const l = loss();
      (negate ? l.neg() : l).backward();
      return l;
    });
    return Number((out as Tensor).itemSync());
  }
  opt.zeroGrad();
  const l = loss();
  (negate ? l.neg() : l).backward();
  opt.step();
  return Number(l.itemSync());
}
