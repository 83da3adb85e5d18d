// Gradient clipping (torch/nn/utils/clip_grad.py): by total norm, by value, and the total
// norm alone (PyTorch 2.6's get_total_norm). The norm stays on the device: the clip factor
// is a tensor, so clipping never waits for a host read (as PyTorch avoids a CPU sync).

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, getBackend, isTensor, signature, stack, tensor } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import { pyNumber } from './pyRepr.js';

/** One tensor, or an iterable of them (`model.parameters()`). */
export type TensorOrTensors = Tensor | Iterable<Tensor>;

/** Options of `clipGradNorm_`. */
export interface ClipGradNormOptions {
  /** The p of the p-norm (default 2); `Infinity` (or `'inf'`) for the largest absolute value. */
  normType?: number | 'inf';
  /** Throw when the total norm is NaN or infinite instead of scaling by it. */
  errorIfNonfinite?: boolean;
  /** Accepted for PyTorch compatibility; the result is the same either way. */
  foreach?: boolean | null;
}

const CLIP_GRAD_NORM = signature<{ '': { parameters: unknown; maxNorm: number; normType: number | string; errorIfNonfinite: boolean; foreach: boolean | null } }>(
  'clip_grad_norm_(Any parameters, float max_norm, float|str norm_type=2.0, bool error_if_nonfinite=False, bool? foreach=None)',
);
const CLIP_GRAD_VALUE = signature<{ '': { parameters: unknown; clipValue: number } }>('clip_grad_value_(Any parameters, float clip_value)');
const GET_TOTAL_NORM = signature<{ '': { tensors: unknown; normType: number | string; errorIfNonfinite: boolean; foreach: boolean | null } }>(
  'get_total_norm(Any tensors, float|str norm_type=2.0, bool error_if_nonfinite=False, bool? foreach=None)',
);

function tensorList(x: unknown, what: string): Tensor[] {
  if (isTensor(x)) return [x];
  if (x !== null && typeof x === 'object' && Symbol.iterator in x) {
    const list = [...(x as Iterable<unknown>)];
    if (list.every(isTensor)) return list;
  }
  throw new RuntimeError(`${what} must be a Tensor or an iterable of Tensors`);
}

function normOrder(v: number | string): number {
  const p = typeof v === 'string' ? Number(v.toLowerCase() === 'inf' ? Infinity : v) : v;
  if (Number.isNaN(p)) throw new RuntimeError(`could not convert string to float: '${String(v)}'`);
  return p;
}

/** Python's str() of a float (`2.0`, `inf`). */
const pyFloat = (x: number): string => (Number.isInteger(x) ? x.toFixed(1) : pyNumber(x));

/** The total norm of `tensors` viewed as one vector, and PyTorch's non-finite check. */
function totalNorm(tensors: readonly Tensor[], p: number, errorIfNonfinite: boolean): Tensor {
  if (tensors.length === 0) return tensor(0, { dtype: 'float32' });
  const device = tensors[0]!.device;
  let total: Tensor;
  if (p === Infinity) {
    const norms = tensors.map((t) => t.detach().abs().max().to(device));
    total = norms.length === 1 ? norms[0]! : stack(norms).max();
  } else total = stack(tensors.map((t) => t.detach().norm(p).to(device))).norm(p);
  if (errorIfNonfinite) {
    if (!getBackend(total.device).readSync) {
      throw new RuntimeError(
        `errorIfNonfinite reads the total norm on the host, and device '${total.device}' cannot be read synchronously: ` +
          'check (await norm.isfinite().item()) yourself after clipping with errorIfNonfinite: false',
      );
    }
    if (!total.isfinite().itemSync()) {
      throw new RuntimeError(
        `The total norm of order ${pyFloat(p)} for gradients from \`parameters\` is non-finite, so it cannot be clipped. ` +
          'To disable this error and scale the gradients by the non-finite norm anyway, set `errorIfNonfinite: false`',
      );
    }
  }
  return total;
}

/**
 * The norm of `tensors` (gradients, usually) viewed as one vector (PyTorch's `get_total_norm`).
 * @example getTotalNorm([...model.parameters()].map((p) => p.grad!)) // tensor(1.2345)
 */
export function getTotalNorm(tensors: TensorOrTensors, ...args: [normType?: number | 'inf', errorIfNonfinite?: boolean, foreach?: boolean | null, opts?: ClipGradNormOptions] | [opts: ClipGradNormOptions]): Tensor {
  const a = GET_TOTAL_NORM.parse([tensors, ...args]);
  const list = tensorList(a.tensors, 'tensors');
  return noGrad(() => totalNorm(list, normOrder(a.normType), a.errorIfNonfinite));
}

/**
 * Scales the gradients of `parameters` in place so that their total norm is at most `maxNorm`;
 * returns the total norm before clipping (PyTorch's `clip_grad_norm_`).
 * @example const norm = clipGradNorm_(model.parameters(), 1.0); clipGradNorm_(params, 5, { normType: Infinity })
 */
export function clipGradNorm_(
  parameters: TensorOrTensors,
  maxNorm: number,
  ...args: [normType?: number | 'inf', errorIfNonfinite?: boolean, foreach?: boolean | null, opts?: ClipGradNormOptions] | [opts: ClipGradNormOptions]
): Tensor {
  const a = CLIP_GRAD_NORM.parse([parameters, maxNorm, ...args]);
  const grads = tensorList(a.parameters, 'parameters').flatMap((p) => (p.grad === null ? [] : [p.grad]));
  return noGrad(() => {
    const total = totalNorm(grads, normOrder(a.normType), a.errorIfNonfinite);
    if (grads.length === 0) return total;
    // `max_norm / (total + 1e-6)` in Python is `(total + 1e-6).reciprocal() * max_norm`
    const coef = total.add(1e-6).reciprocal().mul(a.maxNorm).clamp(null, 1);
    for (const g of grads) g.detach().mul_(coef.to(g.device));
    return total;
  });
}

/**
 * Clamps the gradients of `parameters` to `[-clipValue, clipValue]` in place (PyTorch's `clip_grad_value_`).
 * @example clipGradValue_(model.parameters(), 0.5)
 */
export function clipGradValue_(parameters: TensorOrTensors, ...args: [clipValue: number] | [opts: { clipValue: number }]): void {
  const a = CLIP_GRAD_VALUE.parse([parameters, ...args]);
  const params = tensorList(a.parameters, 'parameters');
  noGrad(() => {
    for (const p of params) p.grad?.clamp_(-a.clipValue, a.clipValue);
  });
}
