// Derivatives of the unary elementwise ops.

import type { Tensor } from '@torchlet/tensor';
import { where, zerosLike } from '@torchlet/tensor';
import type { Derivative, VjpContext } from './types.js';

const LN2 = Math.LN2;
const LN10 = Math.LN10;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** A derivative of f(x) given as g * f'(x) from the saved input. */
const ofInput = (node: string, df: (x: Tensor, g: Tensor, ctx: VjpContext) => Tensor): Derivative => ({
  node,
  save: { inputs: [0] },
  vjp: (ctx) => [df(ctx.input(0), ctx.grad, ctx)],
});

/** A derivative of f(x) given from the saved result y = f(x). */
const ofOutput = (node: string, df: (y: Tensor, g: Tensor) => Tensor): Derivative => ({
  node,
  save: { outputs: [0] },
  vjp: (ctx) => [df(ctx.output(0), ctx.grad)],
});

/** Piecewise-constant functions: gradient zero everywhere (as PyTorch defines it). */
const zeroGrad = (node: string | ((args: Readonly<Record<string, unknown>>) => string)): Derivative => ({
  node: typeof node === 'string' ? node : (call) => node(call.args),
  vjp: (ctx) => [zerosLike(ctx.grad)],
});

/** Φ'(x)-style helper for gelu: the standard normal density. */
function gaussianPdf(x: Tensor): Tensor {
  return x.mul(x).mul(-0.5).exp().mul(1 / Math.sqrt(2 * Math.PI));
}

const GELU_TANH_K = Math.sqrt(2 / Math.PI);

export const unaryDerivatives: Record<string, Derivative> = {
  neg: { node: 'NegBackward0', vjp: (ctx) => [ctx.grad.neg()] },
  abs: ofInput('AbsBackward0', (x, g) => g.mul(x.sign())),
  sign: zeroGrad('SignBackward0'),
  sgn: zeroGrad('SgnBackward0'),
  reciprocal: ofOutput('ReciprocalBackward0', (y, g) => g.mul(y.mul(y)).neg()),
  square: ofInput('PowBackward0', (x, g) => g.mul(x.mul(2))),
  exp: ofOutput('ExpBackward0', (y, g) => g.mul(y)),
  exp2: ofOutput('Exp2Backward0', (y, g) => g.mul(y.mul(LN2))),
  expm1: ofOutput('Expm1Backward0', (y, g) => g.mul(y.add(1))),
  log: ofInput('LogBackward0', (x, g) => g.div(x)),
  log2: ofInput('Log2Backward0', (x, g) => g.div(x.mul(LN2))),
  log10: ofInput('Log10Backward0', (x, g) => g.div(x.mul(LN10))),
  log1p: ofInput('Log1PBackward0', (x, g) => g.div(x.add(1))),
  sqrt: ofOutput('SqrtBackward0', (y, g) => g.div(y.mul(2))),
  rsqrt: ofOutput('RsqrtBackward0', (y, g) => g.mul(y.pow(3)).mul(-0.5)),
  sin: ofInput('SinBackward0', (x, g) => g.mul(x.cos())),
  cos: ofInput('CosBackward0', (x, g) => g.mul(x.sin().neg())),
  tan: ofOutput('TanBackward0', (y, g) => g.mul(y.mul(y).add(1))),
  asin: ofInput('AsinBackward0', (x, g) => g.mul(x.mul(x).neg().add(1).rsqrt())),
  acos: ofInput('AcosBackward0', (x, g) => g.mul(x.mul(x).neg().add(1).rsqrt()).neg()),
  atan: ofInput('AtanBackward0', (x, g) => g.div(x.mul(x).add(1))),
  sinh: ofInput('SinhBackward0', (x, g) => g.mul(x.cosh())),
  cosh: ofInput('CoshBackward0', (x, g) => g.mul(x.sinh())),
  tanh: ofOutput('TanhBackward0', (y, g) => g.mul(y.mul(y).neg().add(1))),
  asinh: ofInput('AsinhBackward0', (x, g) => g.mul(x.mul(x).add(1).rsqrt())),
  acosh: ofInput('AcoshBackward0', (x, g) => g.mul(x.mul(x).sub(1).rsqrt())),
  atanh: ofInput('AtanhBackward0', (x, g) => g.div(x.mul(x).neg().add(1))),
  sigmoid: ofOutput('SigmoidBackward0', (y, g) => g.mul(y.mul(y.neg().add(1)))),
  relu: ofOutput('ReluBackward0', (y, g) => where(y.gt(0), g, 0)),
  gelu: ofInput('GeluBackward0', (x, g) => {
    const cdf = x.mul(Math.SQRT1_2).erf().add(1).mul(0.5);
    return g.mul(cdf.add(x.mul(gaussianPdf(x))));
  }),
  geluTanh: ofInput('GeluBackward0', (x, g) => {
    const x2 = x.mul(x);
    const inner = x.add(x2.mul(x).mul(0.044715)).mul(GELU_TANH_K);
    const t = inner.tanh();
    const dInner = x2.mul(3 * 0.044715).add(1).mul(GELU_TANH_K);
    const d = t.add(1).mul(0.5).add(x.mul(0.5).mul(t.mul(t).neg().add(1)).mul(dInner));
    return g.mul(d);
  }),
  silu: ofInput('SiluBackward0', (x, g) => {
    const s = x.sigmoid();
    return g.mul(s.mul(x.mul(s.neg().add(1)).add(1)));
  }),
  softplus: ofInput('SoftplusBackward0', (x, g, ctx) => {
    const beta = (ctx.args['beta'] as number | undefined) ?? 1;
    const threshold = (ctx.args['threshold'] as number | undefined) ?? 20;
    const bx = x.mul(beta);
    return where(bx.gt(threshold), g, g.mul(bx.sigmoid()));
  }),
  erf: ofInput('ErfBackward0', (x, g) => g.mul(x.mul(x).neg().exp().mul(TWO_OVER_SQRT_PI))),
  erfc: ofInput('ErfcBackward0', (x, g) => g.mul(x.mul(x).neg().exp().mul(-TWO_OVER_SQRT_PI))),
  erfinv: ofOutput('ErfinvBackward0', (y, g) => g.mul(y.mul(y).exp().mul(Math.sqrt(Math.PI) / 2))),
  floor: zeroGrad('FloorBackward0'),
  ceil: zeroGrad('CeilBackward0'),
  round: zeroGrad((args) => ((args['decimals'] as number | undefined) ? 'RoundBackward1' : 'RoundBackward0')),
  trunc: zeroGrad('TruncBackward0'),
  frac: { node: 'FracBackward0', vjp: (ctx) => [ctx.grad] },
};
