/** A finite non-negative double as an exact fraction `num / den` of BigInts. */
export interface Rational {
  num: bigint;
  den: bigint;
}

const view = new DataView(new ArrayBuffer(8));

/**
 * The exact value of a finite non-negative double as a fraction whose
 * denominator is a power of two.
 *
 * @example
 * toRational(0.75); // { num: 3n, den: 4n } (up to scaling)
 */
export function toRational(x: number): Rational {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp = -1074;
  if (biased !== 0) {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  return exp >= 0 ? { num: mant << BigInt(exp), den: 1n } : { num: mant, den: 1n << BigInt(-exp) };
}

/**
 * `num / den` rounded to the nearest integer, ties to even (Python's rule).
 *
 * @example
 * roundHalfEven(5n, 2n); // 2n
 */
export function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && q % 2n === 1n)) return q + 1n;
  return q;
}

/**
 * 10 to a non-negative integer power, as a BigInt.
 *
 * @example
 * pow10(3); // 1000n
 */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}
