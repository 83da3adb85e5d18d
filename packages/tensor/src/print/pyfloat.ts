import { pow10, roundHalfEven, toRational } from './rational.js';

/** Python's spelling of a non-finite float, or null when x is finite. */
function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  return null;
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/**
 * Python's `'{:.Nf}'.format(x)`: exact value, rounded half to even.
 *
 * @example
 * formatFixed(0.03125, 4); // '0.0312'
 * formatFixed(-0, 0);      // '-0'
 */
export function formatFixed(x: number, precision: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const { num, den } = toRational(Math.abs(x));
  const digits = roundHalfEven(num * pow10(precision), den).toString();
  if (precision === 0) return signOf(x) + digits;
  const padded = digits.padStart(precision + 1, '0');
  const cut = padded.length - precision;
  return `${signOf(x)}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

/** The decimal exponent e with 10^e <= num/den < 10^(e+1); num must be > 0. */
function decimalExponent(num: bigint, den: bigint, guess: number): number {
  let e = guess;
  const scaled = (k: number): [bigint, bigint] =>
    k >= 0 ? [num, den * pow10(k)] : [num * pow10(-k), den];
  for (;;) {
    const [n, d] = scaled(e);
    if (n < d) e -= 1;
    else if (n >= 10n * d) e += 1;
    else return e;
  }
}

/**
 * Python's `'{:.Ne}'.format(x)`: exact value, rounded half to even, at least
 * two exponent digits.
 *
 * @example
 * formatExp(12345.678, 4); // '1.2346e+04'
 * formatExp(1e-5, 2);      // '1.00e-05'
 */
export function formatExp(x: number, precision: number): string {
  const special = nonFinite(x);
  if (special !== null) return special;
  const a = Math.abs(x);
  let exp = 0;
  let digits = 0n;
  if (a !== 0) {
    const { num, den } = toRational(a);
    exp = decimalExponent(num, den, Math.floor(Math.log10(a)));
    const shift = precision - exp;
    digits = shift >= 0 ? roundHalfEven(num * pow10(shift), den) : roundHalfEven(num, den * pow10(-shift));
    if (digits >= pow10(precision + 1)) {
      digits /= 10n;
      exp += 1;
    }
  }
  const s = digits.toString().padStart(precision + 1, '0');
  const mantissa = precision === 0 ? s : `${s.slice(0, 1)}.${s.slice(1)}`;
  const expSign = exp < 0 ? '-' : '+';
  return `${signOf(x)}${mantissa}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
}
