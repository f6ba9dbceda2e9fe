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

/**
 * The precedence rule alone, on plain numbers (NaN: never), for loops over a million leads
 * (the Cohorts stage mix). `lastActivityAt` is the latest of acquisition and every attempt.
 */
export function stageAt(
  suppressed: boolean,
  lastActivityAt: number,
  firstContactAt: number,
  firstConnectedAt: number,
  convertedAt: number,
  at: number,
  dormantMs: number,
): LifecycleStage {
  if (suppressed) return 'suppressed';
  if (convertedAt <= at) return 'converted';
  if (at >= lastActivityAt + dormantMs) return 'dormant';
  if (firstConnectedAt <= at) return 'engaged';
  if (firstContactAt <= at) return 'contacted';
  return 'new';
}

const known = (t: number | undefined, at: number): number => (seen(t, at) ? t : NaN);

/**
 * Where the dormant clock starts at `at`: the latest of the acquisition and every contact fact
 * known by then (NaN or later: not counted). A connect or conversion is an attempt too.
 */
export function lastActivityAt(
  acquiredAt: number,
  firstContactAt: number,
  lastContactAt: number,
  firstConnectedAt: number,
  convertedAt: number,
  at: number,
): number {
  let last = acquiredAt;
  if (firstContactAt <= at && firstContactAt > last) last = firstContactAt;
  if (lastContactAt <= at && lastContactAt > last) last = lastContactAt;
  if (firstConnectedAt <= at && firstConnectedAt > last) last = firstConnectedAt;
  if (convertedAt <= at && convertedAt > last) last = convertedAt;
  return last;
}

/** The lead's lifecycle stage at `at`, with when it began and when it next changes. */
export function lifecycleStage(facts: LifecycleFacts, at: number, dormantMs: number): LifecycleResult {
  const { acquiredAt, firstContactAt, lastContactAt, firstConnectedAt, convertedAt, suppression } = facts;
  // The dormant clock restarts at every attempt; an untouched lead ages from its acquisition.
  const lastActivity = lastActivityAt(
    acquiredAt,
    known(firstContactAt, at),
    known(lastContactAt, at),
    known(firstConnectedAt, at),
    known(convertedAt, at),
    at,
  );
  const dormantFrom = lastActivity + dormantMs;
  // Facts dated after `at` become known later: each is a possible change.
  let nextChangeAt = Infinity;
  const consider = (t: number | undefined) => {
    if (t !== undefined && t > at && t < nextChangeAt) nextChangeAt = t;
  };
  for (const t of [firstContactAt, lastContactAt, firstConnectedAt, convertedAt]) consider(t);
  const suppressed =
    suppression !== undefined &&
    (suppression.since === undefined || suppression.since <= at) &&
    !(suppression.until !== undefined && suppression.until <= at);
  const stage = stageAt(
    suppressed,
    lastActivity,
    known(firstContactAt, at),
    known(firstConnectedAt, at),
    known(convertedAt, at),
    at,
    dormantMs,
  );
  const base = { stage, lastActivityAt: lastActivity, dormantFrom };
  switch (stage) {
    case 'suppressed':
      // Underneath, the lead keeps ageing; only the suppression lifting shows it.
      return { ...base, since: suppression!.since, nextChangeAt: suppression!.until ?? Infinity };
    case 'converted':
      consider(suppression?.since);
      return { ...base, since: convertedAt, nextChangeAt };
    case 'dormant':
      consider(suppression?.since);
      return { ...base, since: dormantFrom, nextChangeAt };
    default:
      consider(suppression?.since);
      consider(dormantFrom);
      return {
        ...base,
        since: stage === 'engaged' ? firstConnectedAt : stage === 'contacted' ? firstContactAt : acquiredAt,
        nextChangeAt,
      };
  }
}
