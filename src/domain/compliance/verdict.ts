/**
 * The one verdict function (DESIGN.md §4): may this lead be called at `at`, and why not.
 * Every queue, badge, filter and export asks it; nothing re-implements a rule. History is cut
 * to what was known at `at` first, so the same call answers "was this call compliant when it
 * was made?" and later events can never change that answer.
 */
import { addDays } from '../time/calendar';
import { hhmm } from '../time/hhmm';
import { callZone } from './call-zone';
import { callingHoursAt, isWithinCallingHours } from './calling-hours';
import { consentStateAt, type ConsentState } from './consent';
import { pendingRenewalAt, type PendingRenewal } from './consent-request';
import { contactFrequencyAt } from './contact-frequency';
import { firstAfter, knownAt, leadKnownAt, nextKnown } from './known-at';
import { dncCheckState, dncListedAt } from './dnc';
import type { EffectiveRules } from './policies';
import { retentionDeadline } from './retention';
import { staleDataAt } from './stale-data';
import type { LeadHistory, Reason, ReasonCode, Verdict, VerdictLead } from './verdict-types';

/** Blocks that lift by themselves as time passes, so a `nextCallableAt` can be given. */
const TIME_BOUND: readonly ReasonCode[] = ['frequency-capped', 'outside-calling-hours'];

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
