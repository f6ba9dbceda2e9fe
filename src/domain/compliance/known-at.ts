/**
 * A lead's history, and the lead itself, as they stood at an instant: what the verdict may read
 * when it answers "was this call compliant when it was made?" — later events never change that
 * answer — and the next instant at which something dated becomes known.
 */
import type { DncListState, LeadHistory, VerdictLead } from './verdict-types';

/** Per list array (shared by every lead of a world): every version id, and the instant from which all versions are known. */
const listIndex = new WeakMap<readonly DncListState[], { allKnownFrom: number; ids: Set<number> }>();
function indexOf(lists: readonly DncListState[]) {
  let index = listIndex.get(lists);
  if (!index) {
    let allKnownFrom = -Infinity;
    const ids = new Set<number>();
    for (const l of lists)
      for (const v of l.versions) {
        ids.add(v.id);
        allKnownFrom = Math.max(allKnownFrom, v.publishedAt, v.importedAt);
      }
    listIndex.set(lists, (index = { allKnownFrom, ids }));
  }
  return index;
}

/**
 * True when nothing in `history` lies after `at`, so `knownAt` would return equal content.
 * The usual case ("may we call now?"): it spares a million verdicts their copies.
 */
function nothingAfter(history: LeadHistory, at: number): boolean {
  const { allKnownFrom, ids } = indexOf(history.dncLists);
  if (allKnownFrom > at) return false;
  for (const c of history.consents) if (c.capturedAt > at) return false;
  for (const c of history.calls) if (c.at >= at) return false;
  for (const c of history.dncChecks) if (c.at > at) return false;
  for (const r of history.renewalRequests ?? []) if (r.requestedAt > at) return false;
  for (const h of history.dncHits) {
    if (!ids.has(h.addedVersionId) && !(h.addedAt !== undefined && h.addedAt <= at)) return false;
    if (h.removedVersionId !== undefined && !ids.has(h.removedVersionId)) return false;
  }
  return true;
}

/** The history as it stood at `at`: consents captured, calls made before it, versions published and imported, checks run. */
export function knownAt(history: LeadHistory, at: number): LeadHistory {
  if (nothingAfter(history, at)) return history;
  const isKnown = (v: { publishedAt: number; importedAt: number }) => v.publishedAt <= at && v.importedAt <= at;
  // Lists are shared by every lead: copy one only when some of its versions are still to come.
  const dncLists = history.dncLists.map((l) =>
    l.versions.every(isKnown) ? l : { ...l, versions: l.versions.filter(isKnown) },
  );
  const versionIds = new Set(dncLists.flatMap((l) => l.versions.map((v) => v.id)));
  // A hit is known once its version (or its single addition) is; a removal only once its version is.
  const dncHits = history.dncHits
    .filter((h) => versionIds.has(h.addedVersionId) || (h.addedAt !== undefined && h.addedAt <= at))
    .map((h) =>
      h.removedVersionId === undefined || versionIds.has(h.removedVersionId)
        ? h
        : { ...h, removedVersionId: undefined },
    );
  return {
    consents: history.consents.filter((c) => c.capturedAt <= at),
    calls: history.calls.filter((c) => c.at < at),
    dncLists,
    dncHits,
    dncChecks: history.dncChecks.filter((c) => c.at <= at),
    ...(history.renewalRequests ? { renewalRequests: history.renewalRequests.filter((r) => r.requestedAt <= at) } : {}),
  };
}

/** The lead as known at `at`: a contact or verification recorded later is dropped. */
export function leadKnownAt(lead: VerdictLead, at: number): VerdictLead {
  const laterContact = lead.lastContactAt !== undefined && lead.lastContactAt >= at;
  const laterVerification = lead.verifiedAt !== undefined && lead.verifiedAt > at;
  if (!laterContact && !laterVerification) return lead;
  const seen = { ...lead };
  if (seen.lastContactAt !== undefined && seen.lastContactAt >= at) delete seen.lastContactAt;
  if (seen.verifiedAt !== undefined && seen.verifiedAt > at) delete seen.verifiedAt;
  return seen;
}

/** The smallest of `candidates` after `at` (Infinity when none is). */
export function firstAfter(at: number, candidates: Iterable<number | undefined>): number {
  let next = Infinity;
  for (const t of candidates) if (t !== undefined && t > at && t < next) next = t;
  return next;
}

/** The first instant after `at` at which something dated in the history (or on the lead) becomes known. */
export function nextKnown(lead: VerdictLead, history: LeadHistory, at: number): number {
  const times: number[] = [];
  for (const c of history.consents) times.push(c.capturedAt);
  // A call is known from the millisecond after it was made (the verdict judges the call at its own instant).
  for (const c of history.calls) times.push(c.at + 1);
  for (const l of history.dncLists) for (const v of l.versions) times.push(Math.max(v.publishedAt, v.importedAt));
  for (const h of history.dncHits) if (h.addedAt !== undefined) times.push(h.addedAt);
  for (const c of history.dncChecks) times.push(c.at);
  if (lead.lastContactAt !== undefined) times.push(lead.lastContactAt + 1);
  if (lead.verifiedAt !== undefined) times.push(lead.verifiedAt);
  if (lead.anonymizedAt !== undefined) times.push(lead.anonymizedAt);
  return firstAfter(at, times);
}
