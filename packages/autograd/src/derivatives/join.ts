// Derivatives of cat/stack and of the multi-output views split/unbind.

import { cat, stack } from '@torchlet/tensor';
import { wrapDim } from './helpers.js';
import type { Derivative } from './types.js';

export const joinDerivatives: Record<string, Derivative> = {
  cat: {
    node: 'CatBackward0',
    vjp: (ctx) => {
      const g = ctx.grad;
      const shapes: (readonly number[])[] = [];
      for (let i = 0; ctx.has(i); i++) shapes.push(ctx.inputShape(i));
      const d = wrapDim(ctx.args['dim'] as number, g.ndim);
      let at = 0;
      return shapes.map((s) => {
        // legacy empty 1-D inputs were skipped by cat
        if (s.length === 1 && s[0] === 0 && g.ndim !== 1) return null;
        const part = g.narrow(d, at, s[d]!);
        at += s[d]!;
        return part;
      });
    },
  },
  stack: {
    node: 'StackBackward0',
    vjp: (ctx) => {
      const d = wrapDim(ctx.args['dim'] as number, ctx.grad.ndim);
      return ctx.grad.unbind(d);
    },
  },
  split: {
    node: (call) => (typeof call.args['splitSize'] === 'number' ? 'SplitBackward0' : 'SplitWithSizesBackward0'),
    vjp: (ctx) => [cat(ctx.grads, wrapDim(ctx.args['dim'] as number, ctx.inputShape(0).length))],
  },
  unbind: {
    node: 'UnbindBackward0',
    vjp: (ctx) => [stack(ctx.grads, wrapDim(ctx.args['dim'] as number, ctx.inputShape(0).length))],
  },
};
