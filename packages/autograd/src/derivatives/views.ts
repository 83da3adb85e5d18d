// Derivatives of view ops: reshape the gradient back, or write it into zeros where the view reads.

import type { Index, OpCall, Tensor } from '@torchlet/tensor';
import { asStrided, asStridedScatter, NotImplementedError, zeros } from '@torchlet/tensor';
import { sumToShape } from '../shapes.js';
import { atAdvancedGrad, isAdvanced } from './advancedIndex.js';
import { embedView, wrapDim } from './helpers.js';
import type { Derivative } from './types.js';

const reshapeBack: Derivative['vjp'] = (ctx) => [ctx.grad.reshape([...ctx.inputShape(0)])];

/** reshape/flatten: an alias when the layout allowed a view, else a copy (PyTorch's two node names). */
const aliasOrCopy = (call: OpCall, outputs: readonly Tensor[]): string =>
  outputs[0]!.storage === call.inputs[0]!.storage ? 'ReshapeAliasBackward0' : 'UnsafeViewBackward0';

/** The node PyTorch names for `x[...]`: that of the last basic index it applies. */
function atNodeName(call: OpCall): string {
  const indices = call.args['indices'] as readonly Index[];
  if (isAdvanced(indices)) return 'IndexBackward0';
  for (let i = indices.length - 1; i >= 0; i--) {
    const idx = indices[i];
    if (idx === '...' || idx === ':') continue;
    if (idx === null) return 'UnsqueezeBackward0';
    if (typeof idx === 'number') return 'SelectBackward0';
    return 'SliceBackward0';
  }
  return 'AliasBackward0';
}

export const viewDerivatives: Record<string, Derivative> = {
  view: { node: 'ViewBackward0', vjp: reshapeBack },
  reshape: { node: aliasOrCopy, vjp: reshapeBack },
  flatten: { node: aliasOrCopy, vjp: reshapeBack },
  squeeze: {
    node: (call) => (call.args['dim'] === undefined ? 'SqueezeBackward0' : 'SqueezeBackward1'),
    vjp: reshapeBack,
  },
  unsqueeze: { node: 'UnsqueezeBackward0', vjp: reshapeBack },
  permute: {
    node: 'PermuteBackward0',
    vjp: (ctx) => {
      const rank = ctx.inputShape(0).length;
      const dims = (ctx.args['dims'] as readonly number[]).map((d) => wrapDim(d, rank));
      const inverse = new Array<number>(rank);
      dims.forEach((d, i) => (inverse[d] = i));
      return [ctx.grad.permute(inverse)];
    },
  },
  transpose: {
    node: 'TransposeBackward0',
    vjp: (ctx) => [ctx.inputShape(0).length === 0 ? ctx.grad : ctx.grad.transpose(ctx.args['dim0'] as number, ctx.args['dim1'] as number)],
  },
  t: { node: 'TBackward0', vjp: (ctx) => [ctx.grad.t()] },
  expand: { node: 'ExpandBackward0', vjp: (ctx) => [sumToShape(ctx.grad, ctx.inputShape(0))] },
  narrow: {
    node: 'SliceBackward0',
    vjp: (ctx) => {
      const { dim, start, length } = ctx.args as { dim: number; start: number; length: number };
      return [embedView(ctx.grad, ctx.inputShape(0), (z) => z.narrow(dim, start, length))];
    },
  },
  select: {
    node: 'SelectBackward0',
    vjp: (ctx) => [embedView(ctx.grad, ctx.inputShape(0), (z) => z.select(ctx.args['dim'] as number, ctx.args['index'] as number))],
  },
  diagonal: {
    node: 'DiagonalBackward0',
    vjp: (ctx) => {
      const { offset, dim1, dim2 } = ctx.args as { offset: number; dim1: number; dim2: number };
      return [embedView(ctx.grad, ctx.inputShape(0), (z) => z.diagonal(offset, dim1, dim2))];
    },
  },
  at: {
    node: atNodeName,
    vjp: (ctx) => {
      const indices = ctx.args['indices'] as Index[];
      // tensor indices copy: their gradient adds up (duplicates too); basic ones are views
      if (isAdvanced(indices)) return [atAdvancedGrad(ctx, indices)];
      return [embedView(ctx.grad, ctx.inputShape(0), (z) => z.at(...indices))];
    },
  },
  asStrided: {
    node: 'AsStridedBackward0',
    save: { inputs: [0] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      if (!x.isContiguous()) throw new NotImplementedError('the gradient of asStrided on a non-contiguous input');
      const { size, stride, storageOffset } = ctx.args as { size: number[]; stride: number[]; storageOffset: number };
      const z = zeros([...x.shape], { dtype: ctx.grad.dtype, device: ctx.grad.device });
      return [asStridedScatter(z, ctx.grad, size, stride, storageOffset - x.offset)];
    },
  },
  asStridedScatter: {
    node: 'AsStridedScatterBackward0',
    vjp: (ctx) => {
      const { size, stride, storageOffset } = ctx.args as { size: number[]; stride: number[]; storageOffset: number };
      const g = ctx.grad.contiguous();
      const gInput = ctx.needs(0) ? asStridedScatter(g, zeros([...size], { dtype: g.dtype, device: g.device }), size, stride, storageOffset) : null;
      const gSrc = ctx.needs(1) ? asStrided(g, size, stride, g.offset + storageOffset) : null;
      return [gInput, gSrc];
    },
  },
};
