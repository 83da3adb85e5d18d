// torch.nn.functional.kl_div: the pointwise KL divergence of log-probabilities `input` from
// `target` (probabilities, or log-probabilities with logTarget), and its 'batchmean' reduction.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, signature, xlogy } from '@torchlet/tensor';
import type { Args } from '@torchlet/nn-module';
import type { LegacyReductionArgs, Reduction } from './reduction.js';
import { applyReduction, legacyGetString, reductionEnum } from './reduction.js';
import { warn } from './warnings.js';

/** Options of `klDiv`: `reduction` also takes `'batchmean'` (the sum divided by the batch size). */
export interface KlDivOptions {
  /** Deprecated (use `reduction`). */
  sizeAverage?: boolean | null;
  /** Deprecated (use `reduction`). */
  reduce?: boolean | null;
  reduction?: Reduction | 'batchmean';
  logTarget?: boolean;
}

const KL_DIV = signature<{ '': LegacyReductionArgs & { input: Tensor; target: Tensor; logTarget: boolean } }>(
  'kl_div(Tensor input, Tensor target, bool? size_average=None, bool? reduce=None, str reduction="mean", bool log_target=False)',
);

/**
 * `F.kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)`:
 * `target * (log(target) - input)` (`exp(target) * (target - input)` with logTarget). 'mean'
 * divides by every element (PyTorch warns); 'batchmean' by the batch size, as the KL divergence is defined.
 * @example klDiv(torch.tensor([-1, -2]).float(), torch.tensor([0.5, 0.5]), { reduction: 'sum' }) // tensor(0.8069)
 */
export function klDiv(
  input: Tensor,
  target: Tensor,
  ...rest: Args<[sizeAverage: boolean | null, reduce: boolean | null, reduction: Reduction | 'batchmean', logTarget: boolean], KlDivOptions>
): Tensor {
  const a = KL_DIV.parse([input, target, ...rest]);
  let reduction: Reduction;
  if (a.sizeAverage !== null || a.reduce !== null) reduction = reductionEnum(legacyGetString(a.sizeAverage, a.reduce));
  else {
    if (a.reduction === 'mean') {
      warn(
        "reduction: 'mean' divides the total loss by both the batch size and the support size." +
          "'batchmean' divides only by the batch size, and aligns with the KL div math definition." +
          "'mean' will be changed to behave the same as 'batchmean' in the next major release.",
      );
    }
    reduction = reductionEnum(a.reduction === 'batchmean' ? 'sum' : a.reduction);
  }
  const { input: x, target: t } = a;
  if (!x.isFloatingPoint() || !t.isFloatingPoint()) throw new RuntimeError('kl_div: Integral inputs not supported.');
  const pointwise = a.logTarget ? t.exp().mul(t.sub(x)) : xlogy(t, t).sub(t.mul(x));
  const reduced = applyReduction(pointwise, reduction);
  return a.reduction === 'batchmean' && x.ndim !== 0 ? reduced.div(x.shape[0]!) : reduced;
}
