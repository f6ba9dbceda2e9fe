/**
 * What the Compliance screen shows at `at`: how many leads are callable, the size of every
 * queue and the count per reason (all read off the one verdict), and the expiry calendar —
 * consents and retention deadlines falling due in the coming days, per local day.
 */
import type { Lead } from '../leads/lead';
import type { Settings } from '../settings/settings';
import { addDays, cohortKey } from '../time/calendar';
import type { ComplianceWorld } from './compliance-world';
import { createJudge } from './judge';
import { queueCounts, type QueueCounts } from './queues';
import { countByReason } from './verdict-summary';
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
export function complianceSummary(
  leads: readonly Lead[],
  world: ComplianceWorld,
  settings: Settings,
  at: number,
  horizonDays = 90,
): ComplianceSummary {
  const judge = createJudge(world, settings);
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
    const { verdict: v, facts } = judge(lead, at);
    verdicts[i] = v;
    if (lead.anonymizedAt !== undefined) return;
    // Both dates are the verdict's own: the calendar and the queues cannot disagree.
    if (facts.consent.status === 'valid' && facts.consent.expiresAt !== undefined)
      due(facts.consent.expiresAt, 'consents');
    // A lead already past its deadline is in the purge queue, not on the calendar.
    if (!v.reasons.some((r) => r.code === 'retention-expired')) due(facts.retentionDeadline, 'retention');
  });
  return {
    at,
    ...queueCounts(verdicts),
    byReason: countByReason(verdicts),
    calendar: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    horizonDays,
  };
}
