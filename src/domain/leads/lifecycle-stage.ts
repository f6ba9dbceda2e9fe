/**
 * A lead's lifecycle stage (docs/lifecycle.md): derived from its timestamps at an instant, never
 * set by hand. Precedence, first that holds wins:
 *   suppressed > converted > dormant > engaged > contacted > new.
 * Dormancy is measured in elapsed milliseconds (days × 86,400,000), not local calendar days:
 * inactivity is a duration, and a stage must not depend on the zone it is read in or on a DST
 * change falling inside the period. So this module needs no calendar and no zone at all.
 */

export const LIFECYCLE_STAGES = ['new', 'contacted', 'engaged', 'converted', 'dormant', 'suppressed'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const SUPPRESSION_CAUSES = ['dnc', 'consent-withdrawn', 'anonymized'] as const;
export type SuppressionCause = (typeof SUPPRESSION_CAUSES)[number];

export const MS_PER_DORMANT_DAY = 86_400_000;
/** The organisation's default dormant period, in days of 24 h. */
export const DEFAULT_DORMANT_DAYS = 90;
export const MIN_DORMANT_DAYS = 1;
export const MAX_DORMANT_DAYS = 3650;

/** The dormant period as a duration: whole days of exactly 24 h (DST plays no part). */
export function dormantPeriodMs(days: number): number {
  return days * MS_PER_DORMANT_DAY;
}

/** A suppression standing on the lead: what causes it and since when (unknown `since`: in force whenever asked). */
export interface Suppression {
  causes: SuppressionCause[];
  since?: number | undefined;
  /** When it lifts by itself, if known (none of today's causes does). */
  until?: number | undefined;
}

/**
 * What the stage is read from, as known at the instant asked about (see `lifecycleFactsAt`
 * for a past instant). Contact times are the lead's derived call facts: an attempt is any
 * call; a connect a call a live person answered; a conversion a call with outcome converted.
 */
export interface LifecycleFacts {
  acquiredAt: number;
  firstContactAt?: number | undefined;
  lastContactAt?: number | undefined;
  firstConnectedAt?: number | undefined;
  convertedAt?: number | undefined;
  suppression?: Suppression | undefined;
}

export interface LifecycleResult {
  stage: LifecycleStage;
  /** The instant the current stage began (undefined: a suppression of unknown start). */
  since: number | undefined;
  /** The last attempt, or the acquisition when never attempted: where the dormant clock starts. */
  lastActivityAt: number;
  /** lastActivityAt + the dormant period. */
  dormantFrom: number;
  /**
   * The first instant after `at` at which the stage changes if nothing new is recorded
   * (dormancy beginning, a dated fact passed in that lies after `at`, a suppression starting
   * or lifting); Infinity when only a new event can change it. The stage is the same at every
   * instant in [at, nextChangeAt).
   */
  nextChangeAt: number;
}

const seen = (t: number | undefined, at: number): t is number => t !== undefined && t <= at;

/** The lead's lifecycle stage at `at`, with when it began and when it next changes. */
export function lifecycleStage(facts: LifecycleFacts, at: number, dormantMs: number): LifecycleResult {
  const { acquiredAt, firstContactAt, lastContactAt, firstConnectedAt, convertedAt, suppression } = facts;
  // The dormant clock restarts at every attempt (a connect is an attempt too); an untouched lead ages from its acquisition.
  let lastActivityAt = acquiredAt;
  for (const t of [firstContactAt, lastContactAt, firstConnectedAt, convertedAt]) if (seen(t, at) && t > lastActivityAt) lastActivityAt = t;
  const dormantFrom = lastActivityAt + dormantMs;
  // Facts dated after `at` become known later: each is a possible change.
  let nextChangeAt = Infinity;
  const consider = (t: number | undefined) => {
    if (t !== undefined && t > at && t < nextChangeAt) nextChangeAt = t;
  };
  for (const t of [firstContactAt, lastContactAt, firstConnectedAt, convertedAt]) consider(t);
  const base = { lastActivityAt, dormantFrom };

  if (suppression && (suppression.since === undefined || suppression.since <= at) && !(suppression.until !== undefined && suppression.until <= at)) {
    // Underneath, the lead keeps ageing; only the suppression lifting shows it.
    return { stage: 'suppressed', since: suppression.since, ...base, nextChangeAt: suppression.until ?? Infinity };
  }
  if (suppression?.since !== undefined && suppression.since > at) consider(suppression.since);
  if (seen(convertedAt, at)) return { stage: 'converted', since: convertedAt, ...base, nextChangeAt };
  if (at >= dormantFrom) return { stage: 'dormant', since: dormantFrom, ...base, nextChangeAt };
  consider(dormantFrom);
  if (seen(firstConnectedAt, at)) return { stage: 'engaged', since: firstConnectedAt, ...base, nextChangeAt };
  if (seen(firstContactAt, at)) return { stage: 'contacted', since: firstContactAt, ...base, nextChangeAt };
  return { stage: 'new', since: acquiredAt, ...base, nextChangeAt };
}
