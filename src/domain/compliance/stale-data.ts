/** Stale lead data: acquired or last verified too long ago to trust (a warning: verify or discard). */
import { addMonths } from '../time/calendar';
import type { EffectiveRules } from './policies';
import type { VerdictLead } from './verdict-types';

export interface StaleDataState {
  stale: boolean;
  /** The instant the data turns (or turned) stale. */
  staleFrom: number;
  /** The later of acquisition and the last verification known at `at`. */
  freshAt: number;
}

/** Whether the lead's data is older than the stale threshold at `at`; a verification after `at` is not yet known. */
export function staleDataAt(
  lead: Pick<VerdictLead, 'acquiredAt' | 'verifiedAt'>,
  rules: Pick<EffectiveRules, 'staleMonths' | 'timeZone'>,
  at: number,
): StaleDataState {
  const verified = lead.verifiedAt !== undefined && lead.verifiedAt <= at ? lead.verifiedAt : -Infinity;
  const freshAt = Math.max(lead.acquiredAt, verified);
  const staleFrom = addMonths(freshAt, rules.staleMonths.value, rules.timeZone);
  return { stale: at >= staleFrom, staleFrom, freshAt };
}
