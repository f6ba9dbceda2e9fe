/** When a lead's personal data must be purged (DESIGN.md §4, Retention). */
import { addMonths } from '../time/calendar';
import type { EffectiveRules } from './policies';
import type { VerdictLead } from './verdict-types';

export type RetentionRules = Pick<EffectiveRules, 'retentionMonths' | 'retentionFrom' | 'timeZone'>;
export type RetentionLead = Pick<VerdictLead, 'acquiredAt' | 'lastContactAt'>;

/**
 * The retention deadline: retention months after acquisition, or after the last contact when
 * the organisation counts from there (a lead never contacted counts from its acquisition).
 */
export function retentionDeadline(lead: RetentionLead, rules: RetentionRules): number {
  const from =
    rules.retentionFrom === 'last-contact'
      ? Math.max(lead.acquiredAt, lead.lastContactAt ?? -Infinity)
      : lead.acquiredAt;
  return addMonths(from, rules.retentionMonths.value, rules.timeZone);
}

/** True from the deadline on: the lead waits for its purge. */
export function isRetentionExpired(lead: RetentionLead, rules: RetentionRules, at: number): boolean {
  return at >= retentionDeadline(lead, rules);
}
