// The hyperparameter checks PyTorch's optimizer constructors make, with their messages.

import { ValueError } from '@torchlet/tensor';
import { pyNumber } from './pyRepr.js';

/**
 * Throws PyTorch's `Invalid <what>: <value>` unless `value >= 0`.
 * @example nonNegative(-1, 'learning rate') // throws 'Invalid learning rate: -1'
 */
export function nonNegative(value: number, what: string): void {
  if (!(value >= 0)) throw new ValueError(`Invalid ${what}: ${pyNumber(value)}`);
}

/**
 * Checks Adam-style `betas`: a pair, each in [0, 1); returns it.
 * @example betaPair([0.9, 0.999]) // [0.9, 0.999]
 */
export function betaPair(betas: readonly number[]): [number, number] {
  if (betas.length !== 2) throw new ValueError(`betas must be a pair of floats, got ${betas.length} values`);
  betas.forEach((b, i) => {
    if (!(b >= 0 && b < 1)) throw new ValueError(`Invalid beta parameter at index ${i}: ${pyNumber(b)}`);
  });
  return [betas[0]!, betas[1]!];
}

/**
 * Checks a pair-valued option (`etas`, `step_sizes`) and returns it.
 * @example pair([0.5, 1.2], 'etas') // [0.5, 1.2]
 */
export function pair(values: readonly number[], name: string): [number, number] {
  if (values.length !== 2) throw new ValueError(`${name} must be a pair of floats, got ${values.length} values`);
  return [values[0]!, values[1]!];
}

/**
 * The checks of Adam and its relatives (Adam, AdamW, Adamax, NAdam, RAdam); returns `betas` as a pair.
 * @example h.betas = adamChecks(h)
 */
export function adamChecks(h: { lr: number; eps: number; betas: readonly number[]; weightDecay: number }): [number, number] {
  nonNegative(h.lr, 'learning rate');
  nonNegative(h.eps, 'epsilon value');
  const betas = betaPair(h.betas);
  nonNegative(h.weightDecay, 'weight_decay value');
  return betas;
}
