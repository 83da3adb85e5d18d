// torch.multinomial as PyTorch 1.13 computes it on the CPU. Without
// replacement it takes the top-k of p / q with q ~ Exp(1)
// (the exponential race, equivalent to Gumbel-max); with replacement it
// inverts each row's normalised cumulative sum with one double uniform per sample.

import { isFloatingPoint } from '../backend/dtype.js';
import { SCALAR_TYPE_NAME } from '../dtype.js';
import { NotImplementedError, RuntimeError } from '../errors.js';
import type { Tensor } from '../tensor.js';
import { emptyTensor } from '../tensor.js';
import { fromValues } from '../creation.js';
import { defineOp, traced } from '../trace.js';
import { uniformDouble } from './distributions.js';
import type { Generator } from './generator.js';
import { generatorFor } from './generator.js';
import { exponential_ } from './sampling.js';
import { topkIndices } from './topkOrder.js';
import { narrowRounder } from './normalFill.js';
import type { GeneratorOptions } from './sampling.js';

const MULTINOMIAL = defineOp('multinomial', false);

/**
 * `torch.multinomial(input, numSamples, replacement=false, { generator })`:
 * indices sampled from the rows of `input` (1-D or 2-D, non-negative weights,
 * not necessarily summing to 1), as int64 of shape [numSamples] or [rows, numSamples].
 * @example torch.manualSeed(0); torch.multinomial(torch.tensor([0.1, 0.6, 0.3]), 2) // tensor([2, 1])
 */
export function multinomial(input: Tensor, numSamples: number, replacement = false, opts?: GeneratorOptions): Tensor {
  return traced(MULTINOMIAL, [input], { numSamples, replacement }, () => {
    if (input.ndim < 1 || input.ndim > 2) throw new RuntimeError('prob_dist must be 1 or 2 dim');
    if (!isFloatingPoint(input.dtype)) {
      throw new RuntimeError(`multinomial only supports floating-point dtypes for input, got: ${SCALAR_TYPE_NAME[input.dtype]}`);
    }
    if (!(numSamples > 0)) throw new RuntimeError('cannot sample n_sample <= 0 samples');
    const cats = input.shape[input.ndim - 1]!;
    if (!replacement && numSamples > cats) {
      throw new RuntimeError('cannot sample n_sample > prob_dist.size(-1) samples without replacement');
    }
    if (cats > 2 ** 24) throw new RuntimeError('number of categories cannot exceed 2^24');
    if (input.dtype === 'float16') throw new RuntimeError('multinomial is not implemented for half on CPU');
    const g = generatorFor(input.device, opts?.generator);
    if (!g.isCpu) throw new NotImplementedError(`multinomial on device '${input.device}'`);
    const rows = input.ndim === 2 ? input.shape[0]! : 1;
    const outShape = input.ndim === 2 ? [rows, numSamples] : [numSamples];
    const probs = Float64Array.from(input.contiguous().dataSync() as ArrayLike<number>, Number);
    const out = !replacement
      ? exponentialRace(input, probs, rows, cats, numSamples, g)
      : withReplacement(probs, rows, cats, numSamples, input.dtype === 'float64', g);
    return fromValues(out, outShape, 'int64', input.device);
  });
}

/** Top-k (descending) of p / q along each row, q ~ Exp(1) drawn in input's layout. */
function exponentialRace(input: Tensor, probs: Float64Array, rows: number, cats: number, k: number, g: Generator): Float64Array {
  let bad = false;
  for (const v of probs) if (!(v >= 0 && v < Infinity)) bad = true;
  if (bad) throw new RuntimeError('probability tensor contains either `inf`, `nan` or element < 0');
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cats; c++) s += probs[r * cats + c]!;
    if (s === 0) throw new RuntimeError('invalid multinomial distribution (sum of probabilities <= 0)');
  }
  // empty_like keeps input's layout, and exponential_ fills in memory order
  const q = emptyTensor(input.shape, input.dtype, input.device, input);
  exponential_(q, 1, { generator: g });
  const qs = q.contiguous().dataSync() as ArrayLike<number>;
  q.dispose();
  // p / q is computed in the input's dtype
  const round = input.dtype === 'float64' ? (v: number) => v : input.dtype === 'bfloat16' ? narrowRounder('bfloat16') : Math.fround;
  const out = new Float64Array(rows * k);
  const ratio = new Float64Array(cats);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cats; c++) {
      const v = probs[r * cats + c]! / Number(qs[r * cats + c]!);
      ratio[c] = round(v);
    }
    // one sample: argmax (the first maximum, NaN counting as one); more: topk, ties in PyTorch's order
    if (k === 1) out[r] = argmax(ratio);
    else topkIndices(ratio, k).forEach((c, j) => (out[r * k + j] = c));
  }
  return out;
}

/** The index of the first maximum (the first NaN if any), as torch.argmax. */
function argmax(v: Float64Array): number {
  let best = 0;
  for (let i = 0; i < v.length; i++) {
    if (Number.isNaN(v[i]!)) return i;
    if (v[i]! > v[best]!) best = i;
  }
  return best;
}

/** Inverse-CDF sampling: PyTorch's cumulative sums in the input's precision, then a binary search. */
function withReplacement(probs: Float64Array, rows: number, cats: number, k: number, double: boolean, g: Generator): Float64Array {
  const r32 = double ? (v: number) => v : Math.fround;
  const out = new Float64Array(rows * k);
  const cum = new Float64Array(cats);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let c = 0; c < cats; c++) {
      const v = probs[r * cats + c]!;
      if (!(v >= 0)) throw new RuntimeError('invalid multinomial distribution (encountering probability entry < 0)');
      if (!Number.isFinite(v)) throw new RuntimeError('invalid multinomial distribution (encountering probability entry = infinity or NaN)');
      sum = r32(sum + v);
      cum[c] = sum;
    }
    if (!(sum > 0)) throw new RuntimeError('invalid multinomial distribution (sum of probabilities <= 0)');
    for (let c = 0; c < cats; c++) cum[c] = r32(cum[c]! / sum);
    cum[cats - 1] = 1;
    for (let j = 0; j < k; j++) {
      const u = uniformDouble(g, 0, 1);
      let lo = 0;
      let hi = cats;
      while (hi - lo > 0) {
        const mid = lo + ((hi - lo) >> 1);
        if (cum[mid]! < u) lo = mid + 1;
        else hi = mid;
      }
      out[r * k + j] = lo;
    }
  }
  return out;
}
