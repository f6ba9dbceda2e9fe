/** Counts over many verdicts: per reason, and the totals a summary shows. */
import { REASON_CODES, type ReasonCode, type Verdict } from './verdict-types';

/** How many verdicts carry each reason (a lead with several reasons counts once under each). */
export function countByReason(verdicts: readonly Verdict[]): Record<ReasonCode, number> {
  const counts = Object.fromEntries(REASON_CODES.map((c) => [c, 0])) as Record<ReasonCode, number>;
  for (const v of verdicts) for (const code of new Set(v.reasons.map((r) => r.code))) counts[code] += 1;
  return counts;
}

/** Totals for a set of verdicts: how many, how many callable, and the count per reason. */
export function verdictSummary(verdicts: readonly Verdict[]): {
  total: number;
  callable: number;
  byReason: Record<ReasonCode, number>;
} {
  return {
    total: verdicts.length,
    callable: verdicts.filter((v) => v.callable).length,
    byReason: countByReason(verdicts),
  };
}
