/** Tests only: what a grid index answers to a set of filters that cover every column kind, to compare two indexes. */
import { queryRows } from '../domain/leads/index/lead-query';
import type { LeadFilter } from '../domain/leads/lead-filter';
import { type GridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';

const FILTERS: LeadFilter[] = [
  {},
  { callable: 'yes' },
  { reason: ['dnc-listed'] },
  { reason: ['frequency-capped', 'outside-calling-hours'] },
  { consent: ['valid', 'expiring'] },
  { consent: ['withdrawn'] },
  { dnc: ['listed'] },
  { dnc: ['stale'] },
  { dnc: ['clear', 'unchecked'] },
  { reason: ['dnc-check-stale'] },
  { contacted: 'yes' },
  { converted: 'yes' },
  { tags: ['vip'] },
  { source: ['referrals'] },
  { q: 'catch' },
  { q: '555' },
];

/** Every filter's matching lead ids (sorted), at `now`. */
export function gridAnswers(index: GridIndex, now: number): number[][] {
  const ctx = {
    orgTimeZone: index.orgTimeZone,
    dormantMs: 90 * 86_400_000,
    now,
    outsideHours: outsideHoursAt(index, now),
  };
  return FILTERS.map((f) =>
    Array.from(queryRows(index.cols, f, ctx, null, false), (i) => index.cols.ids[i]!).sort((a, b) => a - b),
  );
}
