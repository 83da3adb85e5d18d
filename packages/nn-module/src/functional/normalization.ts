// batch_norm, instance_norm, layer_norm, group_norm, rms_norm, local_response_norm, normalize:
// composites of tensor ops (their gradients come from autograd), running statistics updated in
// place without recording, as PyTorch's kernels do.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, avgPool2d, pad, signature } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import type { Args } from '../args.js';

interface BatchNormArgs {
  input: Tensor;
  runningMean: Tensor | null;
  runningVar: Tensor | null;
  weight: Tensor | null;
  bias: Tensor | null;
  training: boolean;
  momentum: number;
  eps: number;
}
const BATCH_NORM = signature<{ '': BatchNormArgs }>(
  'batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight=None, Tensor? bias=None, bool training=False, float momentum=0.1, float eps=1e-05)',
);
interface InstanceNormArgs extends Omit<BatchNormArgs, 'training'> {
  useInputStats: boolean;
}
const INSTANCE_NORM = signature<{ '': InstanceNormArgs }>(
  'instance_norm(Tensor input, Tensor? running_mean=None, Tensor? running_var=None, Tensor? weight=None, Tensor? bias=None, bool use_input_stats=True, float momentum=0.1, float eps=1e-05)',
);
const LAYER_NORM = signature<{ '': { input: Tensor; normalizedShape: number[]; weight: Tensor | null; bias: Tensor | null; eps: number } }>(
  'layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, float eps=1e-05)',
);
const GROUP_NORM = signature<{ '': { input: Tensor; numGroups: number; weight: Tensor | null; bias: Tensor | null; eps: number } }>(
  'group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05)',
);
const RMS_NORM = signature<{ '': { input: Tensor; normalizedShape: number[]; weight: Tensor | null; eps: number | null } }>(
  'rms_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, float? eps=None)',
);
const LRN = signature<{ '': { input: Tensor; size: number; alpha: number; beta: number; k: number } }>(
  'local_response_norm(Tensor input, int size, float alpha=0.0001, float beta=0.75, float k=1.0)',
);
const NORMALIZE = signature<{ '': { input: Tensor; p: number; dim: number; eps: number; out: Tensor | null } }>(
  'normalize(Tensor input, float p=2.0, int dim=1, float eps=1e-12, Tensor? out=None)',
);

/** [1, C, 1, …]: a per-channel vector shaped to broadcast against an [N, C, …] input. */
function perChannel(v: Tensor, ndim: number): Tensor {
  return v.reshape(1, -1, ...new Array<number>(Math.max(ndim - 2, 0)).fill(1));
}

/** y·weight + bias, either of them absent. */
function affine(y: Tensor, weight: Tensor | null, bias: Tensor | null): Tensor {
  const scaled = weight === null ? y : y.mul(weight);
  return bias === null ? scaled : scaled.add(bias);
}

/** (x − mean)·rsqrt(var + eps)·weight + bias with statistics shaped to broadcast. */
function normalizeWith(x: Tensor, mean: Tensor, variance: Tensor, eps: number, weight: Tensor | null, bias: Tensor | null): Tensor {
  return affine(x.sub(mean).mul(variance.add(eps).rsqrt()), weight, bias);
}

/**
 * The batch-norm computation with `momentum` a number or a 0-d tensor (BatchNorm's cumulative
 * average passes 1/num_batches_tracked without reading it back).
 */
export function batchNormImpl(a: Omit<BatchNormArgs, 'momentum'> & { momentum: number | Tensor }): Tensor {
  const x = a.input;
  if (x.ndim < 2) throw new ValueError(`Expected 2D or higher input (got ${x.ndim}D input)`);
  const c = x.shape[1]!;
  for (const [name, t] of [['running_mean', a.runningMean], ['running_var', a.runningVar], ['weight', a.weight], ['bias', a.bias]] as const) {
    if (t !== null && t.numel() !== c) throw new RuntimeError(`${name} should contain ${c} elements not ${t.numel()}`);
  }
  const dims = [0, ...Array.from({ length: x.ndim - 2 }, (_, i) => i + 2)];
  const w = a.weight === null ? null : perChannel(a.weight, x.ndim);
  const b = a.bias === null ? null : perChannel(a.bias, x.ndim);
  if (!a.training) {
    if (a.runningMean === null || a.runningVar === null) throw new RuntimeError('running_mean and running_var must be defined in evaluation mode');
    return normalizeWith(x, perChannel(a.runningMean, x.ndim), perChannel(a.runningVar, x.ndim), a.eps, w, b);
  }
  const n = x.numel() / c;
  if (n <= 1) throw new ValueError(`Expected more than 1 value per channel when training, got input size [${x.shape.join(', ')}]`);
  const mean = x.mean(dims, { keepdim: true });
  const variance = x.var(dims, { correction: 0, keepdim: true });
  if (a.runningMean !== null && a.runningVar !== null) {
    const rm = a.runningMean;
    const rv = a.runningVar;
    const m = a.momentum;
    noGrad(() => {
      const keep = typeof m === 'number' ? 1 - m : m.neg().add(1);
      rm.mul_(keep).add_(mean.detach().reshape(-1).mul(m));
      rv.mul_(keep).add_(variance.detach().reshape(-1).mul(n / (n - 1)).mul(m));
    });
  }
  return normalizeWith(x, mean, variance, a.eps, w, b);
}

/**
 * `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)`:
 * normalises each channel (dim 1) by the batch's statistics (training, updating the running ones
 * with `momentum`) or the running ones.
 * @example F.batchNorm(x, rm, rv, { training: true })
 */
export function batchNorm(
  input: Tensor, runningMean: Tensor | null, runningVar: Tensor | null,
  ...rest: Args<[weight: Tensor | null, bias: Tensor | null, training: boolean, momentum: number, eps: number], { weight?: Tensor | null; bias?: Tensor | null; training?: boolean; momentum?: number; eps?: number }>
): Tensor {
  return batchNormImpl(BATCH_NORM.parse([input, runningMean, runningVar, ...rest]));
}

/**
 * `F.instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True, momentum=0.1, eps=1e-05)`:
 * normalises each (sample, channel) plane; running statistics get the batch's average.
 * @example F.instanceNorm(torch.randn(2, 3, 4, 4)).shape // [2, 3, 4, 4]
 */
export function instanceNorm(
  input: Tensor,
  ...rest: Args<[runningMean: Tensor | null, runningVar: Tensor | null, weight: Tensor | null, bias: Tensor | null, useInputStats: boolean, momentum: number, eps: number], Partial<Omit<InstanceNormArgs, 'input'>>>
): Tensor {
  const a = INSTANCE_NORM.parse([input, ...rest]);
  const x = a.input;
  const [n, c] = x.shape as [number, number];
  // as PyTorch: a batch norm of the [1, N·C, …] view, its running statistics averaged over N
  const repeat = (t: Tensor | null): Tensor | null => (t === null ? null : t.repeat(n));
  const rm = repeat(a.runningMean);
  const rv = repeat(a.runningVar);
  const out = batchNormImpl({
    input: x.contiguous().view(1, n * c, ...x.shape.slice(2)), runningMean: rm, runningVar: rv,
    weight: repeat(a.weight), bias: repeat(a.bias), training: a.useInputStats, momentum: a.momentum, eps: a.eps,
  });
  noGrad(() => {
    if (a.runningMean !== null) a.runningMean.copy_(rm!.view(n, c).mean(0));
    if (a.runningVar !== null) a.runningVar.copy_(rv!.view(n, c).mean(0));
  });
  return out.viewAs(x);
}

/** The dims the last `normalizedShape` covers, with PyTorch's shape check. */
function trailingDims(x: Tensor, normalizedShape: readonly number[], weight: Tensor | null): number[] {
  const k = normalizedShape.length;
  const tail = x.shape.slice(x.ndim - k);
  if (k === 0 || x.ndim < k || tail.join() !== normalizedShape.join()) {
    throw new RuntimeError(`Given normalized_shape=[${normalizedShape.join(', ')}], expected input with shape [*, ${normalizedShape.join(', ')}], but got input of size[${x.shape.join(', ')}]`);
  }
  if (weight !== null && weight.shape.join() !== normalizedShape.join()) {
    throw new RuntimeError(`Expected weight to be of same shape as normalized_shape, but got weight of shape [${weight.shape.join(', ')}] and normalized_shape = [${normalizedShape.join(', ')}]`);
  }
  return Array.from({ length: k }, (_, i) => x.ndim - k + i);
}

/**
 * `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)`: normalises over the
 * last dims.
 * @example F.layerNorm(torch.randn(2, 5), [5]).shape // [2, 5]
 */
export function layerNorm(
  input: Tensor, normalizedShape: number | readonly number[],
  ...rest: Args<[weight: Tensor | null, bias: Tensor | null, eps: number], { weight?: Tensor | null; bias?: Tensor | null; eps?: number }>
): Tensor {
  const a = LAYER_NORM.parse([input, normalizedShape, ...rest]);
  const dims = trailingDims(a.input, a.normalizedShape, a.weight);
  const mean = a.input.mean(dims, { keepdim: true });
  const variance = a.input.var(dims, { correction: 0, keepdim: true });
  return normalizeWith(a.input, mean, variance, a.eps, a.weight, a.bias);
}

/**
 * `F.group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)`: normalises each group of
 * channels of each sample.
 * @example F.groupNorm(torch.randn(2, 6, 3), 3).shape // [2, 6, 3]
 */
export function groupNorm(
  input: Tensor, numGroups: number,
  ...rest: Args<[weight: Tensor | null, bias: Tensor | null, eps: number], { weight?: Tensor | null; bias?: Tensor | null; eps?: number }>
): Tensor {
  const a = GROUP_NORM.parse([input, numGroups, ...rest]);
  const x = a.input;
  const [n, c] = x.shape as [number, number];
  if (c % a.numGroups !== 0) throw new RuntimeError(`Expected number of channels in input to be divisible by num_groups, but got input of shape [${x.shape.join(', ')}] and num_groups=${a.numGroups}`);
  const g = x.reshape(n, a.numGroups, -1);
  const mean = g.mean(-1, { keepdim: true });
  const variance = g.var(-1, { correction: 0, keepdim: true });
  const y = normalizeWith(g, mean, variance, a.eps, null, null).reshape(...x.shape);
  return affine(y, a.weight === null ? null : perChannel(a.weight, x.ndim), a.bias === null ? null : perChannel(a.bias, x.ndim));
}

/** The machine epsilon of a float dtype (`torch.finfo(dtype).eps`). */
function finfoEps(dtype: string): number {
  return { float64: 2 ** -52, float16: 2 ** -10, bfloat16: 2 ** -7 }[dtype] ?? 2 ** -23;
}

/**
 * `F.rms_norm(input, normalized_shape, weight=None, eps=None)`: x / √(mean(x²) + eps) · weight
 * over the last dims (eps: the dtype's machine epsilon when None).
 * @example F.rmsNorm(torch.randn(2, 4), [4]).shape // [2, 4]
 */
export function rmsNorm(
  input: Tensor, normalizedShape: number | readonly number[],
  ...rest: Args<[weight: Tensor | null, eps: number | null], { weight?: Tensor | null; eps?: number | null }>
): Tensor {
  const a = RMS_NORM.parse([input, normalizedShape, ...rest]);
  const dims = trailingDims(a.input, a.normalizedShape, a.weight);
  const eps = a.eps ?? finfoEps(a.input.dtype);
  const y = a.input.mul(a.input.square().mean(dims, { keepdim: true }).add(eps).rsqrt());
  return a.weight === null ? y : y.mul(a.weight);
}

/**
 * `F.local_response_norm(input, size, alpha=1e-4, beta=0.75, k=1.0)`: x / (k + α·mean of x² over
 * `size` neighbouring channels)^β.
 * @example F.localResponseNorm(torch.randn(1, 6, 4, 4), 2).shape // [1, 6, 4, 4]
 */
export function localResponseNorm(input: Tensor, size: number, ...rest: Args<[alpha: number, beta: number, k: number], { alpha?: number; beta?: number; k?: number }>): Tensor {
  const a = LRN.parse([input, size, ...rest]);
  const x = a.input;
  if (x.ndim < 3) throw new ValueError(`Expected 3D or higher dimensionality input (got ${x.ndim} dimensions)`);
  if (x.numel() === 0) return x;
  const s = a.size;
  // channels as the height of a [N, 1, C, rest] image: an average over (size, 1) windows
  let div = x.mul(x).reshape(x.shape[0]!, 1, x.shape[1]!, -1);
  div = pad(div, [0, 0, Math.floor(s / 2), Math.floor((s - 1) / 2)]);
  div = avgPool2d(div, [s, 1], { stride: 1 }).reshape(...x.shape);
  return x.div(div.mul(a.alpha).add(a.k).pow(a.beta));
}

/**
 * `F.normalize(input, p=2.0, dim=1, eps=1e-12)`: x / max(‖x‖_p, eps) along `dim`.
 * @example F.normalize(torch.tensor([[3, 4]]).float()) // tensor([[0.6000, 0.8000]])
 */
export function normalize(input: Tensor, ...rest: Args<[p: number, dim: number, eps: number], { p?: number; dim?: number; eps?: number }>): Tensor {
  const a = NORMALIZE.parse([input, ...rest]);
  const denom = a.input.norm(a.p, a.dim, { keepdim: true }).clampMin(a.eps).expandAs(a.input);
  const out = a.input.div(denom);
  return a.out === null ? out : a.out.copy_(out);
}
