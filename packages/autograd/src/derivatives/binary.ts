// Derivatives of the binary elementwise ops, where, clamp, lerp and nan_to_num.
// Gradients may keep the broadcast shape: the engine sums them back to each input's shape.

import type { Tensor } from '@torchlet/tensor';
import { isTensor, where, zerosLike } from '@torchlet/tensor';
import { operandOf } from './helpers.js';
import type { Derivative } from './types.js';

/** Saves whichever of the two operands are tensors. */
const BOTH = { inputs: [0, 1] } as const;

const alphaOf = (args: Readonly<Record<string, unknown>>): number => (args['alpha'] as number | undefined) ?? 1;
/** `Name + Backward0`, or `Backward1` when the second operand is a tensor (PyTorch's Tensor overloads). */
const byOther = (name: string, scalarNr = 0, tensorNr = 1): Derivative['node'] => (call) =>
  `${name}Backward${call.inputs[1] !== undefined ? tensorNr : scalarNr}`;

function powSelfGrad(g: Tensor, a: Tensor, b: Tensor | number): Tensor {
  if (typeof b === 'number') return b === 0 ? zerosLike(g) : g.mul(a.pow(b - 1).mul(b));
  return where(b.eq(0), 0, g.mul(a.pow(b.sub(1)).mul(b)));
}

function powExponentGrad(g: Tensor, a: Tensor | number, b: Tensor, y: Tensor): Tensor {
  const logA = isTensor(a) ? a.log() : Math.log(a);
  const raw = g.mul(y.mul(logA));
  // 0^b has derivative 0 in b for b >= 0 (log 0 would give nan)
  const zeroBase = isTensor(a) ? a.eq(0).logicalAnd(b.ge(0)) : a === 0 ? b.ge(0) : null;
  return zeroBase ? where(zeroBase, 0, raw) : raw;
}

const extremum = (node: string, pick: 'gt' | 'lt'): Derivative => ({
  node,
  save: BOTH,
  vjp: (ctx) => {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const g = ctx.grad;
    const half = g.div(2);
    const tie = a.eq(b);
    return [where(tie, half, where(a[pick](b), g, 0)), where(tie, half, where(b[pick](a), g, 0))];
  },
});

const nanIgnoringExtremum = (node: string, keep: 'ge' | 'le'): Derivative => ({
  node,
  save: BOTH,
  vjp: (ctx) => {
    const a = ctx.input(0);
    const b = ctx.input(1);
    const toA = a[keep](b).logicalOr(b.isnan());
    return [where(toA, ctx.grad, 0), where(toA, 0, ctx.grad)];
  },
});

export const binaryDerivatives: Record<string, Derivative> = {
  add: { node: 'AddBackward0', vjp: (ctx) => [ctx.grad, alphaOf(ctx.args) === 1 ? ctx.grad : ctx.grad.mul(alphaOf(ctx.args))] },
  sub: {
    node: (call) => (call.inputs[0] === undefined ? 'RsubBackward1' : 'SubBackward0'),
    vjp: (ctx) => [ctx.grad, ctx.grad.mul(-alphaOf(ctx.args))],
  },
  mul: {
    node: 'MulBackward0',
    save: BOTH,
    vjp: (ctx) => [ctx.needs(0) ? ctx.grad.mul(operandOf(ctx, 1)) : null, ctx.needs(1) ? ctx.grad.mul(operandOf(ctx, 0)) : null],
  },
  div: {
    node: 'DivBackward0',
    save: BOTH,
    vjp: (ctx) => {
      const a = operandOf(ctx, 0);
      const b = operandOf(ctx, 1);
      const gb = ctx.needs(1) ? ctx.grad.mul(a).div((b as Tensor).mul(b)).neg() : null;
      return [ctx.needs(0) ? ctx.grad.div(b) : null, gb];
    },
  },
  floorDiv: { node: 'DivBackward2', vjp: (ctx) => [zerosLike(ctx.grad), zerosLike(ctx.grad)] },
  truncDiv: { node: 'DivBackward2', vjp: (ctx) => [zerosLike(ctx.grad), zerosLike(ctx.grad)] },
  pow: {
    node: byOther('Pow'),
    save: { inputs: [0, 1], outputs: [0] },
    vjp: (ctx) => {
      const a = operandOf(ctx, 0);
      const b = operandOf(ctx, 1);
      return [
        ctx.needs(0) ? powSelfGrad(ctx.grad, a as Tensor, b) : null,
        ctx.needs(1) ? powExponentGrad(ctx.grad, a, b as Tensor, ctx.output(0)) : null,
      ];
    },
  },
  remainder: {
    node: byOther('Remainder'),
    save: BOTH,
    vjp: (ctx) => {
      const a = operandOf(ctx, 0);
      const b = operandOf(ctx, 1);
      return [ctx.grad, ctx.needs(1) ? ctx.grad.mul((a as Tensor).div(b, { roundingMode: 'floor' })).neg() : null];
    },
  },
  fmod: {
    node: byOther('Fmod'),
    save: BOTH,
    vjp: (ctx) => {
      const a = operandOf(ctx, 0);
      const b = operandOf(ctx, 1);
      return [ctx.grad, ctx.needs(1) ? ctx.grad.mul((a as Tensor).div(b, { roundingMode: 'trunc' })).neg() : null];
    },
  },
  maximum: extremum('MaximumBackward0', 'gt'),
  minimum: extremum('MinimumBackward0', 'lt'),
  fmax: nanIgnoringExtremum('FmaxBackward0', 'ge'),
  fmin: nanIgnoringExtremum('FminBackward0', 'le'),
  atan2: {
    node: 'Atan2Backward0',
    save: BOTH,
    vjp: (ctx) => {
      const a = ctx.input(0);
      const b = ctx.input(1);
      const d = a.mul(a).add(b.mul(b));
      return [ctx.grad.mul(b).div(d), ctx.grad.mul(a).div(d).neg()];
    },
  },
  hypot: {
    node: 'HypotBackward0',
    save: { inputs: [0, 1], outputs: [0] },
    vjp: (ctx) => {
      const y = ctx.output(0);
      return [ctx.grad.mul(ctx.input(0)).div(y), ctx.grad.mul(ctx.input(1)).div(y)];
    },
  },
  copysign: {
    node: 'CopysignBackward0',
    save: { inputs: [0], outputs: [0] },
    vjp: (ctx) => {
      const a = ctx.input(0);
      const ratio = where(a.eq(0), 0, ctx.output(0).div(a));
      return [ctx.grad.mul(ratio), ctx.args['b'] === undefined ? zerosLike(ctx.grad) : null];
    },
  },
  xlogy: {
    node: 'XlogyBackward0',
    save: BOTH,
    vjp: (ctx) => {
      const a = operandOf(ctx, 0);
      const b = operandOf(ctx, 1);
      const ga = ctx.needs(0) ? masked(ctx.grad.xlogy(b), a, b) : null;
      const gb = ctx.needs(1) ? ctx.grad.mul(a).div(b) : null;
      return [ga, gb];
    },
  },
  where: {
    node: 'WhereBackward0',
    save: { inputs: [0] },
    vjp: (ctx) => {
      const c = ctx.input(0);
      return [null, ctx.needs(1) ? where(c, ctx.grad, 0) : null, ctx.needs(2) ? where(c, 0, ctx.grad) : null];
    },
  },
  clamp: {
    node: (call) => (call.inputs[1] !== undefined || call.inputs[2] !== undefined ? 'ClampBackward0' : 'ClampBackward1'),
    save: { inputs: [0, 1, 2] },
    vjp: (ctx) => {
      const x = ctx.input(0);
      const bound = (i: number, key: string): Tensor | number | undefined =>
        typeof ctx.args[key] === 'number' ? (ctx.args[key] as number) : ctx.has(i) ? ctx.input(i) : undefined;
      const lo = bound(1, 'min');
      const hi = bound(2, 'max');
      const aboveLo = lo === undefined ? null : x.ge(lo);
      const belowHi = hi === undefined ? null : x.le(hi);
      const inside = aboveLo && belowHi ? aboveLo.logicalAnd(belowHi) : (aboveLo ?? belowHi)!;
      const gLo = ctx.needs(1) && isTensor(lo) ? where(x.lt(lo), ctx.grad, 0) : null;
      const gHi = ctx.needs(2) && isTensor(hi) ? where(x.gt(hi), ctx.grad, 0) : null;
      return [where(inside, ctx.grad, 0), gLo, gHi];
    },
  },
  lerp: {
    node: (call) => (call.inputs[2] !== undefined ? 'LerpBackward1' : 'LerpBackward0'),
    save: { inputs: [0, 1, 2] },
    vjp: (ctx) => {
      const w = ctx.args['weight'] === undefined ? ctx.input(2) : (ctx.args['weight'] as number);
      const g = ctx.grad;
      const gw = ctx.needs(2) ? g.mul(ctx.input(1).sub(ctx.input(0))) : null;
      return [g.mul(isTensor(w) ? w.neg().add(1) : 1 - w), g.mul(w), gw];
    },
  },
  nanToNum: { node: 'NanToNumBackward0', save: { inputs: [0] }, vjp: (ctx) => [where(ctx.input(0).isfinite(), ctx.grad, 0)] },
};

/** xlogy's gradient in x is 0 where x == 0 and y <= 0 (PyTorch's convention). */
function masked(g: Tensor, a: Tensor | number, b: Tensor | number): Tensor {
  if (!isTensor(a)) {
    if (a !== 0) return g;
    return isTensor(b) ? where(b.le(0), 0, g) : b <= 0 ? zerosLike(g) : g;
  }
  if (!isTensor(b)) return b <= 0 ? where(a.eq(0), 0, g) : g;
  return where(a.eq(0).logicalAnd(b.le(0)), 0, g);
}
