// Derivatives of the gather/scatter family, index_* along a dim, indexPut and take.

import type { OpCall, Tensor } from '@torchlet/tensor';
import { indexPut, NotImplementedError, onesLike, RuntimeError, where, zeros, zerosLike } from '@torchlet/tensor';
import { sumToShape } from '../shapes.js';
import { zerosFor } from './helpers.js';
import type { Derivative, VjpContext } from './types.js';

/** Inputs 2, 3, … of indexPut are its index tensors (as many as the input has dims at most). */
const INDEX_INPUTS = Array.from({ length: 64 }, (_, i) => i + 2);

function indicesOf(ctx: VjpContext): Tensor[] {
  const n = ctx.args['nIndices'] as number;
  return Array.from({ length: n }, (_, i) => ctx.input(i + 2));
}

/** index_put(x, indices, values, accumulate): x's gradient is g (accumulate) or g zeroed where written; values get g read there. */
const indexPutDerivative: Derivative = {
  node: 'IndexPutBackward0',
  save: { inputs: INDEX_INPUTS },
  vjp: (ctx) => {
    const indices = indicesOf(ctx);
    const g = ctx.grad;
    const gSelf = ctx.args['accumulate'] ? g : indexPut(g, indices, zeros([], { dtype: g.dtype, device: g.device }));
    const gValues = ctx.needs(1) ? sumToShape(g.at(...indices), ctx.inputShape(1)) : null;
    return [gSelf, gValues];
  },
};

const dimOf = (ctx: VjpContext): number => ctx.args['dim'] as number;

/** scatter with a tensor src (ScatterBackward0) or a scalar value (ScatterBackward1). */
const scatterDerivative: Derivative = {
  node: (call: OpCall) => (call.args['reduce'] !== undefined ? 'NotImplemented' : call.inputs[2] === undefined ? 'ScatterBackward1' : 'ScatterBackward0'),
  save: { inputs: [1] },
  vjp: (ctx) => {
    // PyTorch has no derivative for scatter's reduce= forms either, and says so in these words
    if (ctx.args['reduce'] !== undefined) throw new RuntimeError('derivative for aten::scatter is not implemented');
    const index = ctx.input(1);
    const g = ctx.grad;
    return [g.scatter(dimOf(ctx), index, 0), null, ctx.has(2) && ctx.needs(2) ? g.gather(dimOf(ctx), index) : null];
  },
};

const scatterAddDerivative: Derivative = {
  node: 'ScatterAddBackward0',
  save: { inputs: [1] },
  vjp: (ctx) => [ctx.grad, null, ctx.needs(2) ? ctx.grad.gather(dimOf(ctx), ctx.input(1)) : null],
};

/**
 * scatter_reduce 'prod': each factor's gradient is g times the product of the others; a zero
 * factor is handled by multiplying the others out again rather than dividing by it. Two or more
 * zeros of src in one target give src a gradient of 0 there (as the product's derivative is).
 */
function prodGrads(x: Tensor, index: Tensor, src: Tensor, g: Tensor, y: Tensor, dim: number, includeSelf: boolean): [Tensor, Tensor] {
  const maskedSelf = where(x.eq(0), 1, x);
  const gSelf = g.mul(maskedSelf.scatterReduce(dim, index, src, 'prod', { includeSelf })).div(maskedSelf);
  const srcZero = src.eq(0);
  const zerosPerTarget = zerosLike(x).scatterAdd(dim, index, srcZero.to({ dtype: x.dtype })).gather(dim, index);
  const singleZero = srcZero.logicalAnd(zerosPerTarget.eq(1));
  // the product of the rest, for the one zero of its target
  const others = x.scatterReduce(dim, index, where(singleZero, 1, src), 'prod', { includeSelf });
  const gSrc = where(singleZero, g.mul(others).gather(dim, index), g.mul(y).gather(dim, index).div(where(srcZero, 1, src)));
  return [gSelf, gSrc];
}

/** scatter_reduce: PyTorch's formulas for sum, mean, prod, amax and amin. */
const scatterReduceDerivative: Derivative = {
  node: 'ScatterReduceBackward0',
  save: { inputs: [0, 1, 2], outputs: [0] },
  vjp: (ctx) => {
    const { dim, reduce, includeSelf } = ctx.args as { dim: number; reduce: string; includeSelf: boolean };
    const [x, index, src, g] = [ctx.input(0), ctx.input(1), ctx.input(2), ctx.grad];
    let gSelf: Tensor;
    let gSrc: Tensor;
    if (reduce === 'sum') {
      gSelf = g;
      gSrc = g.gather(dim, index);
    } else if (reduce === 'mean') {
      // N: how many values were averaged into each target
      const start = includeSelf ? onesLike(g) : zerosLike(g);
      const n = start.scatterAdd(dim, index, onesLike(src));
      const safeN = where(n.eq(0), 1, n);
      gSelf = g.div(safeN);
      gSrc = g.gather(dim, index).div(safeN.gather(dim, index));
    } else if (reduce === 'amax' || reduce === 'amin') {
      // the gradient is shared evenly among the values equal to the result
      const y = ctx.output(0);
      const value = y.gather(dim, index);
      const selfIsResult = x.eq(y).to({ dtype: g.dtype });
      const srcIsResult = src.eq(value).to({ dtype: g.dtype });
      const count = (includeSelf ? selfIsResult : zerosLike(selfIsResult)).scatterAdd(dim, index, srcIsResult);
      const shared = g.div(where(count.eq(0), 1, count));
      gSelf = selfIsResult.mul(includeSelf ? shared : g);
      gSrc = srcIsResult.mul(shared.gather(dim, index));
    } else if (reduce === 'prod') {
      [gSelf, gSrc] = prodGrads(x, index, src, g, ctx.output(0), dim, includeSelf);
    } else {
      throw new NotImplementedError(`the derivative of scatterReduce with reduce='${reduce}'`);
    }
    // targets that were written lose self's contribution when self is not part of the reduction
    if (!includeSelf) gSelf = gSelf.scatter(dim, index, 0);
    return [ctx.needs(0) ? gSelf : null, null, ctx.needs(2) ? gSrc : null];
  },
};

const indexFillDerivative: Derivative = {
  node: (call) => (call.inputs[2] === undefined ? 'IndexFillBackward0' : 'IndexFillBackward1'),
  save: { inputs: [1] },
  vjp: (ctx) => {
    const index = ctx.input(1);
    const g = ctx.grad;
    const gValue = ctx.has(2) && ctx.needs(2) ? g.indexSelect(dimOf(ctx), index).sum() : null;
    return [g.indexFill(dimOf(ctx), index, 0), null, gValue];
  },
};

const indexAddDerivative: Derivative = {
  node: 'IndexAddBackward0',
  save: { inputs: [1] },
  vjp: (ctx) => {
    const alpha = (ctx.args['alpha'] as number | undefined) ?? 1;
    const g = ctx.grad;
    if (!ctx.needs(2)) return [g, null, null];
    const read = g.ndim === 0 ? g : g.indexSelect(dimOf(ctx), ctx.input(1));
    const gSrc = (alpha === 1 ? read : read.mul(alpha)).reshape([...ctx.inputShape(2)]);
    return [g, null, gSrc];
  },
};

const indexCopyDerivative: Derivative = {
  node: 'IndexCopyBackward0',
  save: { inputs: [1] },
  vjp: (ctx) => {
    const index = ctx.input(1);
    const g = ctx.grad;
    const gSrc = ctx.needs(2) ? (g.ndim === 0 ? g : g.indexSelect(dimOf(ctx), index)).reshape([...ctx.inputShape(2)]) : null;
    return [g.ndim === 0 ? zerosLike(g) : g.indexFill(dimOf(ctx), index, 0), null, gSrc];
  },
};

export const indexOpDerivatives: Record<string, Derivative> = {
  indexPut: indexPutDerivative,
  indexPut_: indexPutDerivative,
  gather: {
    node: 'GatherBackward0',
    save: { inputs: [1] },
    vjp: (ctx) => [zerosFor(ctx, 0).scatterAdd(dimOf(ctx), ctx.input(1), ctx.grad)],
  },
  scatter: scatterDerivative,
  scatter_: scatterDerivative,
  scatterAdd: scatterAddDerivative,
  scatterAdd_: scatterAddDerivative,
  scatterReduce: scatterReduceDerivative,
  scatterReduce_: scatterReduceDerivative,
  indexSelect: {
    node: 'IndexSelectBackward0',
    save: { inputs: [1] },
    vjp: (ctx) => {
      const g = ctx.grad;
      if (ctx.inputShape(0).length === 0) return [g.sum().reshape([])];
      return [zerosFor(ctx, 0).indexAdd(dimOf(ctx), ctx.input(1), g)];
    },
  },
  indexAdd: indexAddDerivative,
  indexAdd_: indexAddDerivative,
  indexCopy: indexCopyDerivative,
  indexCopy_: indexCopyDerivative,
  indexFill: indexFillDerivative,
  indexFill_: indexFillDerivative,
  take: {
    node: 'TakeBackward0',
    save: { inputs: [1] },
    vjp: (ctx) => {
      // negative indices count from the end, as take reads them; duplicates add up
      const shape = ctx.inputShape(0);
      const n = shape.reduce((a, b) => a * b, 1);
      const z = zeros([n], { dtype: ctx.grad.dtype, device: ctx.grad.device });
      return [indexPut(z, [ctx.input(1)], ctx.grad, { accumulate: true }).reshape([...shape])];
    },
  },
};
