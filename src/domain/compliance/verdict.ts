/**
 * The one verdict function (DESIGN.md §4): may this lead be called at `at`, and why not.
 * Every queue, badge, filter and export asks it; nothing re-implements a rule. History is cut
 * to what was known at `at` first, so the same call answers "was this call compliant when it
 * was made?" and later events can never change that answer.
 */
import { addDays, isValidTimeZone } from '../time/calendar';
import { hhmm } from '../time/hhmm';
import { callingHoursAt, isWithinCallingHours } from './calling-hours';
import { consentStateAt, type ConsentState } from './consent';
import { pendingRenewalAt, type PendingRenewal } from './consent-request';
import { contactFrequencyAt } from './contact-frequency';
import { dncCheckState, dncListedAt } from './dnc';
import type { EffectiveRules } from './policies';
import { retentionDeadline } from './retention';
import { staleDataAt } from './stale-data';
import {
  REASON_CODES,
  type DncListState,
  type LeadHistory,
  type Reason,
  type ReasonCode,
  type Verdict,
  type VerdictLead,
} from './verdict-types';

/** Blocks that lift by themselves as time passes, so a `nextCallableAt` can be given. */
const TIME_BOUND: readonly ReasonCode[] = ['frequency-capped', 'outside-calling-hours'];

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

function reason(
  code: ReasonCode,
  severity: Reason['severity'],
  since?: number,
  until?: number,
  detail?: Reason['detail'],
): Reason {
  const r: Reason = { code, severity };
  if (since !== undefined) r.since = since;
  if (until !== undefined) r.until = until;
  if (detail !== undefined) r.detail = detail;
  return r;
}

/** The lead as known at `at`: a contact or verification recorded later is dropped. */
function leadKnownAt(lead: VerdictLead, at: number): VerdictLead {
  const laterContact = lead.lastContactAt !== undefined && lead.lastContactAt >= at;
  const laterVerification = lead.verifiedAt !== undefined && lead.verifiedAt > at;
  if (!laterContact && !laterVerification) return lead;
  const seen = { ...lead };
  if (seen.lastContactAt !== undefined && seen.lastContactAt >= at) delete seen.lastContactAt;
  if (seen.verifiedAt !== undefined && seen.verifiedAt > at) delete seen.verifiedAt;
  return seen;
}

const knownZones = new Map<string, boolean>();
/** The zone to read calling hours in: the lead's, or the organisation's when the runtime does not know the lead's (it would make every local time NaN). Memoised: checking builds an Intl formatter. */
export function callZone(leadZone: string, orgZone: string): string {
  let ok = knownZones.get(leadZone);
  if (ok === undefined) knownZones.set(leadZone, (ok = isValidTimeZone(leadZone)));
  return ok ? leadZone : orgZone;
}

/**
 * The dates the reasons are read off, kept beside them so screens that show "expires on",
 * "purge due" or "stale from" take them from the same computation as the verdict (the grid's
 * "expiring" filter and the verdict's `consent-expiring` are then one rule, DST included).
 */
export interface VerdictFacts {
  /** Consent for calls at `at`. */
  consent: ConsentState;
  /** Valid consent: the instant its notice window opens (a local-calendar day count before expiry). */
  consentNoticeFrom?: number;
  retentionDeadline: number;
  staleFrom: number;
  /**
   * A renewal of consent for calls was requested and not answered yet ("awaiting renewal"). A
   * request is not proof: it never changes `consent` or any reason.
   */
  renewalRequested?: PendingRenewal;
  /**
   * The first instant after `at` at which anything but the calling hours may change the answer
   * if nothing new is recorded: a consent expiring or its notice opening, the retention deadline,
   * the data turning stale, a DNC check ageing out, a frequency cap lifting, or a dated event in
   * the history becoming known. Infinity when nothing is due. Calling hours are not in it: they
   * open and close every day and are read per question from the lead's zone (`withinCallingHours`).
   */
  nextChangeAt: number;
}

/** The smallest of `candidates` after `at` (Infinity when none is). */
function firstAfter(at: number, candidates: Iterable<number | undefined>): number {
  let next = Infinity;
  for (const t of candidates) if (t !== undefined && t > at && t < next) next = t;
  return next;
}

/** The first instant after `at` at which something dated in the history (or on the lead) becomes known. */
function nextKnown(lead: VerdictLead, history: LeadHistory, at: number): number {
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

/** All reasons at `at` and the facts behind them, from a history already cut to what was known. */
function assess(
  lead: VerdictLead,
  known: LeadHistory,
  rules: EffectiveRules,
  at: number,
): { reasons: Reason[]; facts: VerdictFacts } {
  const consent = consentStateAt(known.consents, 'calls', rules, at);
  const noticeFrom =
    consent.status === 'valid' && consent.expiresAt !== undefined
      ? addDays(consent.expiresAt, -rules.consentNoticeDays.value, rules.timeZone)
      : undefined;
  const stale = staleDataAt(lead, rules, at);
  // One pass over the calls: their times, the last contact, and any "do not call me".
  const callTimes: number[] = [];
  const requested: number[] = [];
  let lastContactAt = lead.lastContactAt ?? -Infinity;
  for (const c of known.calls) {
    callTimes.push(c.at);
    if (c.at > lastContactAt) lastContactAt = c.at;
    if (c.outcome === 'dnc-requested') requested.push(c.at);
  }
  const deadline = retentionDeadline(
    { acquiredAt: lead.acquiredAt, lastContactAt: lastContactAt === -Infinity ? undefined : lastContactAt },
    rules,
  );
  const pending = known.renewalRequests?.length
    ? pendingRenewalAt(known.renewalRequests, known.consents, 'calls', at)
    : undefined;
  const facts: VerdictFacts = {
    consent,
    retentionDeadline: deadline,
    staleFrom: stale.staleFrom,
    nextChangeAt: Infinity,
    ...(noticeFrom !== undefined ? { consentNoticeFrom: noticeFrom } : {}),
    ...(pending ? { renewalRequested: pending } : {}),
  };
  // A purged lead has no number and no person left to judge: its purge is the whole answer.
  if (lead.anonymizedAt !== undefined && lead.anonymizedAt <= at)
    return { reasons: [reason('anonymized', 'block', lead.anonymizedAt)], facts };
  const reasons: Reason[] = [];

  if (at >= deadline)
    reasons.push(reason('retention-expired', 'block', deadline, undefined, { months: rules.retentionMonths.value }));

  const listing = dncListedAt(known.dncHits, known.dncLists, at);
  // A "do not call me" said on a call binds from that moment, whether or not the list has it yet.
  if (listing.listed || requested.length > 0) {
    const since = Math.min(listing.since ?? Infinity, ...requested);
    const lists = [...listing.listIds, ...(requested.length > 0 ? ['call-request'] : [])].join(',');
    reasons.push(reason('dnc-listed', 'block', since, undefined, { lists }));
  }

  const check = dncCheckState(known.dncChecks, known.dncLists, rules, at);
  if (check.stale) {
    const detail = {
      lists: check.listIds.join(','),
      ...(rules.dncMaxAgeDays ? { maxAgeDays: rules.dncMaxAgeDays.value } : {}),
    };
    reasons.push(reason('dnc-check-stale', 'block', check.since, undefined, detail));
  }

  const required = rules.consentRequired.value;
  if (consent.status === 'withdrawn') {
    reasons.push(reason('consent-withdrawn', 'block', consent.since));
  } else if (consent.status === 'missing' && required) {
    reasons.push(
      reason(
        'consent-missing',
        'block',
        undefined,
        undefined,
        consent.rejectedBasis ? { rejectedBasis: consent.rejectedBasis } : undefined,
      ),
    );
  } else if (consent.status === 'expired' && required) {
    reasons.push(reason('consent-expired', 'block', consent.since, undefined, { basis: consent.basis! }));
  } else if (consent.status === 'valid' && required && noticeFrom !== undefined) {
    if (at >= noticeFrom)
      reasons.push(reason('consent-expiring', 'warn', noticeFrom, consent.expiresAt, { basis: consent.basis! }));
  }

  const frequency = contactFrequencyAt(callTimes, rules, at);
  facts.nextChangeAt = firstAfter(at, [
    consent.expiresAt,
    noticeFrom,
    deadline,
    stale.staleFrom,
    check.staleFrom,
    frequency.capped ? frequency.nextAllowedAt : undefined,
  ]);
  if (frequency.capped) {
    const cap = frequency.limits.find((l) => l.kind === 'cap');
    const detail: Reason['detail'] = cap
      ? { attempts: cap.attempts, limit: cap.cap!.count, windowHours: cap.cap!.windowHours }
      : {};
    if (frequency.limits.some((l) => l.kind === 'gap')) detail.minGapHours = rules.minGapHours!.value;
    reasons.push(reason('frequency-capped', 'block', frequency.since, frequency.nextAllowedAt, detail));
  }

  const zone = callZone(lead.timeZone, rules.timeZone);
  // The cheap test first: most leads are inside their window, and then nothing more is needed.
  const hours = isWithinCallingHours(at, zone, rules.callingHours)
    ? null
    : callingHoursAt(at, zone, rules.callingHours);
  if (hours) {
    const detail = {
      timeZone: zone,
      local: `${hours.local.date} ${hhmm(hours.local.minuteOfDay)}`,
      from: hhmm(hours.window.from),
      to: hhmm(hours.window.to),
    };
    reasons.push(reason('outside-calling-hours', 'block', hours.since, hours.until, detail));
  }

  if (stale.stale)
    reasons.push(reason('stale-data', 'warn', stale.staleFrom, undefined, { months: rules.staleMonths.value }));
  return { reasons, facts };
}

const reasonsAt = (lead: VerdictLead, known: LeadHistory, rules: EffectiveRules, at: number): Reason[] =>
  assess(lead, known, rules, at).reasons;

const blocks = (reasons: Reason[]) => reasons.filter((r) => r.severity === 'block');

/** First instant after `at` with no block, when only time-bound blocks stand and nothing new happens meanwhile. */
function nextCallable(
  lead: VerdictLead,
  known: LeadHistory,
  rules: EffectiveRules,
  at: number,
  blocking: Reason[],
): number | undefined {
  let current = blocking;
  let t = at;
  // Each step waits out the current blocks; hours and frequency caps interlock, so a few steps can be needed.
  for (let step = 0; step < 16; step++) {
    if (!current.every((r) => TIME_BOUND.includes(r.code) && r.until !== undefined)) return undefined;
    const next = Math.max(...current.map((r) => r.until!));
    if (next <= t) return undefined;
    t = next;
    current = blocks(reasonsAt(lead, known, rules, t));
    if (current.length === 0) return t;
  }
  return undefined;
}

/** The verdict at `at` and the facts it was read from (consent expiry, retention deadline, stale date). */
export function verdictWithFacts(
  lead: VerdictLead,
  history: LeadHistory,
  rules: EffectiveRules,
  at: number,
): { verdict: Verdict; facts: VerdictFacts } {
  const known = knownAt(history, at);
  const seen = leadKnownAt(lead, at);
  const { reasons, facts } = assess(seen, known, rules, at);
  facts.nextChangeAt = Math.min(facts.nextChangeAt, nextKnown(lead, history, at));
  const blocking = blocks(reasons);
  if (blocking.length === 0) return { verdict: { callable: true, reasons }, facts };
  const nextCallableAt = nextCallable(seen, known, rules, at, blocking);
  return {
    verdict: nextCallableAt === undefined ? { callable: false, reasons } : { callable: false, reasons, nextCallableAt },
    facts,
  };
}

/** Whether `lead` may be called at `at` under `rules`, with every reason and, when only time blocks it, when it may. */
export function verdict(lead: VerdictLead, history: LeadHistory, rules: EffectiveRules, at: number): Verdict {
  return verdictWithFacts(lead, history, rules, at).verdict;
}

/** How many verdicts carry each reason (a lead with several reasons counts once under each). */
export function countByReason(verdicts: readonly Verdict[]): Record<ReasonCode, number> {
  const counts = Object.fromEntries(REASON_CODES.map((c) => [c, 0])) as Record<ReasonCode, number>;
  for (const v of verdicts) for (const code of new Set(v.reasons.map((r) => r.code))) counts[code] += 1;
  return counts;
}

/** Totals for a set of verdicts: how many, how many callable, and the count per reason. */
export function verdictSummary(verdicts: readonly Verdict[]): {
  total: number;
  callable: number;
  byReason: Record<ReasonCode, number>;
} {
  return {
    total: verdicts.length,
    callable: verdicts.filter((v) => v.callable).length,
    byReason: countByReason(verdicts),
  };
}
