/**
 * The Overview's and the Compliance screen's figures read off the grid's columns instead of a
 * verdict per lead: callable now, the size of every queue, the count per reason, leads acquired
 * this month and per source, and the expiry calendar. The columns hold each lead's cached
 * judgement (its slow part) and the calling hours are read per question (`outsideHours`), so the
 * figures are those of the one judge at `now`; `lead-figures.test.ts` holds them to
 * `complianceSummary` and `overviewFigures` over the same leads.
 */
import { QUEUES, type QueueCounts, type QueueId } from '../../compliance/queues';
import { REASON_CODES, type ReasonCode } from '../../compliance/verdict-types';
import { addDays, cohortKey, periodStart, nextPeriodStart } from '../../time/calendar';
import { FLAG_CALLABLE, FLAG_DELETED } from '../../columns/lead-flags';
import { reasonBit, type LeadColumns } from './lead-columns';
import { instantAt } from '../../columns/instant-column';

export interface CalendarDay {
  day: string;
  consents: number;
  retention: number;
}

export interface LeadFigures extends QueueCounts {
  at: number;
  byReason: Record<ReasonCode, number>;
  acquiredThisMonth: number;
  /** Leads per source id, most first. */
  bySource: { sourceId: string; count: number }[];
  /** Days with a consent expiry or retention deadline in [at, at + horizonDays), in order. */
  calendar: CalendarDay[];
  horizonDays: number;
}

const HOURS = reasonBit('outside-calling-hours');

/** Every figure at `now` in one pass over the rows. */
export function leadFigures(
  cols: LeadColumns,
  ctx: { now: number; orgTimeZone: string; outsideHours: (i: number) => boolean },
  horizonDays = 90,
): LeadFigures {
  const { now, orgTimeZone: tz } = ctx;
  const queueIds = Object.keys(QUEUES) as QueueId[];
  const masks = queueIds.map((id) => (QUEUES[id] as readonly ReasonCode[]).reduce((m, c) => m | reasonBit(c), 0));
  const queues = Object.fromEntries(queueIds.map((k) => [k, 0])) as Record<QueueId, number>;
  const reasonCounts = new Array<number>(REASON_CODES.length).fill(0);
  const perSource = new Array<number>(cols.dict.source.values.length).fill(0);
  const monthFrom = periodStart(now, 'month', tz);
  const monthTo = nextPeriodStart(now, 'month', tz);
  const until = addDays(now, horizonDays, tz);
  const anonymized = reasonBit('anonymized');
  const retentionExpired = reasonBit('retention-expired');
  const days = new Map<string, CalendarDay>();
  const due = (ms: number, kind: 'consents' | 'retention') => {
    if (!(ms >= now && ms < until)) return;
    const day = cohortKey(ms, 'day', tz);
    let row = days.get(day);
    if (!row) days.set(day, (row = { day, consents: 0, retention: 0 }));
    row[kind]++;
  };
  let total = 0;
  let callable = 0;
  let acquiredThisMonth = 0;
  for (let i = 0; i < cols.n; i++) {
    const flags = cols.flags[i]!;
    if (flags & FLAG_DELETED) continue;
    total++;
    const bits = cols.reasons[i]! | (ctx.outsideHours(i) ? HOURS : 0);
    if (flags & FLAG_CALLABLE && !(bits & HOURS)) callable++;
    for (let q = 0; q < masks.length; q++) if (bits & masks[q]!) queues[queueIds[q]!]++;
    for (let r = 0; r < REASON_CODES.length; r++) if (bits & (1 << r)) reasonCounts[r]!++;
    perSource[cols.source[i]!]!++;
    const acquired = instantAt(cols.acquiredAt, i);
    if (acquired >= monthFrom && acquired < monthTo) acquiredThisMonth++;
    if (bits & anonymized) continue;
    due(instantAt(cols.consentExpiresAt, i), 'consents');
    // A lead already past its deadline is in the purge queue, not on the calendar.
    if (!(bits & retentionExpired)) due(instantAt(cols.retentionDeadline, i), 'retention');
  }
  const byReason = Object.fromEntries(REASON_CODES.map((c, r) => [c, reasonCounts[r]!])) as Record<ReasonCode, number>;
  const bySource = perSource
    .flatMap((count, code) => (count > 0 ? [{ sourceId: cols.dict.source.values[code]!, count }] : []))
    .sort((a, b) => b.count - a.count || a.sourceId.localeCompare(b.sourceId));
  return {
    at: now,
    total,
    callable,
    queues,
    byReason,
    acquiredThisMonth,
    bySource,
    calendar: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    horizonDays,
  };
}
