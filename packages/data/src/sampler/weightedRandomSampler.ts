// WeightedRandomSampler: indices drawn with given weights (torch.multinomial).

import type { Generator, Tensor } from '@torchlet/tensor';
import { ValueError, isTensor, multinomial, signature, tensor } from '@torchlet/tensor';
import { Sampler, indicesOf } from './sampler.js';

const ARGS = signature<{ '': { weights: Tensor | number[]; numSamples: number; replacement: boolean; generator: Generator | null } }>(
  'WeightedRandomSampler(Tensor|float[] weights, int num_samples, bool replacement=True, Generator? generator=None)',
);

/** Options of {@link WeightedRandomSampler}. */
export interface WeightedRandomSamplerOptions {
  replacement?: boolean;
  generator?: Generator | null;
}

/**
 * `torch.utils.data.WeightedRandomSampler(weights, num_samples, replacement=True, generator=None)`:
 * `numSamples` indices of `[0, len(weights))` drawn with probabilities proportional to `weights`.
 * @example [...new WeightedRandomSampler([0.1, 0.9, 0.4], 5)] // e.g. [1, 1, 2, 1, 0]
 */
export class WeightedRandomSampler extends Sampler<number> {
  /** The weights, as float64 (`torch.as_tensor(weights, dtype=torch.double)`). */
  readonly weights: Tensor;
  readonly numSamples: number;
  readonly replacement: boolean;
  readonly generator: Generator | null;

  constructor(weights: Tensor | readonly number[], numSamples: number, ...rest: [replacement?: boolean, generator?: Generator | null] | [opts: WeightedRandomSamplerOptions]) {
    super();
    const a = ARGS.parse([weights, numSamples, ...rest]);
    if (!(a.numSamples > 0)) throw new ValueError(`num_samples should be a positive integer value, but got num_samples=${a.numSamples}`);
    const w = isTensor(a.weights) ? a.weights.to('float64') : tensor(a.weights as number[], { dtype: 'float64' });
    if (w.ndim !== 1) throw new ValueError(`weights should be a 1d sequence but given weights have shape (${w.shape.join(', ')}${w.ndim === 1 ? ',' : ''})`);
    this.weights = w;
    this.numSamples = a.numSamples;
    this.replacement = a.replacement;
    this.generator = a.generator;
  }

  *[Symbol.iterator](): Iterator<number> {
    yield* indicesOf(multinomial(this.weights, this.numSamples, this.replacement, { generator: this.generator ?? undefined }));
  }

  get length(): number {
    return this.numSamples;
  }
}
