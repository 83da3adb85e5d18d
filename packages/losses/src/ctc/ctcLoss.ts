// torch.nn.functional.ctc_loss: the connectionist temporal classification loss. The forward
// algorithm runs in log space on the log-probs' device as one op (PyTorch's _ctc_loss, with
// its two outputs), whose derivative is PyTorch's; the reduction is composed around it.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, defineOp, isTensor, signature, traced, where } from '@torchlet/tensor';
import type { FunctionCtx } from '@torchlet/autograd';
import { Function, isGradEnabled, noGrad, registerDerivative } from '@torchlet/autograd';
import { readsSync } from '../checks.js';
import type { Args } from '@torchlet/nn-module';
import type { Reduction } from '../reduction.js';
import { reductionEnum } from '../reduction.js';
import type { CtcLattice } from './lattice.js';
import { buildLattice } from './lattice.js';
import { forwardVariables, logProbsGradient } from './recursion.js';

/** Sequence lengths: a tensor of integers (on a device that reads synchronously) or an array. */
export type Lengths = Tensor | readonly number[];

/** Options of `ctcLoss`. */
export interface CtcLossOptions {
  blank?: number;
  reduction?: Reduction;
  zeroInfinity?: boolean;
}

const CTC_LOSS = signature<{
  '': { logProbs: Tensor; targets: Tensor; inputLengths: Tensor | number[]; targetLengths: Tensor | number[]; blank: number; reduction: string; zeroInfinity: boolean };
}>(
  'ctc_loss(Tensor log_probs, Tensor targets, Tensor|int[] input_lengths, Tensor|int[] target_lengths, int blank=0, str reduction="mean", bool zero_infinity=False)',
);

const CTC = defineOp('ctcLoss');
const CHECKED = '(while checking arguments for ctc_loss_cpu)';

/** The gradient of CTC is not differentiable again (PyTorch has no derivative of _ctc_loss_backward either). */
class CtcLossBackwardNotImplemented extends Function {
  static override forward(_ctx: FunctionCtx, grad: Tensor, _logProbs: Tensor): Tensor {
    return grad.clone();
  }
  static override backward(): never {
    throw new RuntimeError('derivative for aten::_ctc_loss_backward is not implemented');
  }
}

registerDerivative(CTC, {
  node: 'CtcLossBackward0',
  save: { outputs: [0, 1] },
  vjp(ctx) {
    const lattice = ctx.args.lattice as CtcLattice;
    const grad = noGrad(() => logProbsGradient(lattice, ctx.output(1), ctx.output(0), ctx.grads[0]!, ctx.args.zeroInfinity as boolean));
    // with createGraph, a second backward through this gradient fails as in PyTorch (never silently wrong)
    return [isGradEnabled() ? (CtcLossBackwardNotImplemented.apply(grad, lattice.logProbs) as Tensor) : grad, null];
  },
});

/**
 * `F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction='mean',
 * zero_infinity=False)`: `-log p(target | log_probs)` summed over every alignment, for
 * log_probs (T, N, C) (or (T, C) unbatched, from log_softmax), targets (N, S) or concatenated,
 * and per-sample lengths. 'mean' divides each loss by its target length, then averages.
 * @example ctcLoss(torch.zeros(2, 1, 2).logSoftmax(2), torch.tensor([[1]]), [2], [1]) // tensor(0.2877)
 */
export function ctcLoss(
  logProbs: Tensor,
  targets: Tensor,
  inputLengths: Lengths,
  targetLengths: Lengths,
  ...rest: Args<[blank: number, reduction: Reduction, zeroInfinity: boolean], CtcLossOptions>
): Tensor {
  const a = CTC_LOSS.parse([logProbs, targets, inputLengths, targetLengths, ...rest]);
  const reduction = reductionEnum(a.reduction);
  const batched = a.logProbs.ndim === 3;
  const lp = batched ? a.logProbs : a.logProbs.unsqueeze(1);
  const inLens = hostLengths(a.inputLengths, 'input_lengths');
  const tgLens = hostLengths(a.targetLengths, 'target_lengths');
  checkCtcArgs(lp, a.targets, inLens, tgLens, a.blank);
  const lattice = buildLattice(lp, a.targets, inLens, tgLens, a.blank);
  const [nll] = traced(CTC, [lp, a.targets], { lattice, zeroInfinity: a.zeroInfinity }, () => {
    const { logAlpha, nll } = forwardVariables(lattice);
    return [nll, logAlpha] as const;
  });
  let res = a.zeroInfinity ? where(nll.isposinf(), 0, nll) : nll;
  if (reduction === 'mean') res = res.div(res.newTensor(tgLens).clampMin(1)).mean();
  else if (reduction === 'sum') res = res.sum();
  return batched || reduction !== 'none' ? res : res.squeeze(0);
}

/** Lengths as host numbers (PyTorch reads them on the host too). */
function hostLengths(v: Tensor | number[], name: string): number[] {
  if (!isTensor(v)) return v;
  if (v.isFloatingPoint() || v.dtype === 'bool') throw new RuntimeError(`${name} must be integral`);
  if (!readsSync(v)) throw new RuntimeError(`ctc_loss reads ${name} on the host: pass an array or a CPU tensor (device '${v.device}' cannot be read synchronously)`);
  return Array.from(v.reshape([-1]).dataSync() as ArrayLike<number | bigint>, Number);
}

/** The checks of PyTorch's ctc_loss_cpu, in its order and wording. */
function checkCtcArgs(lp: Tensor, targets: Tensor, inLens: number[], tgLens: number[], blank: number): void {
  const [maxInput, batch, classes] = lp.shape as [number, number, number];
  if (!(blank >= 0 && blank < classes)) throw new RuntimeError('blank must be in label range');
  if (inLens.length !== batch) throw new RuntimeError('input_lengths must be of size batch_size');
  if (tgLens.length !== batch) throw new RuntimeError('target_lengths must be of size batch_size');
  for (const n of tgLens) {
    if (n < 0) throw new RuntimeError(`Expected target_lengths to have value at least 0, but got value ${n} ${CHECKED}`);
  }
  if (targets.ndim === 1) {
    const total = tgLens.reduce((s, n) => s + n, 0);
    if (targets.shape[0] !== total) {
      throw new RuntimeError(`Expected tensor to have size ${total} at dimension 0, but got size ${targets.shape[0]} for argument #2 'targets' ${CHECKED}`);
    }
  } else {
    if (targets.shape[0] !== batch) {
      throw new RuntimeError(`Expected tensor to have size ${batch} at dimension 0, but got size ${targets.shape[0]} for argument #2 'targets' ${CHECKED}`);
    }
    const longest = Math.max(0, ...tgLens);
    if (targets.shape[1]! < longest) {
      throw new RuntimeError(`Expected tensor to have size at least ${longest} at dimension 1, but got size ${targets.shape[1]} for argument #2 'targets' ${CHECKED}`);
    }
  }
  for (const n of inLens) {
    if (n < 0) throw new RuntimeError(`Expected input_lengths to have value at least 0, but got value ${n} ${CHECKED}`);
    if (n > maxInput) throw new RuntimeError(`Expected input_lengths to have value at most ${maxInput}, but got value ${n} ${CHECKED}`);
  }
}
