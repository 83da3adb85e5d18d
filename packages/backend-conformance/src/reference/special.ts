// erf, erfc and erfinv in double precision, from their series and continued
// fraction (slow and simple; accurate to ~1e-14).

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf by the all-positive series erf(x) = 2/√π e^{-x²} Σ 2^n x^{2n+1} / (1·3·…·(2n+1)), for |x| < 3. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** erfc(x) for x ≥ 3 by its continued fraction, evaluated backwards. */
function erfcFraction(x: number): number {
  let f = x;
  for (let n = 60; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/**
 * The error function.
 *
 * @example erf(1) // 0.8427007929497149
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return x;
  const a = Math.abs(x);
  const r = a < 3 ? erfSeries(a) : 1 - erfcFraction(a);
  return x < 0 ? -r : r;
}

/**
 * The complementary error function 1 - erf(x), accurate in the tails.
 *
 * @example erfc(5) // 1.5374597944280349e-12
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  const upper = a < 3 ? 1 - erfSeries(a) : erfcFraction(a);
  return x < 0 ? 2 - upper : upper;
}

/**
 * The inverse error function (±Inf at ±1, NaN outside [-1, 1]), by Newton steps on `erf`.
 *
 * @example erfinv(0.5) // 0.4769362762044699
 */
export function erfinv(y: number): number {
  if (Number.isNaN(y) || y < -1 || y > 1) return NaN;
  if (y === 1) return Infinity;
  if (y === -1) return -Infinity;
  if (y === 0) return y;
  // Giles' single-precision approximation as the starting point
  const w = -Math.log((1 - y) * (1 + y));
  let x: number;
  if (w < 5) {
    const t = w - 2.5;
    let p = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) p = c + p * t;
    x = p * y;
  } else {
    const t = Math.sqrt(w) - 3;
    let p = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) p = c + p * t;
    x = p * y;
  }
  // Newton on erf(x) - y, written with erfc near ±1 to keep its precision
  for (let i = 0; i < 4; i++) {
    const residual = y > 0.5 ? 1 - y - erfc(x) : y < -0.5 ? erfc(-x) - (1 + y) : erf(x) - y;
    x -= residual / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
  }
  return x;
}
