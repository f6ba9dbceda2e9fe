/**
 * Call lists: only leads the verdict says are callable at the chosen time. Everything else is
 * excluded and counted by reason (a lead with two blocking reasons counts under both), and a
 * list is refused when a required DNC list copy is older than the policy allows.
 */
import type { EffectiveRules } from '../compliance/policies';
import type { DncListState, ReasonCode, Verdict } from '../compliance/verdict-types';
import { calendarDaysBetween } from '../time/calendar';

export interface Exclusions {
  included: number;
  excluded: number;
  byReason: Partial<Record<ReasonCode, number>>;
}

/** Split verdicts into callable and excluded, counting blocking reasons. */
export function countExclusions(verdicts: readonly Verdict[]): Exclusions {
  const byReason: Partial<Record<ReasonCode, number>> = {};
  let included = 0;
  for (const v of verdicts) {
    if (v.callable) {
      included++;
      continue;
    }
    for (const r of v.reasons) if (r.severity === 'block') byReason[r.code] = (byReason[r.code] ?? 0) + 1;
  }
  return { included, excluded: verdicts.length - included, byReason };
}

export interface StaleListCopy {
  listId: string;
  publishedAt: number | null;
  ageDays: number | null;
  maxAgeDays: number;
}

/**
 * Active non-internal lists whose newest copy (known at `at`) is older than the rules' maximum
 * age, or that have no copy at all: a call list relying on them is refused without an override.
 */
export function staleListCopies(lists: readonly DncListState[], rules: Pick<EffectiveRules, 'dncMaxAgeDays' | 'timeZone'>, at: number): StaleListCopy[] {
  const max = rules.dncMaxAgeDays?.value;
  if (max === undefined) return [];
  const out: StaleListCopy[] = [];
  for (const list of lists) {
    if (!list.active || list.kind === 'internal') continue;
    const known = list.versions.filter((v) => v.publishedAt <= at && v.importedAt <= at);
    const newest = known.reduce<number | null>((m, v) => (m === null || v.publishedAt > m ? v.publishedAt : m), null);
    const age = newest === null ? null : calendarDaysBetween(newest, at, rules.timeZone);
    if (age === null || age > max) out.push({ listId: list.listId, publishedAt: newest, ageDays: age, maxAgeDays: max });
  }
  return out;
}
