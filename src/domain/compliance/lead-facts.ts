/** The per-lead compliance facts that grids, filters and exports show, all read off one verdict. */
import type { ConsentFilterState, DncFilterState, LeadDerived } from '../leads/lead-filter';
import type { Lead } from '../leads/lead';
import type { VerdictFacts } from './verdict';
import type { Verdict } from './verdict-types';

/**
 * Consent as the grid shows it: valid, expiring within the notice window, expired, missing or
 * withdrawn. "Expiring" opens at the verdict's own notice instant (a count of local calendar
 * days before expiry), so the filter and the `consent-expiring` reason agree across DST.
 */
export function consentFilterState(
  facts: Pick<VerdictFacts, 'consent' | 'consentNoticeFrom'>,
  at: number,
): ConsentFilterState {
  if (facts.consent.status !== 'valid') return facts.consent.status;
  return facts.consentNoticeFrom !== undefined && at >= facts.consentNoticeFrom ? 'expiring' : 'valid';
}

/** DNC state as the grid shows it; a listing wins over staleness, staleness over a clear check. */
export function dncFilterState(lead: Pick<Lead, 'dncStatus'>, v: Verdict): DncFilterState {
  if (v.reasons.some((r) => r.code === 'dnc-listed')) return 'listed';
  if (lead.dncStatus === 'unchecked') return 'unchecked';
  if (v.reasons.some((r) => r.code === 'dnc-check-stale')) return 'stale';
  return lead.dncStatus === 'listed' ? 'listed' : 'clear';
}

/** Everything a filter needs about one lead, from its judgement. */
export function leadDerived(j: { verdict: Verdict; consent: ConsentFilterState; dnc: DncFilterState }): LeadDerived {
  return {
    consent: j.consent,
    dnc: j.dnc,
    reasons: j.verdict.reasons.map((r) => r.code),
    callable: j.verdict.callable,
  };
}

/**
 * The slow part of a judgement, as a cached row keeps it: every reason but the calling hours,
 * "callable" meaning nothing but the hours blocks, and when any of it may next change. The hours
 * are read per question from the lead's zone (FilterContext.outsideHours). `history` is the
 * lead's history flags (historyFlagsOf), kept beside the judgement for the cohorts.
 */
export function slowDerived(
  j: {
    verdict: Verdict;
    facts: Pick<VerdictFacts, 'nextChangeAt' | 'consent' | 'retentionDeadline'>;
    consent: ConsentFilterState;
    dnc: DncFilterState;
  },
  history = 0,
): LeadDerived {
  const reasons = j.verdict.reasons.filter((r) => r.code !== 'outside-calling-hours');
  const expires = j.facts.consent.status === 'valid' ? j.facts.consent.expiresAt : undefined;
  return {
    consent: j.consent,
    dnc: j.dnc,
    reasons: reasons.map((r) => r.code),
    callable: reasons.every((r) => r.severity !== 'block'),
    nextChange: j.facts.nextChangeAt,
    ...(expires !== undefined ? { consentExpiresAt: expires } : {}),
    retentionDeadline: j.facts.retentionDeadline,
    history,
  };
}
