/**
 * A time axis with its gaps: the aggregate lists only periods that hold leads, so a chart
 * drawn from it puts Q1 2023 right next to Q2 2025. These are every period of the grain from
 * the first to the last, each marked whether it holds data, so an empty period takes its
 * place on the axis (an empty slot among bars, a break in a line — never a 0).
 */
import { cohortKey, nextPeriodStart, type CohortGrain } from '../time/calendar';

export interface AxisPeriod {
  key: string;
  start: number;
  /** Index of the period in the input list, or −1 for a gap. */
  index: number;
}

/** Upper bound on filled periods (≈ 27 years of days): past it gaps are left unfilled. */
export const MAX_AXIS_PERIODS = 10_000;

/**
 * Every period from the first to the last of `periods` (ascending, keys of `grain` in
 * `timeZone`), the missing ones with index −1. Returns the input unfilled past `limit`.
 */
export function fillPeriodGaps(
  periods: readonly { key: string; start: number }[],
  grain: CohortGrain,
  timeZone: string,
  limit = MAX_AXIS_PERIODS,
): AxisPeriod[] {
  const plain = () => periods.map((p, index) => ({ key: p.key, start: p.start, index }));
  if (periods.length < 2) return plain();
  const out: AxisPeriod[] = [];
  let next = 0;
  let start = periods[0]!.start;
  const last = periods[periods.length - 1]!.start;
  while (start <= last) {
    if (out.length >= limit) return plain();
    const p = periods[next];
    if (p && p.start === start) {
      out.push({ key: p.key, start, index: next++ });
    } else {
      out.push({ key: cohortKey(start, grain, timeZone), start, index: -1 });
    }
    start = nextPeriodStart(start, grain, timeZone);
  }
  return out;
}
