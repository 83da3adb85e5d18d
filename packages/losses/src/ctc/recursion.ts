// The CTC forward-backward recursions in log space, over a whole batch at once (samples of
// different lengths are frozen once their steps are done), and PyTorch's gradient from them.

import type { Tensor } from '@torchlet/tensor';
import { full, stack, tidy, where, zerosLike } from '@torchlet/tensor';
import type { CtcLattice } from './lattice.js';
import { NEG_INF, logAddExp3, samplesWhere, shiftStates } from './lattice.js';

/**
 * The forward variables log α (T, N, L) and each sample's negative log-likelihood (N):
 * α_t(s) = (α_{t-1}(s) + α_{t-1}(s-1) + [skip] α_{t-1}(s-2)) · p_t(s), summed over the final states.
 * A sample with no steps has likelihood 1 for an empty target and 0 otherwise.
 */
export function forwardVariables(l: CtcLattice): { logAlpha: Tensor; nll: Tensor } {
  const steps = l.stateLogProbs.shape[0]!;
  const alphas: Tensor[] = [];
  let alpha = where(l.firsts.logicalAnd(l.inTarget), l.stateLogProbs.select(0, 0), NEG_INF);
  alphas.push(alpha);
  for (let t = 1; t < steps; t++) {
    const prev = alpha;
    alpha = tidy(() => {
      const moved = logAddExp3(prev, shiftStates(prev, 1), where(l.skipInto, shiftStates(prev, 2), NEG_INF));
      const next = where(l.inTarget, moved.add(l.stateLogProbs.select(0, t)), NEG_INF);
      return where(samplesWhere(l, (n) => t < n), next, prev);
    });
    alphas.push(alpha);
  }
  const logLikelihood = where(l.finals, alpha, NEG_INF).logsumexp(1);
  const empty = l.targetLengths.map((S) => (S === 0 ? 0 : Infinity));
  const noSteps = samplesWhere(l, (n) => n === 0).squeeze(1);
  const nll = where(noSteps, alpha.newTensor(empty), logLikelihood.neg());
  return { logAlpha: stack(alphas, 0), nll };
}

/**
 * The backward variables log β (T, N, L): β_t(s) = (β_{t+1}(s) + β_{t+1}(s+1) + [skip] β_{t+1}(s+2)) · p_t(s),
 * starting from the final states at each sample's last step.
 */
export function backwardVariables(l: CtcLattice): Tensor {
  const steps = l.stateLogProbs.shape[0]!;
  const betas: Tensor[] = new Array<Tensor>(steps);
  let beta = full(l.inTarget.shape, NEG_INF, { dtype: l.stateLogProbs.dtype, device: l.stateLogProbs.device });
  for (let t = steps - 1; t >= 0; t--) {
    const next = beta;
    beta = tidy(() => {
      const p = l.stateLogProbs.select(0, t);
      const moved = logAddExp3(next, shiftStates(next, -1), where(l.skipFrom, shiftStates(next, -2), NEG_INF));
      const inner = where(l.inTarget, moved.add(p), NEG_INF);
      const last = where(l.finals, p, NEG_INF);
      return where(samplesWhere(l, (n) => t === n - 1), last, where(samplesWhere(l, (n) => t < n - 1), inner, NEG_INF));
    });
    betas[t] = beta;
  }
  return stack(betas, 0);
}

/**
 * PyTorch's gradient of the per-sample NLL with respect to the log-probs, for incoming
 * gradients `grad` (N): `exp(lp) - Σ_{s: class c} exp(log α + log β + nll - lp)` at steps
 * before each sample's length, 0 after. (It is the gradient for log-probs that come from
 * log_softmax, PyTorch's contract; NaN for an impossible alignment, 0 with zeroInfinity.)
 */
export function logProbsGradient(l: CtcLattice, logAlpha: Tensor, nll: Tensor, grad: Tensor, zeroInfinity: boolean): Tensor {
  const [steps, batch, classes] = l.logProbs.shape as [number, number, number];
  const logBeta = backwardVariables(l);
  const states = l.labels.shape[1]!;
  const occupancy = logAlpha.add(logBeta).add(nll.unsqueeze(1)).sub(l.stateLogProbs).exp();
  const index = l.labels.unsqueeze(0).expand([steps, batch, states]);
  const perClass = zerosLike(l.logProbs).scatterAdd(2, index, occupancy);
  let g = l.logProbs.exp().sub(perClass).mul(grad.reshape([1, batch, 1]));
  const impossible = nll.isposinf().reshape([1, batch, 1]);
  g = where(impossible, zeroInfinity ? 0 : NaN, g);
  const active = l.logProbs.newTensor(Array.from({ length: steps }, (_, t) => l.inputLengths.map((n) => (t < n ? 1 : 0)))).bool();
  return where(active.unsqueeze(2).expand([steps, batch, classes]), g, 0);
}
