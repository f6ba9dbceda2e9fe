/** Properties of the verdict that no table of examples can cover: they hold for any lead, history and instant. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOMES } from '../leads/call-outcome';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { MS_PER_DAY } from '../time/calendar';
import { CONSENT_BASES, CONSENT_KINDS, type ConsentEvent } from './consent-event';
import { effectiveRules } from './policies';
import { PRESET_IDS } from './policy-presets';
import { knownAt } from './known-at';
import { verdict, verdictWithFacts } from './verdict';
import type { DncHit, LeadHistory, VerdictLead } from './verdict-types';

const T0 = Date.UTC(2026, 0, 1);
const instant = fc.integer({ min: T0 - 400 * MS_PER_DAY, max: T0 + 400 * MS_PER_DAY });
const later = fc.integer({ min: 1, max: 400 * MS_PER_DAY });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const LIST_IDS = ['national', 'state', 'internal'] as const;
const BASE_VERSION_IDS = [1, 2, 3, 4, 5, 6];

const leadArb: fc.Arbitrary<VerdictLead> = fc.record({
  id: fc.constant(1),
  phoneE164: fc.constant('+12125550100'),
  region: fc.constantFrom('US', 'CN', 'GB', 'AU', 'CA', 'ZZ'),
  timeZone: fc.constantFrom(
    'America/New_York',
    'Asia/Shanghai',
    'Europe/London',
    'Australia/Sydney',
    'America/Toronto',
  ),
  acquiredAt: instant,
  createdAt: instant,
  verifiedAt: maybe(instant),
  lastContactAt: maybe(instant),
  anonymizedAt: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: instant }),
});

const consentArb = (capturedAt: fc.Arbitrary<number>) =>
  fc.record({
    purpose: fc.constantFrom('calls' as const, 'sms' as const),
    kind: fc.constantFrom(...CONSENT_KINDS),
    basis: fc.constantFrom(...CONSENT_BASES),
    capturedAt,
    expiresAt: maybe(instant),
  });
type ConsentRow = Pick<ConsentEvent, 'purpose' | 'kind' | 'basis' | 'capturedAt' | 'expiresAt'>;
const toConsents = (rows: ConsentRow[], firstId: number): ConsentEvent[] =>
  rows.map((r, i) => ({ ...r, id: firstId + i, leadId: 1, method: 'written', proofRef: 'p', capturedBy: 't' }));

const historyArb: fc.Arbitrary<LeadHistory> = fc
  .record({
    consents: fc.array(consentArb(instant), { maxLength: 5 }),
    calls: fc.array(fc.record({ at: instant, outcome: fc.constantFrom(...CALL_OUTCOMES) }), { maxLength: 8 }),
    versions: fc.array(
      fc.record({
        list: fc.constantFrom(...LIST_IDS),
        publishedAt: instant,
        lag: fc.integer({ min: 0, max: 5 * MS_PER_DAY }),
      }),
      { maxLength: 6 },
    ),
    stateActive: fc.boolean(),
    hits: fc.array(
      fc.record({
        listId: fc.constantFrom(...LIST_IDS),
        addedVersionId: fc.constantFrom(...BASE_VERSION_IDS),
        removedVersionId: maybe(fc.constantFrom(...BASE_VERSION_IDS)),
        addedAt: maybe(instant),
      }),
      { maxLength: 4 },
    ),
    checks: fc.array(fc.record({ at: instant, versionIds: fc.subarray(BASE_VERSION_IDS) }), { maxLength: 4 }),
  })
  .map(({ consents, calls, versions, stateActive, hits, checks }) => ({
    consents: toConsents(consents, 1),
    calls,
    dncLists: LIST_IDS.map((listId) => ({
      listId,
      kind: listId,
      active: listId !== 'state' || stateActive,
      versions: versions.flatMap((v, i) =>
        v.list === listId ? [{ id: i + 1, publishedAt: v.publishedAt, importedAt: v.publishedAt + v.lag }] : [],
      ),
    })),
    dncHits: hits,
    dncChecks: checks,
  }));

const rulesArb = fc.subarray([...PRESET_IDS]).map((ids) => effectiveRules(ids, DEFAULT_SETTINGS));

interface Future {
  consents: ConsentRow[];
  calls: LeadHistory['calls'];
  versions: { list: string; publishedAt: number; importedAt: number }[];
  internalAdditions: number[];
  removeExisting: boolean;
  checks: LeadHistory['dncChecks'];
}

/** Things that happen after `at`: new consents, calls, list versions (and what they add or remove), checks. */
function futureArb(at: number): fc.Arbitrary<Future> {
  const after = later.map((d) => at + d);
  return fc.record({
    consents: fc.array(consentArb(after), { maxLength: 3 }),
    // A call at `at` itself is the one being judged, so it is "after" too.
    calls: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 400 * MS_PER_DAY }).map((d) => at + d),
        outcome: fc.constantFrom(...CALL_OUTCOMES),
      }),
      { maxLength: 3 },
    ),
    // A version counts once both published and imported: either may be the late one.
    versions: fc.array(
      fc.record({
        list: fc.constantFrom(...LIST_IDS),
        publishedAt: fc.oneof(
          after,
          instant.map((t) => Math.min(t, at)),
        ),
        importedAt: after,
      }),
      { maxLength: 3 },
    ),
    internalAdditions: fc.array(after, { maxLength: 2 }),
    removeExisting: fc.boolean(),
    checks: fc.array(fc.record({ at: after, versionIds: fc.subarray([...BASE_VERSION_IDS, 100, 101, 102]) }), {
      maxLength: 2,
    }),
  });
}

/** The history with the future appended; a new version may also remove numbers the lead had on that list. */
function extend(history: LeadHistory, f: Future): LeadHistory {
  const newVersions = f.versions.map((v, i) => ({ ...v, id: 100 + i }));
  const dncLists = history.dncLists.map((l) => ({
    ...l,
    versions: [
      ...l.versions,
      ...newVersions
        .filter((v) => v.list === l.listId)
        .map(({ id, publishedAt, importedAt }) => ({ id, publishedAt, importedAt })),
    ],
  }));
  const added: DncHit[] = newVersions.map((v) => ({ listId: v.list, addedVersionId: v.id }));
  const internal: DncHit[] = f.internalAdditions.map((addedAt) => ({ listId: 'internal', addedVersionId: 0, addedAt }));
  const existing = history.dncHits.map((h) => {
    const removal = newVersions.find((v) => v.list === h.listId);
    return f.removeExisting && h.removedVersionId === undefined && removal ? { ...h, removedVersionId: removal.id } : h;
  });
  return {
    consents: [...history.consents, ...toConsents(f.consents, 1000)],
    calls: [...history.calls, ...f.calls],
    dncLists,
    dncHits: [...existing, ...added, ...internal],
    dncChecks: [...history.dncChecks, ...f.checks],
  };
}

describe('verdict properties', () => {
  it('adding history after `at` never changes the verdict at `at`', () => {
    const scenario = instant.chain((at) => fc.tuple(fc.constant(at), leadArb, historyArb, rulesArb, futureArb(at)));
    fc.assert(
      fc.property(scenario, ([at, lead, history, rules, future]) => {
        expect(verdict(lead, extend(history, future), rules, at)).toEqual(verdict(lead, history, rules, at));
      }),
      { numRuns: 300 },
    );
  });

  it('a DNC-listed number is never callable', () => {
    const listing = fc.oneof(
      // On the national list in a version already published and imported…
      fc.record({ kind: fc.constant('version' as const), before: later }),
      // …or a "do not call me" added to the internal list by hand.
      fc.record({ kind: fc.constant('internal' as const), before: fc.integer({ min: 0, max: 400 * MS_PER_DAY }) }),
    );
    fc.assert(
      fc.property(instant, leadArb, historyArb, rulesArb, listing, (at, lead, history, rules, l) => {
        const listed: LeadHistory =
          l.kind === 'version'
            ? {
                ...history,
                dncLists: history.dncLists.map((list) =>
                  list.listId === 'national'
                    ? {
                        ...list,
                        versions: [...list.versions, { id: 50, publishedAt: at - l.before, importedAt: at - l.before }],
                      }
                    : list,
                ),
                dncHits: [...history.dncHits, { listId: 'national', addedVersionId: 50 }],
              }
            : {
                ...history,
                dncHits: [...history.dncHits, { listId: 'internal', addedVersionId: 0, addedAt: at - l.before }],
              };
        const v = verdict(lead, listed, rules, at);
        expect(v.callable).toBe(false);
        // An anonymised lead has no number left: its purge is the reason it stays blocked.
        const purged = lead.anonymizedAt !== undefined && lead.anonymizedAt <= at;
        expect(v.reasons.map((r) => r.code)).toContain(purged ? 'anonymized' : 'dnc-listed');
        expect(v.nextCallableAt).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('when a next callable instant is given, the lead is callable then (if nothing new happens)', () => {
    fc.assert(
      fc.property(instant, leadArb, historyArb, rulesArb, (at, lead, history, rules) => {
        const v = verdict(lead, history, rules, at);
        if (v.callable) expect(v.reasons.every((r) => r.severity === 'warn')).toBe(true);
        if (v.nextCallableAt === undefined) return;
        expect(v.nextCallableAt).toBeGreaterThan(at);
        expect(verdict(lead, knownAt(history, at), rules, v.nextCallableAt).callable).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing but the calling hours changes before the next change instant (the cache of a judged lead is sound)', () => {
    /** The answer without calling hours: what a cached judgement keeps. */
    const slow = (v: { reasons: { code: string; severity: string }[] }) =>
      v.reasons
        .filter((r) => r.code !== 'outside-calling-hours')
        .map((r) => `${r.code}:${r.severity}`)
        .sort();
    let bounded = 0;
    let changedRightAfter = 0;
    const scenario = instant.chain((at) =>
      fc.tuple(
        fc.constant(at),
        leadArb,
        historyArb,
        rulesArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(scenario, ([at, lead, history, rules, fractions]) => {
        const { verdict: v, facts } = verdictWithFacts(lead, history, rules, at);
        expect(facts.nextChangeAt).toBeGreaterThan(at);
        const horizon = Number.isFinite(facts.nextChangeAt) ? facts.nextChangeAt : at + 3 * 365 * MS_PER_DAY;
        if (Number.isFinite(facts.nextChangeAt)) bounded++;
        for (const f of fractions) {
          const t = Math.min(horizon - 1, at + Math.floor(f * (horizon - at)));
          expect(slow(verdict(lead, history, rules, t))).toEqual(slow(v));
        }
        if (
          Number.isFinite(facts.nextChangeAt) &&
          JSON.stringify(slow(verdict(lead, history, rules, facts.nextChangeAt))) !== JSON.stringify(slow(v))
        )
          changedRightAfter++;
      }),
      { numRuns: 500 },
    );
    // Anti-vacuity: most leads have something due, and the instant given is often exactly when the answer changes.
    expect(bounded).toBeGreaterThan(250);
    expect(changedRightAfter).toBeGreaterThan(50);
  });
});

describe('a request for consent renewal is not proof', () => {
  it('never changes the verdict or the consent state, at any instant (fast-check)', () => {
    const requestArb = fc.record({
      purpose: fc.constantFrom('calls' as const, 'sms' as const),
      requestedAt: instant,
      requestedBy: fc.constant('steward'),
      channel: fc.constantFrom('email' as const, 'sms' as const, 'call' as const, 'letter' as const),
    });
    fc.assert(
      fc.property(
        instant,
        leadArb,
        historyArb,
        rulesArb,
        fc.array(requestArb, { minLength: 1, maxLength: 4 }),
        (at, lead, history, rules, requests) => {
          const plain = verdictWithFacts(lead, history, rules, at);
          const asked = verdictWithFacts(lead, { ...history, renewalRequests: requests }, rules, at);
          expect(asked.verdict).toEqual(plain.verdict);
          expect(asked.facts.consent).toEqual(plain.facts.consent);
          // Awaiting only when some request for calls was made by then.
          if (asked.facts.renewalRequested)
            expect(requests.some((r) => r.purpose === 'calls' && r.requestedAt <= at)).toBe(true);
        },
      ),
    );
  });
});
