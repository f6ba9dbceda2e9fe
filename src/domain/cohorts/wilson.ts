/**
 * The Wilson score interval for a proportion. Unlike the textbook p ± 1.96·√(p(1−p)/n) it
 * never leaves [0, 1] and stays honest at 0/12 or 12/12, which is exactly where a small
 * cohort would otherwise look perfect or hopeless.
 */

/** Two-sided 95 % normal quantile. */
export const Z_95 = 1.959963984540054;

export interface Proportion {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
}

/** The 95 % Wilson interval of `numerator` successes out of `denominator` trials. */
export function wilson(numerator: number, denominator: number, z = Z_95): Proportion {
  if (denominator <= 0) return { numerator, denominator, rate: null, low: null, high: null };
  const n = denominator;
  const p = numerator / n;
  const z2 = z * z;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can push the ends a hair past 0 or 1 at p = 0 or 1.
  return { numerator, denominator, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** True when two intervals share no point (the scorecard's "significantly different"). */
export function intervalsDisjoint(a: Proportion, b: Proportion): boolean {
  if (a.low === null || a.high === null || b.low === null || b.high === null) return false;
  return a.high < b.low || b.high < a.low;
}
