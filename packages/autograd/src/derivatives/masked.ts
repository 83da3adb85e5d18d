// Derivatives of the masked ops (masked_fill, masked_select, masked_scatter).

import { broadcastShapes, cat, where, zeros } from '@torchlet/tensor';
import { sumToShape } from '../shapes.js';
import type { Derivative } from './types.js';

const maskedFillDerivative: Derivative = {
  node: (call) => (call.inputs[2] === undefined ? 'MaskedFillBackward0' : 'MaskedFillBackward1'),
  save: { inputs: [1] },
  vjp: (ctx) => {
    const mask = ctx.input(1);
    const g = ctx.grad;
    const gSelf = sumToShape(where(mask, 0, g), ctx.inputShape(0));
    const gValue = ctx.has(2) && ctx.needs(2) ? where(mask, g, 0).sum() : null;
    return [gSelf, null, gValue];
  },
};

const maskedScatterDerivative: Derivative = {
  node: 'MaskedScatterBackward0',
  save: { inputs: [1] },
  vjp: (ctx) => {
    const mask = ctx.input(1);
    const g = ctx.grad;
    const gSelf = sumToShape(where(mask, 0, g), ctx.inputShape(0));
    if (!ctx.needs(2)) return [gSelf, null, null];
    // the k-th true position took source's k-th element; the rest of source was not read
    const sourceShape = ctx.inputShape(2);
    const n = sourceShape.reduce((a, b) => a * b, 1);
    const read = g.maskedSelect(mask);
    const rest = zeros([n - read.shape[0]!], { dtype: g.dtype, device: g.device });
    return [gSelf, null, cat([read, rest]).reshape([...sourceShape])];
  },
};

export const maskedDerivatives: Record<string, Derivative> = {
  maskedFill: maskedFillDerivative,
  maskedFill_: maskedFillDerivative,
  maskedScatter: maskedScatterDerivative,
  maskedScatter_: maskedScatterDerivative,
  maskedSelect: {
    node: 'MaskedSelectBackward0',
    save: { inputs: [1] },
    vjp: (ctx) => {
      const mask = ctx.input(1);
      const shape = ctx.inputShape(0);
      const g = ctx.grad;
      // the selected elements' gradients back in place, in the broadcast shape, then summed to x's
      const z = zeros(broadcastShapes(shape, mask.shape), { dtype: g.dtype, device: g.device });
      return [sumToShape(z.maskedScatter(mask, g), shape)];
    },
  },
};

