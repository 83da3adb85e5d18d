// fma/fmaf against exact arithmetic: operands are scaled to integers (BigInt),
// a*b + c is computed exactly and rounded once, to nearest-even.
import { describe, expect, it } from 'vitest';
import { fma, fmaf } from './fma.js';
import { logAvx, sincosAvx, sincosOut } from './avxMath.js';

const SCALE = 64n; // operands have |x| >= 2^-8 and at most 53 bits: x * 2^64 is an integer

/** x * 2^64 as an exact BigInt. */
function scaled(x: number): bigint {
  return BigInt(x * 2 ** 64);
}

/** The exact value num / 2^shift rounded to `bits` significant bits, ties to even. */
function roundExact(num: bigint, shift: bigint, bits: number): number {
  if (num === 0n) return 0;
  const neg = num < 0n;
  let mag = neg ? -num : num;
  const len = mag.toString(2).length;
  let exp = -shift;
  const drop = BigInt(Math.max(0, len - bits));
  if (drop > 0n) {
    const rest = mag & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    mag >>= drop;
    exp += drop;
    if (rest > half || (rest === half && (mag & 1n) === 1n)) mag += 1n;
  }
  const v = Number(mag) * 2 ** Number(exp);
  return neg ? -v : v;
}

/** A pseudo-random value with |x| in [2^-8, 2^8), rounded with `round`. */
function operand(seed: number, round: (x: number) => number): number {
  const m = Math.sin(seed * 12.9898) * 43758.5453;
  const frac = m - Math.floor(m);
  const e = Math.floor((Math.cos(seed * 7.233) * 0.5 + 0.5) * 16) - 8;
  return round((seed % 2 === 0 ? 1 : -1) * (1 + frac) * 2 ** e);
}

describe('fused multiply-add emulation', () => {
  it('fma(a, b, c) is a*b + c rounded once to double', () => {
    for (let i = 1; i <= 20000; i++) {
      const [a, b, c] = [operand(i, Number), operand(i + 0.5, Number), operand(i + 0.25, Number)];
      const exact = scaled(a) * scaled(b) + (scaled(c) << SCALE);
      expect(fma(a, b, c), `${a} * ${b} + ${c}`).toBe(roundExact(exact, 2n * SCALE, 53));
    }
  });

  it('fmaf(a, b, c) is a*b + c rounded once to float32, including double-rounding traps', () => {
    const f = Math.fround;
    for (let i = 1; i <= 20000; i++) {
      const [a, b, c] = [operand(i, f), operand(i + 0.5, f), operand(i + 0.25, f)];
      const exact = scaled(a) * scaled(b) + (scaled(c) << SCALE);
      expect(fmaf(a, b, c), `${a} * ${b} + ${c}`).toBe(roundExact(exact, 2n * SCALE, 24));
    }
    // a trap for a double-then-float rounding: (1 + 2^-23)(1 - 2^-24) + (2^-47 + 2^-70) is
    // 1 + 2^-24 + 2^-70, which double rounds onto the float32 tie 1 + 2^-24 (then to even, 1)
    const a = f(1 + 2 ** -23);
    const b = f(1 - 2 ** -24);
    const c = f(2 ** -47 + 2 ** -70);
    const s80 = (x: number) => BigInt(x * 2 ** 80);
    const exact = s80(a) * s80(b) + (s80(c) << 80n);
    expect(roundExact(exact, 160n, 24)).toBe(1 + 2 ** -23);
    expect(fmaf(a, b, c)).toBe(1 + 2 ** -23);
  });
});

describe('the AVX2 float32 log and sincos ports', () => {
  it('stay within a few float32 ulps of the true functions on (0, 1] and [0, 2π)', () => {
    for (let i = 1; i <= 4096; i++) {
      const u = Math.fround(i / 4096);
      const l = logAvx(u);
      expect(Math.abs(l - Math.log(u))).toBeLessThanOrEqual(4 * 2 ** -24 * Math.max(1, Math.abs(Math.log(u))));
      const t = Math.fround(2 * Math.PI * (i / 4096));
      sincosAvx(t);
      expect(Math.abs(sincosOut.sin - Math.sin(t))).toBeLessThan(2 ** -21);
      expect(Math.abs(sincosOut.cos - Math.cos(t))).toBeLessThan(2 ** -21);
    }
    expect(Number.isNaN(logAvx(0))).toBe(true);
  });
});
