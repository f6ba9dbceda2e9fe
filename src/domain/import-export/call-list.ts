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

/** No lead counted yet. */
export const noExclusions = (): Exclusions => ({ included: 0, excluded: 0, byReason: {} });

/** Count one verdict into `ex`: included when callable, else excluded under each blocking reason. */
export function countExclusion(ex: Exclusions, v: Verdict): void {
  if (v.callable) {
    ex.included++;
    return;
  }
  ex.excluded++;
  for (const r of v.reasons) if (r.severity === 'block') ex.byReason[r.code] = (ex.byReason[r.code] ?? 0) + 1;
}

/** Split verdicts into callable and excluded, counting blocking reasons. */
export function countExclusions(verdicts: readonly Verdict[]): Exclusions {
  const ex = noExclusions();
  for (const v of verdicts) countExclusion(ex, v);
  return ex;
}

export interface StaleListCopy {
  listId: string;
  publishedAt: number | null;
  ageDays: number | null;
  maxAgeDays: number;
}

/** An export failed: the leads kept changing while the file was built (it was built MAX_BUILDS times). */
export const EXPORT_BUSY = 'export-busy';
/** An export failed: a call list relies on a DNC copy older than its jurisdiction allows, and no override was given. */
export const EXPORT_STALE_COPIES = 'export-stale-copies';

/** The shortest written reason that overrides a refusal over stale DNC copies (the screen and the worker both hold to it). */
export const OVERRIDE_MIN_CHARS = 10;

/** Whether `override` is a reason long enough to override a refusal over stale DNC copies. */
export const isOverrideReason = (override: string | undefined): boolean =>
  (override?.trim().length ?? 0) >= OVERRIDE_MIN_CHARS;

/**
 * The instant a call list is judged at. A list is judged with everything known now: its time
 * may be now or later (it moves the calling-hours and frequency windows), never earlier — a
 * past instant would forget a DNC addition or a withdrawal made since.
 */
export function callListInstant(requested: number, now: number): number {
  return Math.max(requested, now);
}

type CopyRules = Pick<EffectiveRules, 'dncMaxAgeDays' | 'timeZone'>;

/**
 * Active non-internal lists whose newest copy (known at `at`) is older than the maximum age of
 * the list's own jurisdiction (a UK list by UK rules; a list with no region by the organisation's
 * default region), or that have no copy at all: a call list relying on them is refused without an override.
 */
export function staleListCopies(
  lists: readonly DncListState[],
  rulesFor: (region: string) => CopyRules,
  defaultRegion: string,
  at: number,
): StaleListCopy[] {
  const out: StaleListCopy[] = [];
  for (const list of lists) {
    if (!list.active || list.kind === 'internal') continue;
    const rules = rulesFor(list.region ?? defaultRegion);
    const max = rules.dncMaxAgeDays?.value;
    if (max === undefined) continue;
    const known = list.versions.filter((v) => v.publishedAt <= at && v.importedAt <= at);
    const newest = known.reduce<number | null>((m, v) => (m === null || v.publishedAt > m ? v.publishedAt : m), null);
    const age = newest === null ? null : calendarDaysBetween(newest, at, rules.timeZone);
    if (age === null || age > max)
      out.push({ listId: list.listId, publishedAt: newest, ageDays: age, maxAgeDays: max });
  }
  return out;
}
