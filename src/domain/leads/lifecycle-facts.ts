/**
 * Where a lifecycle stage's facts come from: the lead's derived call facts, or its calls cut
 * to an instant, and the suppression read off the one verdict (dnc-listed — which includes a
 * "do not call me" said on a call —, consent-withdrawn, anonymized). Nothing here re-judges.
 */
import type { Reason, ReasonCode } from '../compliance/verdict-types';
import type { Call } from './call';
import { callFacts } from './call-facts';
import type { Lead } from './lead';
import {
  lifecycleStage,
  stageAt,
  type LifecycleFacts,
  type LifecycleResult,
  type LifecycleStage,
  type Suppression,
  type SuppressionCause,
} from './lifecycle-stage';

const CAUSE_OF: Partial<Record<ReasonCode, SuppressionCause>> = {
  'dnc-listed': 'dnc',
  'consent-withdrawn': 'consent-withdrawn',
  anonymized: 'anonymized',
};

/** The verdict reasons that suppress a lead (its stage is then "suppressed"). */
export const SUPPRESSING_REASONS = Object.keys(CAUSE_OF) as ReasonCode[];

/**
 * The suppression a verdict's reasons describe, or undefined. `since` is the earliest start
 * among them (each still stands, so the lead has been suppressed since then); reasons without
 * dates (a cached row keeps only codes) give a suppression in force whenever asked.
 */
export function suppressionFromReasons(
  reasons: readonly (Pick<Reason, 'code'> & { since?: number | undefined })[],
): Suppression | undefined {
  const causes: SuppressionCause[] = [];
  let since: number | undefined = Infinity;
  for (const r of reasons) {
    const cause = CAUSE_OF[r.code];
    if (!cause || causes.includes(cause)) continue;
    causes.push(cause);
    since =
      r.since === undefined || since === undefined || !Number.isFinite(r.since) ? undefined : Math.min(since, r.since);
  }
  if (causes.length === 0) return undefined;
  return since === undefined || !Number.isFinite(since) ? { causes } : { causes, since };
}

type FactsLead = Pick<Lead, 'acquiredAt' | 'firstContactAt' | 'lastContactAt' | 'firstConnectedAt' | 'convertedAt'>;

/** The facts of a lead as stored now (exact for any instant at or after its last contact). */
export function lifecycleFactsOf(lead: FactsLead, suppression?: Suppression): LifecycleFacts {
  const { acquiredAt, firstContactAt, lastContactAt, firstConnectedAt, convertedAt } = lead;
  return { acquiredAt, firstContactAt, lastContactAt, firstConnectedAt, convertedAt, suppression };
}

/** The facts as they stood at `at`: only calls made at or before it count. */
export function lifecycleFactsAt(
  acquiredAt: number,
  calls: readonly Pick<Call, 'at' | 'outcome'>[],
  suppression: Suppression | undefined,
  at: number,
): LifecycleFacts {
  return { ...callFacts(calls.filter((c) => c.at <= at)), acquiredAt, suppression };
}

/**
 * The stage of one lead now, as a grid row or the drawer shows it: the lead's stored call facts
 * and the verdict's reasons at `now`. `dormantMs` is `dormantPeriodMs(settings.dormantDays)`.
 */
export function leadLifecycle(
  lead: FactsLead,
  reasons: Parameters<typeof suppressionFromReasons>[0],
  now: number,
  dormantMs: number,
): LifecycleResult {
  return lifecycleStage(lifecycleFactsOf(lead, suppressionFromReasons(reasons)), now, dormantMs);
}

/**
 * The stage read off a lead's stored facts, every one taken as known (calls are recorded when
 * they happen): what the grid's stage column shows and its filter selects, on plain values so
 * the columnar index answers a million rows with the very rule the reference filter uses.
 * `lastContactAt` is NaN when never attempted. For a lead with no fact dated after `now` it
 * equals `leadLifecycle(…).stage`.
 */
export function storedStage(
  facts: { acquiredAt: number; lastContactAt: number; contacted: boolean; connected: boolean; converted: boolean },
  suppressed: boolean,
  now: number,
  dormantMs: number,
): LifecycleStage {
  const { acquiredAt, lastContactAt } = facts;
  const lastActivity = lastContactAt > acquiredAt ? lastContactAt : acquiredAt;
  const ever = (b: boolean) => (b ? -Infinity : NaN);
  return stageAt(
    suppressed,
    lastActivity,
    ever(facts.contacted),
    ever(facts.connected),
    ever(facts.converted),
    now,
    dormantMs,
  );
}

/** `storedStage` of a lead object with its verdict's reason codes. */
export function storedStageOf(
  lead: Pick<Lead, 'acquiredAt' | 'lastContactAt' | 'attempts' | 'firstConnectedAt' | 'convertedAt'>,
  reasons: readonly ReasonCode[],
  now: number,
  dormantMs: number,
): LifecycleStage {
  return storedStageOfRow(
    { ...lead, connected: lead.firstConnectedAt !== undefined, converted: lead.convertedAt !== undefined },
    reasons,
    now,
    dormantMs,
  );
}

/** `storedStage` of a row whose connection and conversion are known only as facts (the engine's columns). */
export function storedStageOfRow(
  row: Pick<Lead, 'acquiredAt' | 'lastContactAt' | 'attempts'> & { connected: boolean; converted: boolean },
  reasons: readonly ReasonCode[],
  now: number,
  dormantMs: number,
): LifecycleStage {
  return storedStage(
    {
      acquiredAt: row.acquiredAt,
      lastContactAt: row.lastContactAt ?? NaN,
      contacted: row.attempts > 0,
      connected: row.connected,
      converted: row.converted,
    },
    reasons.some((r) => r in CAUSE_OF),
    now,
    dormantMs,
  );
}
