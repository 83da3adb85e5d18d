// The activation functions of torch.nn.functional. Those the tensor package has (relu, sigmoid,
// tanh, gelu, silu, softplus) are called; the rest are composites of tensor ops, written so that
// their gradients equal PyTorch's kernels' (boundary points included).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, onesLike, signature, where } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { applyInplace } from './inplace.js';

type In = { input: Tensor; inplace: boolean };
type InplaceRest = Args<[inplace: boolean], { inplace?: boolean }>;

const RELU = signature<{ '': In }>('relu(Tensor input, bool inplace=False)');
const RELU6 = signature<{ '': In }>('relu6(Tensor input, bool inplace=False)');
const HARDTANH = signature<{ '': In & { minVal: number; maxVal: number } }>('hardtanh(Tensor input, float min_val=-1.0, float max_val=1.0, bool inplace=False)');
const LEAKY_RELU = signature<{ '': In & { negativeSlope: number } }>('leaky_relu(Tensor input, float negative_slope=0.01, bool inplace=False)');
const PRELU = signature<{ '': { input: Tensor; weight: Tensor } }>('prelu(Tensor input, Tensor weight)');
const RRELU = signature<{ '': In & { lower: number; upper: number; training: boolean } }>(
  'rrelu(Tensor input, float lower=0.125, float upper=0.3333333333333333, bool training=False, bool inplace=False)',
);
const ELU = signature<{ '': In & { alpha: number } }>('elu(Tensor input, float alpha=1.0, bool inplace=False)');
const SELU = signature<{ '': In }>('selu(Tensor input, bool inplace=False)');
const CELU = signature<{ '': In & { alpha: number } }>('celu(Tensor input, float alpha=1.0, bool inplace=False)');
const GELU = signature<{ '': { input: Tensor; approximate: string } }>('gelu(Tensor input, *, str approximate="none")');
const SILU = signature<{ '': In }>('silu(Tensor input, bool inplace=False)');
const MISH = signature<{ '': In }>('mish(Tensor input, bool inplace=False)');
const HARDSIGMOID = signature<{ '': In }>('hardsigmoid(Tensor input, bool inplace=False)');
const HARDSWISH = signature<{ '': In }>('hardswish(Tensor input, bool inplace=False)');
const SOFTPLUS = signature<{ '': { input: Tensor; beta: number; threshold: number } }>('softplus(Tensor input, float beta=1, float threshold=20)');
const THRESHOLD = signature<{ '': In & { threshold: number; value: number } }>('threshold(Tensor input, float threshold, float value, bool inplace=False)');
const GLU = signature<{ '': { input: Tensor; dim: number } }>('glu(Tensor input, int dim=-1)');
const SHRINK = signature<{ '': { input: Tensor; lambd: number } }>('hardshrink(Tensor input, float lambd=0.5)');
const SOFTSHRINK = signature<{ '': { input: Tensor; lambd: number } }>('softshrink(Tensor input, float lambd=0.5)');
const UNARY = signature<{ '': { input: Tensor } }>('sigmoid(Tensor input)');

/** `F.relu(input, inplace=False)`: max(x, 0). @example F.relu(torch.tensor([-1, 2]).float()) // tensor([0., 2.]) */
export function relu(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = RELU.parse([input, ...rest]);
  return a.inplace ? a.input.relu_() : a.input.relu();
}

/** min(max(x, lo), hi) whose gradient is zero at and beyond the bounds (PyTorch's hardtanh_backward). */
function hardtanhOf(x: Tensor, lo: number, hi: number): Tensor {
  return where(x.le(lo).logicalOr(x.ge(hi)), x.clamp(lo, hi).detach(), x);
}

/** `F.hardtanh(input, min_val=-1, max_val=1, inplace=False)`. @example F.hardtanh(torch.tensor([-2, 0.5, 2])) // tensor([-1.0000,  0.5000,  1.0000]) */
export function hardtanh(input: Tensor, ...rest: Args<[minVal: number, maxVal: number, inplace: boolean], { minVal?: number; maxVal?: number; inplace?: boolean }>): Tensor {
  const a = HARDTANH.parse([input, ...rest]);
  if (a.minVal > a.maxVal) throw new RuntimeError('min_val cannot be greater than max_val');
  return applyInplace(a.input, a.inplace, (x) => hardtanhOf(x, a.minVal, a.maxVal));
}

/** `F.relu6(input, inplace=False)`: hardtanh(x, 0, 6). @example F.relu6(torch.tensor([-1, 3, 9]).float()) // tensor([0., 3., 6.]) */
export function relu6(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = RELU6.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => hardtanhOf(x, 0, 6));
}

/** `F.leaky_relu(input, negative_slope=0.01, inplace=False)`: x if x > 0 else slope·x. @example F.leakyRelu(torch.tensor([-1, 2]).float(), 0.1) // tensor([-0.1000,  2.0000]) */
export function leakyRelu(input: Tensor, ...rest: Args<[negativeSlope: number, inplace: boolean], { negativeSlope?: number; inplace?: boolean }>): Tensor {
  const a = LEAKY_RELU.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => where(x.gt(0), x, x.mul(a.negativeSlope)));
}

/** `F.prelu(input, weight)`: leaky ReLU with a learned slope per channel (dim 1), or one for all. @example F.prelu(x, torch.tensor([0.25])) */
export function prelu(input: Tensor, weight: Tensor): Tensor {
  const a = PRELU.parse([input, weight]);
  const x = a.input;
  let w = a.weight;
  if (w.numel() !== 1) {
    const channels = x.ndim >= 2 ? x.shape[1]! : x.ndim === 1 ? x.shape[0]! : 1;
    if (w.numel() !== channels) {
      throw new RuntimeError(`Mismatch of parameter numbers and input channel size. Found parameter numbers = ${w.numel()} and channel size = ${channels}.`);
    }
    if (x.ndim >= 2) w = w.reshape(channels, ...new Array<number>(x.ndim - 2).fill(1));
  }
  return where(x.gt(0), x, x.mul(w));
}

/**
 * `F.rrelu(input, lower=1/8, upper=1/3, training=False, inplace=False)`: in training, each
 * non-positive element is scaled by a U(lower, upper) draw (on the CPU the draws of PyTorch's
 * kernel: one float64 uniform per such element, in order); in eval, leaky_relu((lower+upper)/2).
 * @example F.rrelu(x, { training: true })
 */
export function rrelu(input: Tensor, ...rest: Args<[lower: number, upper: number, training: boolean, inplace: boolean], { lower?: number; upper?: number; training?: boolean; inplace?: boolean }>): Tensor {
  const a = RRELU.parse([input, ...rest]);
  if (!a.training) return leakyRelu(a.input, (a.lower + a.upper) / 2, a.inplace);
  const x = a.input;
  const neg = x.le(0);
  let noise: Tensor;
  if (x.storage.backend.readSync) {
    const count = neg.sum().itemSync() as number;
    // the kernel rounds the bounds to the input's dtype before drawing doubles between them
    const round = x.dtype === 'float32' ? Math.fround : (v: number) => v;
    const draws = x.newEmpty([count], { dtype: 'float64' }).uniform_(round(a.lower), round(a.upper)).to(x.dtype);
    noise = onesLike(x).maskedScatter(neg, draws);
  } else {
    noise = where(neg, x.newEmpty([...x.shape]).uniform_(a.lower, a.upper), 1);
  }
  return applyInplace(x, a.inplace, (t) => t.mul(noise));
}

/** x if x > 0 else alpha·(e^(x·inputScale) − 1), all times scale (PyTorch's elu kernel). */
function eluOf(x: Tensor, alpha: number, scale: number, inputScale: number): Tensor {
  const neg = (inputScale === 1 ? x : x.mul(inputScale)).expm1().mul(alpha);
  const out = where(x.gt(0), x, neg);
  return scale === 1 ? out : out.mul(scale);
}

/** `F.elu(input, alpha=1.0, inplace=False)`. @example F.elu(torch.tensor([-1, 1]).float()) // tensor([-0.6321,  1.0000]) */
export function elu(input: Tensor, ...rest: Args<[alpha: number, inplace: boolean], { alpha?: number; inplace?: boolean }>): Tensor {
  const a = ELU.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => eluOf(x, a.alpha, 1, 1));
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** `F.selu(input, inplace=False)`: scale · elu(x, alpha) with the self-normalising constants. @example F.selu(torch.tensor([-1, 1]).float()) // tensor([-1.1113,  1.0507]) */
export function selu(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = SELU.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => eluOf(x, SELU_ALPHA, SELU_SCALE, 1));
}

/** `F.celu(input, alpha=1.0, inplace=False)`: x if x > 0 else alpha·(e^(x/alpha) − 1). @example F.celu(torch.tensor([-1, 1]).float(), 2) */
export function celu(input: Tensor, ...rest: Args<[alpha: number, inplace: boolean], { alpha?: number; inplace?: boolean }>): Tensor {
  const a = CELU.parse([input, ...rest]);
  if (a.alpha === 0) throw new RuntimeError('ZeroDivisionError');
  return applyInplace(a.input, a.inplace, (x) => eluOf(x, a.alpha, 1, 1 / a.alpha));
}

/** `F.gelu(input, approximate='none')`: x·Φ(x), or its tanh approximation. @example F.gelu(x, { approximate: 'tanh' }) */
export function gelu(input: Tensor, opts?: { approximate?: 'none' | 'tanh' }): Tensor {
  const a = GELU.parse(opts === undefined ? [input] : [input, opts]);
  if (a.approximate !== 'none' && a.approximate !== 'tanh') throw new RuntimeError(`approximate argument must be either none or tanh.`);
  return a.input.gelu({ approximate: a.approximate });
}

/** `F.silu(input, inplace=False)`: x·sigmoid(x). @example F.silu(torch.tensor([1]).float()) // tensor([0.7311]) */
export function silu(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = SILU.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => x.silu());
}

/** `F.mish(input, inplace=False)`: x·tanh(softplus(x)). @example F.mish(torch.tensor([1]).float()) // tensor([0.8651]) */
export function mish(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = MISH.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => x.mul(x.softplus().tanh()));
}

/** `F.hardsigmoid(input, inplace=False)`: relu6(x + 3) / 6, gradient 1/6 strictly inside (-3, 3). @example F.hardsigmoid(torch.tensor([0]).float()) // tensor([0.5000]) */
export function hardsigmoid(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = HARDSIGMOID.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => {
    const t = x.add(3).div(6);
    return where(x.le(-3).logicalOr(x.ge(3)), t.clamp(0, 1).detach(), t);
  });
}

/** `F.hardswish(input, inplace=False)`: x·relu6(x + 3) / 6. @example F.hardswish(torch.tensor([1]).float()) // tensor([0.6667]) */
export function hardswish(input: Tensor, ...rest: InplaceRest): Tensor {
  const a = HARDSWISH.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => where(x.lt(-3), x.mul(0), where(x.ge(3), x, x.mul(x.add(3)).div(6))));
}

/** `F.softplus(input, beta=1, threshold=20)`: log(1 + e^(βx))/β, linear above the threshold. @example F.softplus(torch.tensor([0]).float()) // tensor([0.6931]) */
export function softplus(input: Tensor, ...rest: Args<[beta: number, threshold: number], { beta?: number; threshold?: number }>): Tensor {
  const a = SOFTPLUS.parse([input, ...rest]);
  return a.input.softplus({ beta: a.beta, threshold: a.threshold });
}

/** `F.softsign(input)`: x / (1 + |x|). @example F.softsign(torch.tensor([1]).float()) // tensor([0.5000]) */
export function softsign(input: Tensor): Tensor {
  const x = UNARY.parse([input]).input;
  return x.div(x.abs().add(1));
}

/** `F.threshold(input, threshold, value, inplace=False)`: x if x > threshold else value. @example F.threshold(x, 0.1, 20) */
export function threshold(input: Tensor, ...rest: Args<[threshold: number, value: number, inplace: boolean], { threshold?: number; value?: number; inplace?: boolean }>): Tensor {
  const a = THRESHOLD.parse([input, ...rest]);
  return applyInplace(a.input, a.inplace, (x) => where(x.gt(a.threshold), x, a.value));
}

/** `F.tanhshrink(input)`: x − tanh(x). @example F.tanhshrink(torch.tensor([1]).float()) // tensor([0.2384]) */
export function tanhshrink(input: Tensor): Tensor {
  const x = UNARY.parse([input]).input;
  return x.sub(x.tanh());
}

/** `F.logsigmoid(input)`: log(sigmoid(x)) = −softplus(−x), computed stably. @example F.logsigmoid(torch.tensor([0]).float()) // tensor([-0.6931]) */
export function logsigmoid(input: Tensor): Tensor {
  return UNARY.parse([input]).input.neg().softplus().neg();
}

/** `F.glu(input, dim=-1)`: a·sigmoid(b) with a, b the two halves of `dim`. @example F.glu(torch.randn(4, 6)).shape // [4, 3] */
export function glu(input: Tensor, ...rest: Args<[dim: number], { dim?: number }>): Tensor {
  const a = GLU.parse([input, ...rest]);
  const x = a.input;
  if (x.ndim === 0) throw new RuntimeError('glu does not support scalars because halving size must be even');
  const d = a.dim < 0 ? a.dim + x.ndim : a.dim;
  if (x.shape[d]! % 2 !== 0) throw new RuntimeError(`Halving dimension must be even, but dimension ${d} is size ${x.shape[d]}`);
  const [first, second] = x.chunk(2, d) as [Tensor, Tensor];
  return first.mul(second.sigmoid());
}

/** `F.hardshrink(input, lambd=0.5)`: x where |x| > λ, else 0. @example F.hardshrink(torch.tensor([-1, 0.2])) // tensor([-1.,  0.]) */
export function hardshrink(input: Tensor, ...rest: Args<[lambd: number], { lambd?: number }>): Tensor {
  const a = SHRINK.parse([input, ...rest]);
  const x = a.input;
  return where(x.ge(-a.lambd).logicalAnd(x.le(a.lambd)), 0, x);
}

/** `F.softshrink(input, lambd=0.5)`: x − λ above λ, x + λ below −λ, else 0. @example F.softshrink(torch.tensor([-1, 0.2, 2])) // tensor([-0.5000,  0.0000,  1.5000]) */
export function softshrink(input: Tensor, ...rest: Args<[lambd: number], { lambd?: number }>): Tensor {
  const a = SOFTSHRINK.parse([input, ...rest]);
  const x = a.input;
  return where(x.gt(a.lambd), x.sub(a.lambd), where(x.lt(-a.lambd), x.add(a.lambd), 0));
}

/** `F.sigmoid(input)`. @example F.sigmoid(torch.tensor([0]).float()) // tensor([0.5000]) */
export function sigmoid(input: Tensor): Tensor {
  return UNARY.parse([input]).input.sigmoid();
}

/** `F.tanh(input)`. @example F.tanh(torch.tensor([0]).float()) // tensor([0.]) */
export function tanh(input: Tensor): Tensor {
  return UNARY.parse([input]).input.tanh();
}

/** `F.relu_(input)`: relu in place. @example F.relu_(x) */
export const relu_ = (input: Tensor): Tensor => relu(input, true);
/** `F.elu_(input, alpha=1.0)`. @example F.elu_(x) */
export const elu_ = (input: Tensor, alpha = 1.0): Tensor => elu(input, alpha, true);
/** `F.leaky_relu_(input, negative_slope=0.01)`. @example F.leakyRelu_(x, 0.2) */
export const leakyRelu_ = (input: Tensor, negativeSlope = 0.01): Tensor => leakyRelu(input, negativeSlope, true);
/** `F.hardtanh_(input, min_val=-1, max_val=1)`. @example F.hardtanh_(x) */
export const hardtanh_ = (input: Tensor, minVal = -1.0, maxVal = 1.0): Tensor => hardtanh(input, minVal, maxVal, true);
/** `F.threshold_(input, threshold, value)`. @example F.threshold_(x, 0, -1) */
export const threshold_ = (input: Tensor, th: number, value: number): Tensor => threshold(input, th, value, true);
/** `F.rrelu_(input, lower=1/8, upper=1/3, training=False)`. @example F.rrelu_(x) */
export const rrelu_ = (input: Tensor, lower = 1 / 8, upper = 1 / 3, training = false): Tensor => rrelu(input, lower, upper, training, true);
/** `F.celu_(input, alpha=1.0)`. @example F.celu_(x) */
export const celu_ = (input: Tensor, alpha = 1.0): Tensor => celu(input, alpha, true);
/** `F.selu_(input)`. @example F.selu_(x) */
export const selu_ = (input: Tensor): Tensor => selu(input, true);
