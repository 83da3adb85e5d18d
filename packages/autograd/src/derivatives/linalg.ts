// Derivatives of the matrix products.

import type { Derivative } from './types.js';

const BOTH = { inputs: [0, 1] } as const;

export const linalgDerivatives: Record<string, Derivative> = {
  mm: {
    node: 'MmBackward0',
    save: BOTH,
    vjp: (ctx) => [ctx.needs(0) ? ctx.grad.mm(ctx.input(1).t()) : null, ctx.needs(1) ? ctx.input(0).t().mm(ctx.grad) : null],
  },
  bmm: {
    node: 'BmmBackward0',
    save: BOTH,
    vjp: (ctx) => [
      ctx.needs(0) ? ctx.grad.bmm(ctx.input(1).transpose(1, 2)) : null,
      ctx.needs(1) ? ctx.input(0).transpose(1, 2).bmm(ctx.grad) : null,
    ],
  },
  mv: {
    node: 'MvBackward0',
    save: BOTH,
    vjp: (ctx) => [ctx.needs(0) ? ctx.grad.outer(ctx.input(1)) : null, ctx.needs(1) ? ctx.input(0).t().mv(ctx.grad) : null],
  },
  dot: {
    node: 'DotBackward0',
    save: BOTH,
    vjp: (ctx) => [ctx.needs(0) ? ctx.input(1).mul(ctx.grad) : null, ctx.needs(1) ? ctx.input(0).mul(ctx.grad) : null],
  },
  // matmul's broadcast-batch path; PyTorch's top node there is the final reshape of its bmm
  matmul: {
    node: 'UnsafeViewBackward0',
    save: BOTH,
    vjp: (ctx) => [
      ctx.needs(0) ? ctx.grad.matmul(ctx.input(1).mT) : null,
      ctx.needs(1) ? ctx.input(0).mT.matmul(ctx.grad) : null,
    ],
  },
};
