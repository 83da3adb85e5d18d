// The CTC lattice of a batch: each target with blanks around and between its labels (2S + 1
// states), the allowed moves between states, and the log-probabilities of every state at every
// step. Built on the log-probs' device; only the lengths are read on the host.

import type { Tensor } from '@torchlet/tensor';
import { cat, full, pad, stack, tensor, where } from '@torchlet/tensor';

/** -∞ as a fill value. */
export const NEG_INF = -Infinity;

/** One batch's CTC lattice. */
export interface CtcLattice {
  /** (T, N, C) log-probabilities. */
  logProbs: Tensor;
  /** Per sample: its number of steps and of target labels. */
  inputLengths: readonly number[];
  targetLengths: readonly number[];
  /** (N, L) int64: the class of each state (blank at even states), L = 2·max(S) + 1. */
  labels: Tensor;
  /** (T, N, L): log-probability of each state's class at each step. */
  stateLogProbs: Tensor;
  /** (N, L) bool: the states of each sample's target (s < 2S + 1). */
  inTarget: Tensor;
  /** (N, L) bool: a move from state s - 2 to state s is allowed (s a label that differs from the one before it). */
  skipInto: Tensor;
  /** (N, L) bool: a move from state s to s + 2 is allowed. */
  skipFrom: Tensor;
  /** (N, L) bool: the final states (the last blank and the last label). */
  finals: Tensor;
  /** (N, L) bool: the first states (the first blank and the first label). */
  firsts: Tensor;
}

/** A bool tensor from host values, on `device`. */
function mask(values: boolean[][], device: string): Tensor {
  return tensor(values, { dtype: 'bool', device });
}

/**
 * Builds the lattice of `logProbs` (T, N, C) for `targets` as (N, S_max) rows or one
 * concatenated 1-d tensor, with the host-side lengths.
 * @example buildLattice(lp, torch.tensor([[1, 2]]), [5], [2], 0).labels // tensor([[0, 1, 0, 2, 0]])
 */
export function buildLattice(logProbs: Tensor, targets: Tensor, inputLengths: readonly number[], targetLengths: readonly number[], blank: number): CtcLattice {
  const [steps, batch] = logProbs.shape as [number, number, number];
  const device = logProbs.device;
  const longest = Math.max(0, ...targetLengths);
  const states = 2 * longest + 1;
  const rows = paddedTargets(targets, targetLengths, longest);
  const blanks = full([batch, longest], blank, { dtype: rows.dtype, device });
  const labels = cat([stack([blanks, rows], 2).reshape([batch, 2 * longest]), full([batch, 1], blank, { dtype: rows.dtype, device })], 1).long();
  const stateLogProbs = logProbs.gather(2, labels.unsqueeze(0).expand([steps, batch, states]));
  // s - 2 → s: s is a label (odd) whose class differs from the label before it
  const odd = Array.from({ length: states }, (_, s) => s % 2 === 1);
  const skipInto =
    states < 3
      ? full([batch, states], false, { dtype: 'bool', device })
      : pad(labels.narrow(1, 2, states - 2).ne(labels.narrow(1, 0, states - 2)), [2, 0], 'constant', false).logicalAnd(mask([odd], device));
  const skipFrom = pad(skipInto, [-2, 2], 'constant', false);
  const inTarget = mask(targetLengths.map((S) => odd.map((_, s) => s < 2 * S + 1)), device);
  const finals = mask(targetLengths.map((S) => odd.map((_, s) => s === 2 * S || s === 2 * S - 1)), device);
  const firsts = mask(targetLengths.map((S) => odd.map((_, s) => s === 0 || (s === 1 && S > 0))), device);
  return { logProbs, inputLengths, targetLengths, labels, stateLogProbs, inTarget, skipInto, skipFrom, finals, firsts };
}

/** The targets as (N, S_max) rows: a 2-d tensor cut to S_max, or the pieces of a concatenated one, padded. */
function paddedTargets(targets: Tensor, targetLengths: readonly number[], longest: number): Tensor {
  if (targets.ndim === 2) return targets.narrow(1, 0, longest);
  let offset = 0;
  const rows = targetLengths.map((S) => {
    const row = pad(targets.narrow(0, offset, S), [0, longest - S], 'constant', 0);
    offset += S;
    return row;
  });
  return stack(rows, 0);
}

/** Rows of `x` (N, L) shifted right by k states (-∞ coming in); k < 0 shifts left. */
export function shiftStates(x: Tensor, k: number): Tensor {
  return pad(x, [k, -k], 'constant', NEG_INF);
}

/** log(exp(a) + exp(b) + exp(c)), elementwise, -∞ when all three are. */
export function logAddExp3(a: Tensor, b: Tensor, c: Tensor): Tensor {
  const m = a.maximum(b).maximum(c);
  const shift = where(m.isneginf(), 0, m);
  return a.sub(shift).exp().add(b.sub(shift).exp()).add(c.sub(shift).exp()).log().add(shift);
}

/** (N, 1) bool: the samples for which `test(inputLength)` holds. */
export function samplesWhere(l: CtcLattice, test: (inputLength: number) => boolean): Tensor {
  return mask(l.inputLengths.map((n) => [test(n)]), l.logProbs.device);
}
