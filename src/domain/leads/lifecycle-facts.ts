/**
 * Where a lifecycle stage's facts come from: the lead's derived call facts, or its calls cut
 * to an instant, and the suppression read off the one verdict (dnc-listed — which includes a
 * "do not call me" said on a call —, consent-withdrawn, anonymized). Nothing here re-judges.
 */
import type { Reason, ReasonCode } from '../compliance/verdict-types';
import type { Call } from './call';
import { callFacts } from './call-facts';
import type { Lead } from './lead';
import { lifecycleStage, type LifecycleFacts, type LifecycleResult, type Suppression, type SuppressionCause } from './lifecycle-stage';

const CAUSE_OF: Partial<Record<ReasonCode, SuppressionCause>> = {
  'dnc-listed': 'dnc',
  'consent-withdrawn': 'consent-withdrawn',
  anonymized: 'anonymized',
};

/**
 * The suppression a verdict's reasons describe, or undefined. `since` is the earliest start
 * among them (each still stands, so the lead has been suppressed since then); reasons without
 * dates (a cached row keeps only codes) give a suppression in force whenever asked.
 */
export function suppressionFromReasons(reasons: readonly (Pick<Reason, 'code'> & { since?: number | undefined })[]): Suppression | undefined {
  const causes: SuppressionCause[] = [];
  let since: number | undefined = Infinity;
  for (const r of reasons) {
    const cause = CAUSE_OF[r.code];
    if (!cause || causes.includes(cause)) continue;
    causes.push(cause);
    since = r.since === undefined || since === undefined || !Number.isFinite(r.since) ? undefined : Math.min(since, r.since);
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
export function lifecycleFactsAt(acquiredAt: number, calls: readonly Pick<Call, 'at' | 'outcome'>[], suppression: Suppression | undefined, at: number): LifecycleFacts {
  return { ...callFacts(calls.filter((c) => c.at <= at)), acquiredAt, suppression };
}

/**
 * The stage of one lead now, as a grid row or the drawer shows it: the lead's stored call facts
 * and the verdict's reasons at `now`. `dormantMs` is `dormantPeriodMs(settings.dormantDays)`.
 */
export function leadLifecycle(lead: FactsLead, reasons: Parameters<typeof suppressionFromReasons>[0], now: number, dormantMs: number): LifecycleResult {
  return lifecycleStage(lifecycleFactsOf(lead, suppressionFromReasons(reasons)), now, dormantMs);
}
