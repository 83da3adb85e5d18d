// Derivatives of sort-like ops and running extremes: the values output is differentiable,
// its gradient goes back through the indices output; and logcumsumexp.

import type { Tensor } from '@torchlet/tensor';
import { NotImplementedError, where } from '@torchlet/tensor';
import { zerosFor, wrapDim } from './helpers.js';
import type { Derivative, VjpContext } from './types.js';

/** `ctx.grad` written into zeros of the input's shape at `indices` along `dim` (a permutation or a subset: no duplicates). */
function scatterBack(ctx: VjpContext, dim: number, indices: Tensor, g: Tensor): Tensor {
  if (ctx.inputShape(0).length === 0) return g;
  return zerosFor(ctx, 0).scatter(dim, indices, g);
}

const sortLike = (node: string): Derivative => ({
  node,
  save: { outputs: [1] },
  vjp: (ctx) => [scatterBack(ctx, ctx.args['dim'] as number, ctx.output(1), ctx.grad)],
});

/** cummax/cummin: an element can be the running extreme of many positions, so the gradients add up. */
const cumExtreme = (node: string): Derivative => ({
  node,
  save: { outputs: [1] },
  vjp: (ctx) => {
    if (ctx.inputShape(0).length === 0) return [ctx.grad];
    return [zerosFor(ctx, 0).scatterAdd(ctx.args['dim'] as number, ctx.output(1), ctx.grad)];
  },
});

export const orderDerivatives: Record<string, Derivative> = {
  // PyTorch records unique and refuses its backward
  unique: {
    node: (call) => (call.args['dim'] === null ? 'Unique2Backward0' : 'UniqueDimBackward0'),
    vjp: (ctx) => {
      // PyTorch's own NotImplementedError and wording (not torchlet's 'not implemented:' for its gaps)
      const err = new NotImplementedError('');
      err.message = `the derivative for '${ctx.args['dim'] === null ? '_unique2' : 'unique_dim'}' is not implemented.`;
      throw err;
    },
  },
  sort: sortLike('SortBackward0'),
  topk: sortLike('TopkBackward0'),
  kthvalue: {
    node: 'KthvalueBackward0',
    save: { outputs: [1] },
    vjp: (ctx) => {
      const rank = ctx.inputShape(0).length;
      if (rank === 0) return [ctx.grad];
      const d = wrapDim(ctx.args['dim'] as number, rank);
      const keep = ctx.args['keepdim'] as boolean;
      const idx = keep ? ctx.output(1) : ctx.output(1).unsqueeze(d);
      const g = keep ? ctx.grad : ctx.grad.unsqueeze(d);
      return [zerosFor(ctx, 0).scatter(d, idx, g)];
    },
  },
  cummax: cumExtreme('CummaxBackward0'),
  cummin: cumExtreme('CumminBackward0'),
  logcumsumexp: {
    node: 'LogcumsumexpBackward0',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      // d y_i / d x_j = exp(x_j - y_i) for j <= i, so grad_j = sum over i >= j of g_i exp(x_j - y_i);
      // g_i exp(-y_i) is split by sign, each part summed from the end in log space (no overflow)
      const x = ctx.input(0);
      const y = ctx.output(0);
      const g = ctx.grad;
      if (x.ndim === 0) return [g];
      const d = wrapDim(ctx.args['dim'] as number, x.ndim);
      const revLcse = (t: Tensor): Tensor => t.flip([d]).logcumsumexp(d).flip([d]);
      const part = (positive: boolean): Tensor => {
        const mag = where(positive ? g.gt(0) : g.lt(0), g.abs(), 1);
        const logs = where(positive ? g.gt(0) : g.lt(0), mag.log().sub(y), -Infinity);
        return revLcse(logs).add(x).exp();
      };
      return [part(true).sub(part(false))];
    },
  },
};
