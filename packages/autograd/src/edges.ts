// Where the gradient of a tensor goes: its producing node, or its leaf's AccumulateGrad.

import type { Tensor } from '@torchlet/tensor';
import { AccumulateGrad } from './accumulate.js';
import { metaOf } from './meta.js';
import type { Edge, Node } from './node.js';
import { refreshView } from './views.js';

/** The leaf's AccumulateGrad node, made on first use. */
export function accumulatorOf(t: Tensor): AccumulateGrad {
  const m = metaOf(t)!;
  if (!m.accumulator) m.accumulator = new AccumulateGrad(t);
  return m.accumulator as AccumulateGrad;
}

/** The edge a gradient of `t` flows along, or null when `t` does not require grad. */
export function gradientEdge(t: Tensor): Edge | null {
  refreshView(t);
  const m = metaOf(t);
  if (!m) return null;
  if (m.gradFn) return { node: m.gradFn, inputNr: m.outputNr };
  if (m.requiresGrad) return { node: accumulatorOf(t) as Node, inputNr: 0 };
  return null;
}
