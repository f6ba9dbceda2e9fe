import { describe, expect, it } from 'vitest';
import { intervalsDisjoint, wilson } from './wilson';

describe('wilson: the 95 % Wilson score interval, against hand-computed values', () => {
  // low/high = (p + z²/2n ∓ z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964, worked to 4 places.
  it.each([
    { k: 0, n: 10, rate: 0, low: 0, high: 0.2775, why: 'none of 10: still up to 28 % is plausible' },
    { k: 5, n: 10, rate: 0.5, low: 0.2366, high: 0.7634, why: 'half of 10' },
    { k: 10, n: 10, rate: 1, low: 0.7225, high: 1, why: 'all of 10 is not proof of 100 %' },
    { k: 1, n: 12, rate: 1 / 12, low: 0.0149, high: 0.3539, why: 'a cohort of 12 leads' },
    { k: 6, n: 12, rate: 0.5, low: 0.2538, high: 0.7462, why: 'six of twelve' },
    { k: 81, n: 263, rate: 81 / 263, low: 0.2553, high: 0.3662, why: 'a mid-sized cohort' },
    { k: 1200, n: 12000, rate: 0.1, low: 0.0948, high: 0.1055, why: 'a cohort of 12,000 is read within ±0.5 points' },
    { k: 0, n: 1, rate: 0, low: 0, high: 0.7935, why: 'a single lead tells almost nothing' },
    { k: 1, n: 1, rate: 1, low: 0.2065, high: 1, why: 'nor does a single success' },
    { k: 3, n: 30, rate: 0.1, low: 0.0346, high: 0.2562, why: 'the smallest cohort not marked small' },
  ])('$k / $n — $why', ({ k, n, rate, low, high }) => {
    const w = wilson(k, n);
    expect(w.numerator).toBe(k);
    expect(w.denominator).toBe(n);
    expect(w.rate).toBeCloseTo(rate, 12);
    expect(w.low).toBeCloseTo(low, 4);
    expect(w.high).toBeCloseTo(high, 4);
  });

  it('has no rate and no interval without a denominator', () => {
    expect(wilson(0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null, low: null, high: null });
  });

  it('always contains the rate and stays inside [0, 1]', () => {
    for (let n = 1; n <= 60; n++)
      for (let k = 0; k <= n; k++) {
        const w = wilson(k, n);
        expect(w.low!).toBeGreaterThanOrEqual(0);
        expect(w.high!).toBeLessThanOrEqual(1);
        expect(w.low!).toBeLessThanOrEqual(w.rate! + 1e-12);
        expect(w.high!).toBeGreaterThanOrEqual(w.rate! - 1e-12);
      }
  });

  it('calls two intervals disjoint only when they share no point', () => {
    expect(intervalsDisjoint(wilson(10, 100), wilson(40, 100))).toBe(true);
    expect(intervalsDisjoint(wilson(10, 100), wilson(15, 100))).toBe(false);
    expect(intervalsDisjoint(wilson(0, 0), wilson(40, 100))).toBe(false);
  });
});
