import { describe, expect, it } from 'vitest';
import { GcPressure } from './gcPressure.js';

describe('GcPressure', () => {
  it('collects above the floor, then above twice the level memory fell back to', () => {
    let calls = 0;
    const p = new GcPressure(100, () => void calls++);
    p.allocated(100);
    expect(calls).toBe(0);
    p.allocated(101);
    expect(calls).toBe(1);
    // until the finalizers give memory back, only doubling asks again
    p.allocated(200);
    expect(calls).toBe(1);
    p.allocated(203);
    expect(calls).toBe(2);
    // memory falls back to 70: the next threshold is 140
    p.released(70);
    p.allocated(140);
    expect(calls).toBe(2);
    p.allocated(141);
    expect(calls).toBe(3);
    expect(p.collections).toBe(3);
  });

  it('never collects without a collector', () => {
    const p = new GcPressure(0, undefined);
    p.allocated(1e9);
    expect(p.collections).toBe(0);
  });
});
