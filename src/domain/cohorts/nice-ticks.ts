/**
 * Even y-axis ticks: 0 and equal steps of 1, 2, 2.5 or 5 × 10^k up to at least the highest
 * value, so a rate axis reads 0 %, 10 %, 20 %… and never 0 %, 4.5 %, 9 %… A rate axis
 * stops at 100 %.
 */
const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks from 0 to the first step at or above `max`, about `count` of them. */
export function niceTicks(max: number, count = 5, cap = Infinity): number[] {
  const top = Math.min(Number.isFinite(max) && max > 0 ? max : 1, cap);
  const raw = top / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = STEPS.map((s) => s * power).find((s) => s >= raw * (1 - 1e-9))!;
  const ticks: number[] = [];
  // Rounding each tick to the step's precision keeps 0.30000000000000004 out of labels.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let i = 0; ; i++) {
    const v = Number((i * step).toFixed(digits));
    ticks.push(Math.min(v, cap));
    if (v >= top * (1 - 1e-9) || v >= cap) break;
  }
  return ticks;
}
