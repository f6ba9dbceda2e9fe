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

/** A list's versions known at `at`, by id (for looking up the versions a hit names). */
export function knownVersionMap(list: DncListState, at: number): Map<number, Version> {
  const out = new Map<number, Version>();
  for (const v of list.versions) if (v.publishedAt <= at && v.importedAt <= at) out.set(v.id, v);
  return out;
}

/**
 * When `hit` puts its number on its list at `at` (the listing's start), or undefined when it
 * does not: its version (or single addition) is not known yet, or a known version removed it.
 * `known` holds the known versions of the hit's own list. The scrub and the verdict share it.
 */
export function hitListedSince(hit: DncHit, known: ReadonlyMap<number, Version>, at: number): number | undefined {
  // A single addition counts from the moment it was made, never from the version it was filed under.
  const start =
    hit.addedAt !== undefined
      ? hit.addedAt <= at
        ? hit.addedAt
        : undefined
      : known.get(hit.addedVersionId)?.publishedAt;
  if (start === undefined) return undefined;
  const removed = hit.removedVersionId === undefined ? undefined : known.get(hit.removedVersionId);
  return removed && removed.publishedAt >= start ? undefined : start;
}

/** Whether the number is on any active list at `at`; a removal in a version known by then lifts it. */
export function dncListedAt(hits: readonly DncHit[], lists: readonly DncListState[], at: number): DncListing {
  const listIds: string[] = [];
  let since: number | undefined;
  for (const hit of hits) {
    const list = lists.find((l) => l.listId === hit.listId);
    if (!list?.active) continue;
    const start = hitListedSince(hit, knownVersionMap(list, at), at);
    if (start === undefined) continue;
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
  const tooOldFrom = tooOldFromFor(rules);
  let lastCheckAt: number | undefined;
  for (const c of checks) if (c.at <= at && (lastCheckAt === undefined || c.at > lastCheckAt)) lastCheckAt = c.at;
  const listIds: string[] = [];
  let since: number | undefined;
  let staleFrom = Infinity;
  let neverChecked = false;
  for (const list of lists) {
    const version = list.active && list.kind !== 'internal' ? versionInForce(list, at) : undefined;
    if (!version) continue;
    let checkedAt: number | undefined;
    for (const c of checks)
      if (c.at <= at && (checkedAt === undefined || c.at > checkedAt) && c.versionIds.includes(version.id))
        checkedAt = c.at;
    const until = Math.min(
      tooOldFrom(version.publishedAt),
      checkedAt === undefined ? -Infinity : tooOldFrom(checkedAt),
    );
    if (checkedAt !== undefined && at < until) {
      staleFrom = Math.min(staleFrom, until);
      continue;
    }
    listIds.push(list.listId);
    if (checkedAt === undefined && lastCheckAt === undefined) neverChecked = true;
    const began = checkedAt === undefined ? Math.max(version.publishedAt, version.importedAt) : until;
    since = since === undefined ? began : Math.min(since, began);
  }
  const last = lastCheckAt === undefined ? {} : { lastCheckAt };
  if (listIds.length > 0)
    return neverChecked ? { stale: true, listIds, ...last } : { stale: true, since, listIds, ...last };
  return staleFrom === Infinity ? { stale: false, listIds, ...last } : { stale: false, staleFrom, listIds, ...last };
}

/**
 * "The first instant at which something dated `t` is more than the maximum age old", memoised
 * per rules object: every lead asks it for the same list versions and the same scrub instants.
 */
const tooOldMemo = new WeakMap<object, (t: number) => number>();
function tooOldFromFor(rules: Pick<EffectiveRules, 'dncMaxAgeDays' | 'timeZone'>): (t: number) => number {
  let fn = tooOldMemo.get(rules);
  if (!fn) {
    const tz = rules.timeZone;
    const maxAge = rules.dncMaxAgeDays?.value;
    const memo = new Map<number, number>();
    fn = (t: number) => {
      if (maxAge === undefined) return Infinity;
      let v = memo.get(t);
      if (v === undefined) {
        v = startOfLocalDay(addDays(t, maxAge + 1, tz), tz);
        if (memo.size > 10_000) memo.clear();
        memo.set(t, v);
      }
      return v;
    };
    tooOldMemo.set(rules, fn);
  }
  return fn;
}

/** `days` working days (Monday–Friday; public holidays are not known) after `ms`, keeping the wall-clock time. */
export function addBusinessDays(ms: number, days: number, timeZone: string): number {
  let t = ms;
  for (let left = days; left > 0;) {
    t = addDays(t, 1, timeZone);
    const weekday = localClock(t, timeZone).weekday;
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return t;
}

/** `at` moved on by a preset's amount in the organisation's calendar, or undefined when no preset sets one. */
function afterPresetAmount(
  at: number,
  amount: { value: number } | null | undefined,
  add: (ms: number, n: number, timeZone: string) => number,
  timeZone: string,
): number | undefined {
  const n = amount?.value;
  return n === undefined ? undefined : add(at, n, timeZone);
}

/** Latest instant by which a company-specific DNC request made at `requestedAt` must be honoured, if a preset sets one. */
export function dncRequestHonourBy(
  requestedAt: number,
  rules: Pick<EffectiveRules, 'dncRequestHonourBusinessDays' | 'timeZone'>,
): number | undefined {
  return afterPresetAmount(requestedAt, rules.dncRequestHonourBusinessDays, addBusinessDays, rules.timeZone);
}

/** Earliest instant a DNC request made at `requestedAt` may be forgotten, if a preset says how long to keep it. */
export function dncRequestKeepUntil(
  requestedAt: number,
  rules: Pick<EffectiveRules, 'dncRequestKeepMonths' | 'timeZone'>,
): number | undefined {
  return afterPresetAmount(requestedAt, rules.dncRequestKeepMonths, addMonths, rules.timeZone);
}
