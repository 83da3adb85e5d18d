// Derivatives of reductions, scans and softmax.

import type { Tensor } from '@torchlet/tensor';
import { arange, where, zerosLike } from '@torchlet/tensor';
import { reducedDims, unreduce } from '../shapes.js';
import { wrapDim } from './helpers.js';
import type { Derivative, VjpContext } from './types.js';

/** The reduced dims and keepdim of a reduction call. */
function dimsOf(ctx: VjpContext): { dims: number[]; keepdim: boolean; shape: readonly number[] } {
  const shape = ctx.inputShape(0);
  return { dims: reducedDims(ctx.args['dim'], shape.length), keepdim: (ctx.args['keepdim'] as boolean | undefined) ?? false, shape };
}

/** `t` (a reduction's output or its gradient) broadcastable against the input again. */
function back(ctx: VjpContext, t: Tensor): Tensor {
  const { dims, keepdim, shape } = dimsOf(ctx);
  return unreduce(t, shape, dims, keepdim);
}

const count = (ctx: VjpContext): number => {
  const { dims, shape } = dimsOf(ctx);
  return dims.reduce((n, d) => n * shape[d]!, 1);
};

const withDim = (name: string): Derivative['node'] => (call) =>
  call.args['dim'] === undefined || call.args['dim'] === null ? `${name}Backward0` : `${name}Backward1`;

/** Gradient shared evenly among the elements equal to the extreme value (amax, max(), norm inf). */
function evenly(ctx: VjpContext, x: Tensor, y: Tensor, g: Tensor): Tensor {
  const { dims } = dimsOf(ctx);
  const mask = x.eq(back(ctx, y));
  const n = mask.sum(dims, { keepdim: true });
  return where(mask, back(ctx, g).div(n), 0);
}

const extremeAll = (node: string): Derivative => ({
  node,
  save: { inputs: [0], outputs: [0] },
  vjp: (ctx) => [evenly(ctx, ctx.input(0), ctx.output(0), ctx.grad)],
});

/** max(dim)/min(dim): the gradient goes to the index each value came from. */
const extremeDim = (node: string): Derivative => ({
  node,
  save: { outputs: [1] },
  vjp: (ctx) => {
    const shape = ctx.inputShape(0);
    if (shape.length === 0) return [ctx.grad];
    const d = wrapDim(ctx.args['dim'] as number, shape.length);
    const keepdim = ctx.args['keepdim'] as boolean;
    const idx = keepdim ? ctx.output(1) : ctx.output(1).unsqueeze(d);
    const g = keepdim ? ctx.grad : ctx.grad.unsqueeze(d);
    const positions = arange(shape[d]!, { device: g.device }).reshape(shape.map((s, i) => (i === d ? s : 1)));
    return [where(positions.eq(idx), g, 0)];
  },
});

/** Sum from the end: out[i] = sum over j >= i of g[j] along `dim`. */
function reverseCumsum(g: Tensor, dim: number): Tensor {
  return g.sum(dim, { keepdim: true }).sub(g.cumsum(dim)).add(g);
}

/**
 * d(cumprod)/dx along `dim`: grad_i = sum over j >= i of g_j * prod(x_k, k <= j, k != i). Before the
 * first zero of a slice that is revcumsum(g * y)_i / x_i; at the first zero z it is
 * prod(x before z) * sum over j >= z of g_j * prod(x_k, z < k <= j); after it, 0.
 */
function cumprodGrad(x: Tensor, y: Tensor, g: Tensor, dim: number): Tensor {
  const isZero = x.eq(0);
  const zerosBefore = isZero.cumsum(dim).sub(isZero.long());
  const beforeFirst = zerosBefore.eq(0);
  const safeX = where(isZero, 1, x);
  const plain = reverseCumsum(g.mul(y), dim).div(safeX);
  const prefix = where(beforeFirst.logicalAnd(isZero.logicalNot()), x, 1).prod(dim, { keepdim: true });
  const tail = where(beforeFirst, 1, x).cumprod(dim);
  const fromFirstZero = zerosBefore.gt(0).logicalOr(isZero);
  const atZero = prefix.mul(where(fromFirstZero, g.mul(tail), 0).sum(dim, { keepdim: true }));
  return where(beforeFirst, where(isZero, atZero, plain), 0);
}

export const reduceDerivatives: Record<string, Derivative> = {
  sum: { node: withDim('Sum'), vjp: (ctx) => [back(ctx, ctx.grad).expand(...ctx.inputShape(0))] },
  mean: { node: withDim('Mean'), vjp: (ctx) => [back(ctx, ctx.grad).expand(...ctx.inputShape(0)).div(count(ctx))] },
  prod: {
    node: withDim('Prod'),
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      const { dims } = dimsOf(ctx);
      const g = back(ctx, ctx.grad);
      const y = back(ctx, ctx.output(0));
      // with no zero in a slice, d(prod)/dx = prod / x; with one zero, only that entry gets the
      // product of the others; with more, everything is 0
      const isZero = x.eq(0);
      const zeros = isZero.sum(dims, { keepdim: true });
      const safeX = where(isZero, 1, x);
      const others = safeX.prod(dims.length === 1 ? dims[0]! : null, { keepdim: dims.length === 1 });
      const oneZero = where(zeros.eq(1).logicalAnd(isZero), dims.length === 1 ? others : others.reshape([]), 0);
      return [g.mul(where(zeros.eq(0), y.div(safeX), oneZero))];
    },
  },
  amax: extremeAll('AmaxBackward0'),
  amin: extremeAll('AminBackward0'),
  maxAll: extremeAll('MaxBackward1'),
  minAll: extremeAll('MinBackward1'),
  maxDim: extremeDim('MaxBackward0'),
  minDim: extremeDim('MinBackward0'),
  var: {
    node: 'VarBackward0',
    save: { inputs: [0] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      const { dims } = dimsOf(ctx);
      const n = Math.max(0, count(ctx) - (ctx.args['correction'] as number));
      return [back(ctx, ctx.grad).mul(x.sub(x.mean(dims, { keepdim: true }))).mul(2 / n)];
    },
  },
  std: {
    node: 'StdBackward0',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      const { dims } = dimsOf(ctx);
      const n = Math.max(0, count(ctx) - (ctx.args['correction'] as number));
      const y = back(ctx, ctx.output(0));
      const gv = where(y.eq(0), 0, back(ctx, ctx.grad).div(y.mul(2)));
      return [gv.mul(x.sub(x.mean(dims, { keepdim: true }))).mul(2 / n)];
    },
  },
  logsumexp: {
    node: 'LogsumexpBackward0',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => [back(ctx, ctx.grad).mul(ctx.input(0).sub(back(ctx, ctx.output(0))).exp())],
  },
  norm: {
    node: 'NormBackward1',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      const p = (ctx.args['p'] as number | 'fro' | undefined) ?? 'fro';
      const g = back(ctx, ctx.grad);
      const y = back(ctx, ctx.output(0));
      if (p === 'fro' || p === 2) return [where(y.eq(0), 0, x.mul(g).div(y))];
      if (p === 1) return [g.mul(x.sign())];
      if (p === 0) return [zerosLike(x)];
      if (p === Infinity || p === -Infinity) {
        const mask = x.abs().eq(y);
        return [where(mask, x.sign().mul(g).div(mask.sum(dimsOf(ctx).dims, { keepdim: true })), 0)];
      }
      const grad = x.mul(x.abs().pow(p - 2)).mul(g).div(y.pow(p - 1));
      return [where(y.eq(0), 0, grad)];
    },
  },
  cumsum: {
    node: 'CumsumBackward0',
    vjp: (ctx) => {
      if (ctx.inputShape(0).length === 0) return [ctx.grad];
      return [reverseCumsum(ctx.grad, wrapDim(ctx.args['dim'] as number, ctx.inputShape(0).length))];
    },
  },
  cumprod: {
    node: 'CumprodBackward0',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      if (ctx.inputShape(0).length === 0) return [ctx.grad];
      return [cumprodGrad(ctx.input(0), ctx.output(0), ctx.grad, wrapDim(ctx.args['dim'] as number, ctx.inputShape(0).length))];
    },
  },
  softmax: {
    node: 'SoftmaxBackward0',
    save: { outputs: [0] },
    vjp: (ctx) => {
      const y = ctx.output(0);
      const d = ctx.args['dim'] as number;
      const g = ctx.grad.to(y.dtype);
      return [y.mul(g.sub(g.mul(y).sum(d, { keepdim: true })))];
    },
  },
  logSoftmax: {
    node: 'LogSoftmaxBackward0',
    save: { outputs: [0] },
    vjp: (ctx) => {
      const y = ctx.output(0);
      const d = ctx.args['dim'] as number;
      const g = ctx.grad.to(y.dtype);
      return [g.sub(y.exp().mul(g.sum(d, { keepdim: true })))];
    },
  },
};
