/**
 * Do-Not-Call at an instant: is the number listed, and is its screening fresh enough.
 * A list version counts from the moment it was both published and imported: a call cannot
 * be blamed on a version the organisation did not have yet. UK TPS registrations take effect
 * 28 days after they are made; we treat a number as listed from the version that lists it,
 * which is earlier and so stricter.
 */
import { addDays, addMonths, localClock, startOfLocalDay } from '../time/calendar';
import type { EffectiveRules } from './policies';
import type { DncHit, DncListState } from './verdict-types';

type Version = DncListState['versions'][number];

/** Versions of a list known at `at`, oldest first (by publication, then id). */
export function knownVersions(list: DncListState, at: number): Version[] {
  return list.versions
    .filter((v) => v.publishedAt <= at && v.importedAt <= at)
    .sort((a, b) => a.publishedAt - b.publishedAt || a.id - b.id);
}

/** The version of a list in force at `at`: the newest one published and imported by then. */
export function versionInForce(list: DncListState, at: number): Version | undefined {
  // A linear scan, not knownVersions(): this runs for every lead and every list.
  let best: Version | undefined;
  for (const v of list.versions) {
    if (v.publishedAt > at || v.importedAt > at) continue;
    if (!best || v.publishedAt > best.publishedAt || (v.publishedAt === best.publishedAt && v.id > best.id)) best = v;
  }
  return best;
}

export interface DncListing {
  listed: boolean;
  /** Earliest instant from which a current listing holds. */
  since?: number;
  listIds: string[];
}

/** Whether the number is on any active list at `at`; a removal in a version known by then lifts it. */
export function dncListedAt(hits: readonly DncHit[], lists: readonly DncListState[], at: number): DncListing {
  const listIds: string[] = [];
  let since: number | undefined;
  for (const hit of hits) {
    const list = lists.find((l) => l.listId === hit.listId);
    if (!list?.active) continue;
    const known = knownVersions(list, at);
    const added = known.find((v) => v.id === hit.addedVersionId);
    const start = hit.addedAt !== undefined && hit.addedAt <= at ? hit.addedAt : added?.publishedAt;
    if (start === undefined) continue;
    const removed = known.find((v) => v.id === hit.removedVersionId);
    if (removed && removed.publishedAt >= start) continue;
    if (!listIds.includes(hit.listId)) listIds.push(hit.listId);
    since = since === undefined ? start : Math.min(since, start);
  }
  return since === undefined ? { listed: false, listIds } : { listed: true, since, listIds };
}

export interface DncCheckState {
  stale: boolean;
  /** Stale: when it became stale (unknown when never checked). */
  since?: number;
  /** Fresh: when it will become stale if nothing happens. */
  staleFrom?: number;
  /** Active lists whose newest version the lead was not checked against, or checked too long ago. */
  listIds: string[];
  lastCheckAt?: number;
}

/**
 * Screening freshness at `at`, for every active list with a version in force (the internal list
 * is consulted live, so it needs no check). Stale when the lead was not checked against that
 * version, when that check is older than the rules' maximum age, or when the list copy itself is.
 * Ages are whole calendar days in the organisation's zone: 31 days old is fine, 32 is not.
 */
export function dncCheckState(
  checks: readonly { at: number; versionIds: number[] }[],
  lists: readonly DncListState[],
  rules: Pick<EffectiveRules, 'dncMaxAgeDays' | 'timeZone'>,
  at: number,
): DncCheckState {
  const tz = rules.timeZone;
  const maxAge = rules.dncMaxAgeDays?.value;
  // The first instant at which something dated `t` is more than the maximum age old.
  const tooOldFrom = (t: number) => (maxAge === undefined ? Infinity : startOfLocalDay(addDays(t, maxAge + 1, tz), tz));
  const known = checks.filter((c) => c.at <= at);
  const lastCheckAt = known.length > 0 ? Math.max(...known.map((c) => c.at)) : undefined;
  const listIds: string[] = [];
  let since: number | undefined;
  let staleFrom = Infinity;
  let neverChecked = false;
  for (const list of lists) {
    const version = list.active && list.kind !== 'internal' ? versionInForce(list, at) : undefined;
    if (!version) continue;
    const covering = known.filter((c) => c.versionIds.includes(version.id)).map((c) => c.at);
    const checkedAt = covering.length > 0 ? Math.max(...covering) : undefined;
    const until = Math.min(tooOldFrom(version.publishedAt), checkedAt === undefined ? -Infinity : tooOldFrom(checkedAt));
    if (checkedAt !== undefined && at < until) {
      staleFrom = Math.min(staleFrom, until);
      continue;
    }
    listIds.push(list.listId);
    if (checkedAt === undefined && known.length === 0) neverChecked = true;
    const began = checkedAt === undefined ? Math.max(version.publishedAt, version.importedAt) : until;
    since = since === undefined ? began : Math.min(since, began);
  }
  const last = lastCheckAt === undefined ? {} : { lastCheckAt };
  if (listIds.length > 0) return neverChecked ? { stale: true, listIds, ...last } : { stale: true, since, listIds, ...last };
  return staleFrom === Infinity ? { stale: false, listIds, ...last } : { stale: false, staleFrom, listIds, ...last };
}

/** `days` working days (Monday–Friday; public holidays are not known) after `ms`, keeping the wall-clock time. */
export function addBusinessDays(ms: number, days: number, timeZone: string): number {
  let t = ms;
  for (let left = days; left > 0; ) {
    t = addDays(t, 1, timeZone);
    const weekday = localClock(t, timeZone).weekday;
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return t;
}

/** Latest instant by which a company-specific DNC request made at `requestedAt` must be honoured, if a preset sets one. */
export function dncRequestHonourBy(requestedAt: number, rules: Pick<EffectiveRules, 'dncRequestHonourBusinessDays' | 'timeZone'>): number | undefined {
  const days = rules.dncRequestHonourBusinessDays?.value;
  return days === undefined ? undefined : addBusinessDays(requestedAt, days, rules.timeZone);
}

/** Earliest instant a DNC request made at `requestedAt` may be forgotten, if a preset says how long to keep it. */
export function dncRequestKeepUntil(requestedAt: number, rules: Pick<EffectiveRules, 'dncRequestKeepMonths' | 'timeZone'>): number | undefined {
  const months = rules.dncRequestKeepMonths?.value;
  return months === undefined ? undefined : addMonths(requestedAt, months, rules.timeZone);
}
