// Input value generators: each domain draws values suited to an op (its math
// domain, ties for comparisons, exactly summable grids for accumulations),
// rounded to the dtype. Float domains mix in NaN, ±Inf and ±0.

import type { DType } from '@torchlet/tensor/backend';
import { castScalar, isFloatDtype, type Scalar } from './reference/index.js';
import type { Rng } from './rng.js';

/** What kind of values a test feeds an op. */
export type Domain =
  | 'any' // floats in [-4, 4] plus specials; ints over their whole range
  | 'finite' // floats in [-4, 4], no specials; small ints
  | 'unit' // (-1, 1), plus ±1 and a few outside
  | 'positive' // log-uniform in (e^-5, e^5), plus specials and negatives
  | 'aboveMinusOne' // (-1, 4]
  | 'atLeastOne' // [1, 1 + e^3]
  | 'tan' // (-1.4, 1.4)
  | 'softplus' // (-30, 30): crosses the threshold 20
  | 'halves' // multiples of 1/4 in [-6, 6]: ties for round
  | 'ties' // a handful of values, so that comparisons meet equal pairs
  | 'tiesFinite' // 'ties' without NaN
  | 'gridSpecial' // 'grid' with NaN and ±Inf mixed in
  | 'grid' // exactly summable: k/4 (k/2 for halves), small ints
  | 'pow2' // ±1 mostly, some ±2, ±0.5: exact products
  | 'powBase' // pow bases
  | 'powExp' // pow exponents (ints: 0…6)
  | 'divisor' // ints: nonzero and never -1; floats as 'any'
  | 'shift' // ints in [0, bits)
  | 'softmax' // (-5, 5) with a few -Inf
  | 'masked'; // half -Inf (rows entirely masked), half (-5, 5)

// NaN, ±Inf, ±0, ±1, and subnormals (of float16: 1e-6; of float32: 2e-40)
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 1e-6, -2e-40];
const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  uint8: [0, 255],
  int8: [-128, 127],
  int32: [-(2 ** 31), 2 ** 31 - 1],
};
const SHIFT_BITS: Partial<Record<DType, number>> = { uint8: 8, int8: 8, int32: 32, int64: 64 };

function floatValue(rng: Rng, domain: Domain, half: boolean): number {
  const special = (p: number): boolean => rng.float() < p;
  switch (domain) {
    case 'any':
    case 'divisor':
      return special(0.12) ? rng.pick(SPECIALS) : rng.uniform(-4, 4);
    case 'finite':
      return rng.uniform(-4, 4);
    case 'unit':
      return special(0.1) ? rng.pick([NaN, 1, -1, 0, -0, 1.5, -2, Infinity]) : rng.uniform(-1, 1);
    case 'positive':
      return special(0.12) ? rng.pick([...SPECIALS, -2.5]) : Math.exp(rng.uniform(-5, 5));
    case 'aboveMinusOne':
      return special(0.1) ? rng.pick([...SPECIALS, -1, -1.5]) : rng.uniform(-1, 4);
    case 'atLeastOne':
      return special(0.1) ? rng.pick([NaN, Infinity, 1, 0.5, -1]) : 1 + Math.exp(rng.uniform(-5, 3));
    case 'tan':
      return special(0.1) ? rng.pick(SPECIALS) : rng.uniform(-1.4, 1.4);
    case 'softplus':
      return special(0.08) ? rng.pick([...SPECIALS, 20, 20.5]) : rng.uniform(-30, 30);
    case 'halves':
      return special(0.1) ? rng.pick(SPECIALS) : special(0.7) ? rng.int(-24, 24) / 4 : rng.uniform(-6, 6);
    case 'ties':
      return rng.pick([-2, -1.5, -1, -0.5, -0, 0, 0, 0.5, 1, 1.5, 2, NaN, Infinity, -Infinity]);
    case 'tiesFinite':
      return rng.pick([-2, -1.5, -1, -0.5, -0, 0, 0, 0.5, 1, 1.5, 2, Infinity, -Infinity]);
    case 'gridSpecial':
      if (special(0.15)) return rng.pick([NaN, Infinity, -Infinity]);
      return half ? rng.int(-2, 2) / 2 : rng.int(-8, 8) / 4;
    case 'grid':
      return half ? rng.int(-2, 2) / 2 : rng.int(-8, 8) / 4;
    case 'pow2':
      return rng.pick([1, -1, 1, -1, 1, -1, 1, -1, 2, -2, 0.5, -0.5]);
    case 'powBase':
      return special(0.1) ? rng.pick(SPECIALS) : special(0.25) ? rng.int(-8, 8) / 2 : Math.exp(rng.uniform(-2, 1.5));
    case 'powExp':
      return special(0.1) ? rng.pick(SPECIALS) : special(0.5) ? rng.int(-3, 3) : rng.uniform(-3, 3);
    case 'shift':
      return rng.int(0, 7);
    case 'softmax':
      return special(0.05) ? -Infinity : rng.uniform(-5, 5);
    case 'masked':
      return special(0.5) ? -Infinity : rng.uniform(-5, 5);
  }
}

/** The minimum, the maximum, -1 or 0 of an integer dtype. */
function extremes(dtype: DType, rng: Rng): Scalar {
  if (dtype === 'int64') return rng.pick([-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n]);
  const [lo, hi] = INT_RANGE[dtype] ?? [0, 1];
  return rng.pick([lo, hi, dtype === 'uint8' ? 1 : -1, 0]);
}

function intValue(rng: Rng, dtype: DType, domain: Domain): Scalar {
  const unsigned = dtype === 'uint8';
  switch (domain) {
    case 'any': {
      if (rng.float() < 0.05) return extremes(dtype, rng);
      if (dtype === 'int64') {
        const r = rng.float();
        return r < 0.4 ? BigInt(rng.int(-1000, 1000)) : r < 0.7 ? BigInt(rng.int(-(2 ** 31), 2 ** 31)) * 3n : rng.int64();
      }
      const [lo, hi] = INT_RANGE[dtype] ?? [0, 1];
      return rng.float() < 0.5 ? rng.int(lo, hi) : rng.int(unsigned ? 0 : -100, 100);
    }
    case 'divisor': {
      const v = rng.int(unsigned ? 1 : -9, 9);
      return v === 0 || v === -1 ? 3 : v;
    }
    case 'shift':
      return rng.int(0, (SHIFT_BITS[dtype] ?? 8) - 1);
    case 'powBase':
      return rng.int(unsigned ? 0 : -4, 4);
    case 'powExp':
      // large exponents wrap around
      return rng.int(0, rng.float() < 0.5 ? 6 : 40);
    case 'pow2':
      return unsigned ? rng.pick([1, 1, 1, 2]) : rng.pick([1, -1, 1, -1, 2, -2]);
    case 'ties':
    case 'tiesFinite':
      return rng.int(unsigned ? 0 : -2, unsigned ? 4 : 2);
    default:
      return rng.int(unsigned ? 0 : -3, 3);
  }
}

/**
 * One random value of `dtype` from `domain` (already rounded to the dtype).
 *
 * @example drawValue(rng, 'float16', 'unit') // 0.3701171875
 */
export function drawValue(rng: Rng, dtype: DType, domain: Domain): Scalar {
  if (dtype === 'bool') return rng.float() < 0.5 ? 1 : 0;
  if (isFloatDtype(dtype)) return castScalar(floatValue(rng, domain, dtype === 'float16' || dtype === 'bfloat16'), dtype);
  return castScalar(intValue(rng, dtype, domain), dtype);
}
