/** How many of the newest cohorts a view shows when the URL names no range: enough to read, few enough to hover. */
import type { CohortGrain } from '../../../domain/time/calendar';

export const DEFAULT_COHORTS: Record<CohortGrain, number> = { day: 31, week: 13, month: 12, quarter: 8 };

/** The cohort cap for a view: none when the user chose a start of range. */
export function cohortCap(grain: CohortGrain, from: string | undefined): number {
  return from ? Infinity : DEFAULT_COHORTS[grain];
}
