/**
 * What the Compliance screen shows at `at`: how many leads are callable, the size of every
 * queue and the count per reason (all read off the one verdict), and the expiry calendar —
 * consents and retention deadlines falling due in the coming days, per local day.
 */
import type { Lead } from '../leads/lead';
import type { Settings } from '../settings/settings';
import { addDays, cohortKey } from '../time/calendar';
import { historyFor, rulesByRegion, type ComplianceWorld } from './compliance-world';
import { consentStateAt } from './consent';
import { queueCounts, type QueueCounts } from './queues';
import { retentionDeadline } from './retention';
import { countByReason, verdict } from './verdict';
import type { ReasonCode, Verdict } from './verdict-types';

export interface CalendarDay {
  /** `yyyy-MM-dd` in the organisation's zone. */
  day: string;
  consents: number;
  retention: number;
}

export interface ComplianceSummary extends QueueCounts {
  at: number;
  byReason: Record<ReasonCode, number>;
  /** Days with something falling due in [at, at + horizon days), in order. */
  calendar: CalendarDay[];
  horizonDays: number;
}

/** Verdicts, counts and the expiry calendar for every lead. */
export function complianceSummary(leads: readonly Lead[], world: ComplianceWorld, settings: Settings, at: number, horizonDays = 90): ComplianceSummary {
  const rulesFor = rulesByRegion(settings);
  const tz = settings.orgTimeZone;
  const until = addDays(at, horizonDays, tz);
  const days = new Map<string, CalendarDay>();
  const due = (ms: number, kind: 'consents' | 'retention') => {
    if (ms < at || ms >= until) return;
    const day = cohortKey(ms, 'day', tz);
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, consents: 0, retention: 0 }));
    row[kind]++;
  };
  const verdicts: Verdict[] = new Array(leads.length);
  leads.forEach((lead, i) => {
    const history = historyFor(world, lead);
    const rules = rulesFor(lead.region);
    const v = (verdicts[i] = verdict(lead, history, rules, at));
    if (lead.anonymizedAt !== undefined) return;
    const consent = consentStateAt(history.consents, 'calls', rules, at);
    if (consent.status === 'valid' && consent.expiresAt !== undefined) due(consent.expiresAt, 'consents');
    // A lead already past its deadline is in the purge queue, not on the calendar.
    if (!v.reasons.some((r) => r.code === 'retention-expired')) {
      let last = lead.lastContactAt ?? -Infinity;
      for (const c of history.calls) if (c.at < at && c.at > last) last = c.at;
      due(retentionDeadline({ acquiredAt: lead.acquiredAt, lastContactAt: last === -Infinity ? undefined : last }, rules), 'retention');
    }
  });
  return {
    at,
    ...queueCounts(verdicts),
    byReason: countByReason(verdicts),
    calendar: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    horizonDays,
  };
}
