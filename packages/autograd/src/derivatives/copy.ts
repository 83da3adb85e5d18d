// Derivatives of copies, casts and in-place writes (copy_, fill_, zero_, setAt).

import type { Index } from '@torchlet/tensor';
import { zerosLike } from '@torchlet/tensor';
import { isAdvanced, setAtAdvancedGrads, valueGrad } from './advancedIndex.js';
import { viewOfGrad, zeroViewOfGrad } from './helpers.js';
import type { Derivative } from './types.js';

const identity: Derivative['vjp'] = (ctx) => [ctx.grad];

export const copyDerivatives: Record<string, Derivative> = {
  contiguous: { node: 'CloneBackward0', vjp: identity },
  clone: { node: 'CloneBackward0', vjp: identity },
  // the engine casts and moves the gradient back to the input's dtype and device
  cast: { node: 'ToCopyBackward0', vjp: identity },
  toDevice: { node: 'ToCopyBackward0', vjp: identity },
  copy_: { node: 'CopyBackwards', vjp: (ctx) => [zerosLike(ctx.grad), ctx.needs(1) ? ctx.grad : null] },
  fill_: {
    node: (call) => (call.inputs[1] === undefined ? 'FillBackward2' : 'FillBackward3'),
    vjp: (ctx) => [zerosLike(ctx.grad), ctx.needs(1) ? ctx.grad.sum() : null],
  },
  zero_: { node: 'ZeroBackward0', vjp: (ctx) => [zerosLike(ctx.grad)] },
  setAt: {
    node: (call) => (isAdvanced(call.args['indices'] as Index[]) ? 'IndexPutBackward0' : 'CopySlices'),
    vjp: (ctx) => {
      const indices = ctx.args['indices'] as Index[];
      if (isAdvanced(indices)) return setAtAdvancedGrads(ctx, indices);
      const replay = (t: Parameters<typeof viewOfGrad>[0]) => t.at(...indices);
      const gSelf = zeroViewOfGrad(ctx.grad, replay);
      if (!ctx.needs(1)) return [gSelf, null];
      const region = viewOfGrad(ctx.grad, replay);
      // setAt dropped the value's leading size-1 dims and broadcast it over the region
      return [gSelf, valueGrad(region, ctx.inputShape(1))];
    },
  },
};
