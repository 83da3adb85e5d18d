// Derivatives of flip/roll/repeat/repeatInterleave and of the triangular and diagonal ops.

import { arange } from '@torchlet/tensor';
import { embedView, zerosFor } from './helpers.js';
import type { Derivative } from './types.js';

export const shapeOpDerivatives: Record<string, Derivative> = {
  flip: { node: 'FlipBackward0', vjp: (ctx) => [ctx.grad.flip(ctx.args['dims'] as number[])] },
  roll: {
    node: 'RollBackward0',
    vjp: (ctx) => {
      const { shifts, dims } = ctx.args as { shifts: number[]; dims: number[] };
      return [ctx.grad.roll(shifts.map((s) => -s), dims.length === 0 ? null : dims)];
    },
  },
  repeat: {
    node: 'RepeatBackward0',
    vjp: (ctx) => {
      // the output is [r0 * n0, r1 * n1, …] (x padded with leading 1s): sum over the r's
      const sizes = ctx.args['sizes'] as number[];
      const shape = ctx.inputShape(0);
      const padded = [...new Array<number>(sizes.length - shape.length).fill(1), ...shape];
      const pairs = sizes.flatMap((r, i) => [r, padded[i]!]);
      const repeatDims = sizes.map((_, i) => 2 * i);
      const g = repeatDims.length === 0 ? ctx.grad : ctx.grad.reshape(pairs).sum(repeatDims);
      return [g.reshape([...shape])];
    },
  },
  repeatInterleave: {
    // PyTorch runs it as index_select with the repeated positions
    node: 'IndexSelectBackward0',
    save: { inputs: [1] },
    vjp: (ctx) => {
      const shape = ctx.inputShape(0);
      const dim = ctx.args['dim'] as number | null | undefined;
      const flat = dim === undefined || dim === null;
      const d = flat ? 0 : dim < 0 ? dim + shape.length : dim;
      const n = flat ? shape.reduce((a, b) => a * b, 1) : shape.length === 0 ? 1 : shape[d]!;
      const repeats = ctx.has(1) ? ctx.input(1) : (ctx.args['repeats'] as number);
      const index = arange(n, { device: ctx.grad.device }).repeatInterleave(repeats);
      const srcShape = flat ? [n] : shape.length === 0 ? [1] : [...shape];
      const g = ctx.grad;
      const z = zerosFor(ctx, 0).reshape(srcShape);
      return [z.indexAdd(d, index, g).reshape([...shape])];
    },
  },
  tril: { node: 'TrilBackward0', vjp: (ctx) => [ctx.grad.tril(ctx.args['diagonal'] as number)] },
  triu: { node: 'TriuBackward0', vjp: (ctx) => [ctx.grad.triu(ctx.args['diagonal'] as number)] },
  diag: {
    node: 'DiagBackward0',
    vjp: (ctx) => {
      const k = ctx.args['diagonal'] as number;
      const shape = ctx.inputShape(0);
      // a vector became a matrix's diagonal: read it back; a matrix's diagonal: write it back
      if (shape.length === 1) return [ctx.grad.diagonal(k)];
      return [embedView(ctx.grad, shape, (z) => z.diagonal(k))];
    },
  },
  diagEmbed: {
    node: 'DiagEmbedBackward0',
    vjp: (ctx) => {
      const { offset, dim1, dim2 } = ctx.args as { offset: number; dim1: number; dim2: number };
      return [ctx.grad.diagonal(offset, dim1, dim2)];
    },
  },
  trace: {
    node: 'TraceBackward0',
    vjp: (ctx) => {
      const shape = ctx.inputShape(0);
      const n = Math.min(shape[0]!, shape[1]!);
      return [embedView(ctx.grad.expand(n), shape, (z) => z.diagonal())];
    },
  },
};
