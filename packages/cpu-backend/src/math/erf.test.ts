import { describe, expect, it } from 'vitest';
import { erf, erfc, erfinv } from './erf.js';

/** |got - want| in units of want's last place. */
function ulps(got: number, want: number): number {
  const ulp = Math.max(Number.MIN_VALUE, Math.abs(want) * Number.EPSILON);
  return Math.abs(got - want) / ulp;
}

// expected values from torch.erf / torch.erfc (float64) and mpmath.erfinv (50 digits)
describe('erf', () => {
  it('erf is float64-accurate', () => {
    const xs = [-3, -0.5, 1e-10, 0.7, 2, 4.5];
    const want = [-0.9999779095030014, -0.5204998778130465, 1.1283791670955126e-10, 0.6778011938374184, 0.9953222650189527, 0.9999999998033839];
    xs.forEach((x, i) => expect(ulps(erf(x), want[i]!)).toBeLessThanOrEqual(4));
    expect(erf(-0)).toBe(-0);
    expect(erf(Infinity)).toBe(1);
    expect(erf(NaN)).toBeNaN();
  });

  it('erfc keeps relative accuracy in the tail', () => {
    const xs = [-1, 0.3, 1, 3, 10];
    const want = [1.8427007929497148, 0.6713732405408726, 0.15729920705028513, 2.209049699858544e-5, 2.088487583762545e-45];
    xs.forEach((x, i) => expect(ulps(erfc(x), want[i]!)).toBeLessThanOrEqual(6));
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(Infinity)).toBe(0);
  });

  it('erfinv inverts erf', () => {
    const ys = [-0.999, -0.3, 1e-12, 0.9, 0.999999];
    const want = [-2.3267537655135246, -0.2724627147267543, 8.86226925452758e-13, 1.1630871536766743, 3.458910737275499];
    ys.forEach((y, i) => expect(ulps(erfinv(y), want[i]!)).toBeLessThanOrEqual(10));
    expect(erfinv(0.5)).toBeCloseTo(0.4769362762044699, 15);
    expect(erfinv(1)).toBe(Infinity);
    expect(erfinv(-1.5)).toBeNaN();
  });
});
