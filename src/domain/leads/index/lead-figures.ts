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
import { zoneOffsetMs } from '../../time/zone-offset';
import { MS_PER_DAY } from '../../time/calendar';

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
  const perSource = new Array<number>(cols.dict.source.values.length).fill(0);
  const monthFrom = periodStart(now, 'month', tz);
  const monthTo = nextPeriodStart(now, 'month', tz);
  const until = addDays(now, horizonDays, tz);
  const anonymized = reasonBit('anonymized');
  const retentionExpired = reasonBit('retention-expired');
  // Calendar rows by local day number (a key is written once per day, not once per lead).
  const days = new Map<number, { at: number; consents: number; retention: number }>();
  const due = (ms: number, kind: 'consents' | 'retention') => {
    if (!(ms >= now && ms < until)) return;
    const day = Math.floor((ms + zoneOffsetMs(ms, tz)) / MS_PER_DAY);
    let row = days.get(day);
    if (!row) days.set(day, (row = { at: ms, consents: 0, retention: 0 }));
    row[kind]++;
  };
  // Rows counted by their set of reasons (one of 2^11): each set is spread over the queues and reasons it
  // stands for once, after the pass, instead of a loop over every queue and reason for each row.
  const bySet = new Uint32Array(1 << REASON_CODES.length);
  const known = bySet.length - 1;
  let total = 0;
  let callable = 0;
  let acquiredThisMonth = 0;
  for (let i = 0; i < cols.n; i++) {
    const flags = cols.flags[i]!;
    if (flags & FLAG_DELETED) continue;
    total++;
    const bits = cols.reasons[i]! | (ctx.outsideHours(i) ? HOURS : 0);
    if (flags & FLAG_CALLABLE && !(bits & HOURS)) callable++;
    bySet[bits & known]!++;
    perSource[cols.source[i]!]!++;
    const acquired = instantAt(cols.acquiredAt, i);
    if (acquired >= monthFrom && acquired < monthTo) acquiredThisMonth++;
    if (bits & anonymized || horizonDays <= 0) continue;
    due(instantAt(cols.consentExpiresAt, i), 'consents');
    // A lead already past its deadline is in the purge queue, not on the calendar.
    if (!(bits & retentionExpired)) due(instantAt(cols.retentionDeadline, i), 'retention');
  }
  const queueCounts = new Array<number>(queueIds.length).fill(0);
  const reasonCounts = new Array<number>(REASON_CODES.length).fill(0);
  for (let bits = 1; bits < bySet.length; bits++) {
    const rows = bySet[bits]!;
    if (rows === 0) continue;
    for (let q = 0; q < masks.length; q++) if (bits & masks[q]!) queueCounts[q]! += rows;
    for (let r = 0; r < REASON_CODES.length; r++) if (bits & (1 << r)) reasonCounts[r]! += rows;
  }
  const queues = Object.fromEntries(queueIds.map((k, q) => [k, queueCounts[q]!])) as Record<QueueId, number>;
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
    calendar: [...days.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, r]) => ({ day: cohortKey(r.at, 'day', tz), consents: r.consents, retention: r.retention })),
    horizonDays,
  };
}
