/** The per-lead compliance facts that grids, filters and exports show, all read off one verdict. */
import type { ConsentFilterState, DncFilterState, LeadDerived } from '../leads/lead-filter';
import type { Lead } from '../leads/lead';
import { consentStateAt } from './consent';
import type { EffectiveRules } from './policies';
import type { LeadHistory, Verdict } from './verdict-types';

/** Consent as the grid shows it: valid, expiring within the notice window, expired, missing or withdrawn. */
export function consentFilterState(history: LeadHistory, rules: EffectiveRules, at: number): ConsentFilterState {
  const state = consentStateAt(history.consents, 'calls', rules, at);
  if (state.status !== 'valid') return state.status;
  const noticeMs = rules.consentNoticeDays.value * 86_400_000;
  return state.expiresAt !== undefined && state.expiresAt - at <= noticeMs ? 'expiring' : 'valid';
}

/** DNC state as the grid shows it; a listing wins over staleness, staleness over a clear check. */
export function dncFilterState(lead: Pick<Lead, 'dncStatus'>, v: Verdict): DncFilterState {
  if (v.reasons.some((r) => r.code === 'dnc-listed')) return 'listed';
  if (lead.dncStatus === 'unchecked') return 'unchecked';
  if (v.reasons.some((r) => r.code === 'dnc-check-stale')) return 'stale';
  return lead.dncStatus === 'listed' ? 'listed' : 'clear';
}

/** Everything a filter needs about one lead, from its verdict and history. */
export function leadDerived(lead: Lead, history: LeadHistory, rules: EffectiveRules, v: Verdict, at: number): LeadDerived {
  return {
    consent: consentFilterState(history, rules, at),
    dnc: dncFilterState(lead, v),
    reasons: v.reasons.map((r) => r.code),
    callable: v.callable,
  };
}
