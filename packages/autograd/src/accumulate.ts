// AccumulateGrad: the node of a leaf; adds the incoming gradient into `.grad`.

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { keep } from '@torchlet/tensor';
import { HookList, infoOf, Node } from './node.js';
import { isGradEnabled, noGrad } from './gradMode.js';
import { ensureMeta } from './meta.js';

/** The leaf's node. It holds the leaf, as PyTorch's AccumulateGrad does. */
export class AccumulateGrad extends Node {
  readonly postAccumulateHooks = new HookList<(t: Tensor) => void>();

  constructor(readonly variable: Tensor) {
    super();
    this.outputInfo = [infoOf(variable)];
  }

  name(): string {
    return 'torch::autograd::AccumulateGrad';
  }

  apply(grads: readonly MaybeGrad[]): MaybeGrad[] {
    accumulateInto(this.variable, grads[0]!, isGradEnabled());
    for (const h of this.postAccumulateHooks.list) h(this.variable);
    return [];
  }
}

/**
 * Adds `g` to `t.grad`. The first gradient is copied (it may be shared with other leaves or
 * the caller); later ones are added in place as PyTorch does, or out of place under createGraph
 * so that the sum stays differentiable.
 */
export function accumulateInto(t: Tensor, g: Tensor, createGraph: boolean): void {
  const m = ensureMeta(t);
  // .grad outlives the backward pass (whose temporaries are disposed)
  if (m.grad === null) {
    m.grad = keep(createGraph ? g : noGrad(() => g.clone()));
  } else if (createGraph || m.grad.requiresGrad) {
    m.grad = keep(m.grad.add(g));
  } else {
    const acc = m.grad;
    noGrad(() => acc.add_(g));
  }
}
