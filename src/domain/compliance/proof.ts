/**
 * The point-in-time proof (DESIGN.md §4): for one lead at one instant — typically the moment
 * of a logged call — everything the verdict rested on, rebuilt from what was known then:
 * consent, the DNC versions in force and the lead's screening, attempts in the window, the
 * local time and the rules with their sources. Each part is read with the same domain
 * functions the verdict uses, so the report cannot disagree with it.
 */
import type { Call } from '../leads/call';
import type { Lead } from '../leads/lead';
import { callingHoursAt, type CallingHoursState } from './calling-hours';
import type { ConsentEvent } from './consent-event';
import { consentStateAt, type ConsentState } from './consent';
import { contactFrequencyAt, type FrequencyState } from './contact-frequency';
import { dncCheckState, dncListedAt, versionInForce, type DncCheckState, type DncListing } from './dnc';
import type { EffectiveRules } from './policies';
import { callZone } from './call-zone';
import { knownAt } from './known-at';
import { verdict } from './verdict';
import type { LeadHistory, Verdict } from './verdict-types';

export interface ProofInput {
  lead: Lead;
  history: LeadHistory;
  rules: EffectiveRules;
  at: number;
  call?: Call;
  listNames: ReadonlyMap<string, string>;
  generatedAt: number;
  /** The audit chain head when the report was made, and the last entry at or before `at`. */
  auditHead: { seq: number; hash: string };
  auditAtMoment: { seq: number; hash: string; at: number } | null;
}

export interface ProofReport {
  generatedAt: number;
  at: number;
  lead: Pick<
    Lead,
    'id' | 'phoneE164' | 'region' | 'timeZone' | 'acquiredAt' | 'acquiredAtPrecision' | 'createdAt' | 'sourceId'
  > &
    Partial<Pick<Lead, 'campaignId' | 'verifiedAt' | 'anonymizedAt'>>;
  call?: Pick<Call, 'id' | 'at' | 'outcome' | 'agent' | 'durationSec'>;
  verdict: Verdict;
  local: CallingHoursState & { timeZone: string };
  consent: ConsentState & { events: ConsentEvent[] };
  dnc: {
    lists: {
      listId: string;
      name: string;
      kind: string;
      active: boolean;
      inForce: { id: number; publishedAt: number; importedAt: number } | null;
    }[];
    listing: DncListing;
    check: DncCheckState;
  };
  frequency: FrequencyState & { calls: { at: number; outcome: string }[] };
  policy: EffectiveRules;
  audit: { head: { seq: number; hash: string }; atMoment: { seq: number; hash: string; at: number } | null };
}

/** Everything a proof shows, from what was known at `at`. */
export function buildProof(input: ProofInput): ProofReport {
  const { lead, history, rules, at, call } = input;
  const known = knownAt(history, at);
  const timeZone = callZone(lead.timeZone, rules.timeZone);
  const callTimes = known.calls.map((c) => c.at);
  const {
    id,
    phoneE164,
    region,
    acquiredAt,
    acquiredAtPrecision,
    createdAt,
    sourceId,
    campaignId,
    verifiedAt,
    anonymizedAt,
  } = lead;
  return {
    generatedAt: input.generatedAt,
    at,
    lead: {
      id,
      phoneE164,
      region,
      timeZone: lead.timeZone,
      acquiredAt,
      acquiredAtPrecision,
      createdAt,
      sourceId,
      ...(campaignId !== undefined ? { campaignId } : {}),
      ...(verifiedAt !== undefined && verifiedAt <= at ? { verifiedAt } : {}),
      ...(anonymizedAt !== undefined ? { anonymizedAt } : {}),
    },
    ...(call
      ? { call: { id: call.id, at: call.at, outcome: call.outcome, agent: call.agent, durationSec: call.durationSec } }
      : {}),
    verdict: verdict(lead, history, rules, at),
    local: { ...callingHoursAt(at, timeZone, rules.callingHours), timeZone },
    consent: {
      ...consentStateAt(known.consents, 'calls', rules, at),
      events: known.consents.filter((e) => e.purpose === 'calls').sort((a, b) => a.capturedAt - b.capturedAt),
    },
    dnc: {
      lists: known.dncLists.map((l) => {
        const v = versionInForce(l, at);
        return {
          listId: l.listId,
          name: input.listNames.get(l.listId) ?? l.listId,
          kind: l.kind,
          active: l.active,
          inForce: v ? { id: v.id, publishedAt: v.publishedAt, importedAt: v.importedAt } : null,
        };
      }),
      listing: dncListedAt(known.dncHits, known.dncLists, at),
      check: dncCheckState(known.dncChecks, known.dncLists, rules, at),
    },
    frequency: {
      ...contactFrequencyAt(callTimes, rules, at),
      calls: known.calls.map((c) => ({ at: c.at, outcome: c.outcome })).sort((a, b) => b.at - a.at),
    },
    policy: rules,
    audit: { head: input.auditHead, atMoment: input.auditAtMoment },
  };
}

/**
 * A lead's screenings as known from the scrub log: the lead records only its latest check, but
 * every scrub checks every lead stored at that moment, so earlier scrubs after the lead's
 * creation were checks of it too. A proof of a past call needs those.
 */
export function checksFromScrubs(
  lead: Pick<Lead, 'createdAt' | 'dncCheckedAt' | 'dncCheckedVersions'>,
  scrubs: readonly { at: number; versionIds: number[] }[],
): LeadHistory['dncChecks'] {
  const checks = scrubs.filter((s) => s.at >= lead.createdAt).map((s) => ({ at: s.at, versionIds: s.versionIds }));
  if (lead.dncCheckedAt !== undefined && !checks.some((c) => c.at === lead.dncCheckedAt))
    checks.push({ at: lead.dncCheckedAt, versionIds: lead.dncCheckedVersions });
  return checks.sort((a, b) => a.at - b.at);
}
