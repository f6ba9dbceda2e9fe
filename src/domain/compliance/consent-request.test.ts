/**
 * A request for consent renewal, as worked examples: the verdict's facts say it is awaiting an
 * answer, consent and every reason stay as they were (a request is not proof), and the answer —
 * a renewal, a grant or a withdrawal captured after it — ends the wait.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { MS_PER_DAY } from '../time/calendar';
import type { ConsentEvent } from './consent-event';
import { awaitingRenewalIds, pendingRenewalAt, type ConsentRequest } from './consent-request';
import { effectiveRules } from './policies';
import { verdictWithFacts } from './verdict';
import type { LeadHistory, VerdictLead } from './verdict-types';

const T = Date.UTC(2026, 2, 10, 16, 0); // a Tuesday, 11:00 in New York
const RULES = effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS); // the organisation requires consent
const lead: VerdictLead = {
  id: 1,
  phoneE164: '+12125550100',
  region: 'US',
  timeZone: 'America/New_York',
  acquiredAt: T - 400 * MS_PER_DAY,
  createdAt: T - 400 * MS_PER_DAY,
};
const expiredConsent: ConsentEvent = {
  id: 1,
  leadId: 1,
  purpose: 'calls',
  kind: 'granted',
  basis: 'consent',
  capturedAt: T - 300 * MS_PER_DAY,
  expiresAt: T - 10 * MS_PER_DAY,
  method: 'web-form',
  proofRef: 'form-1',
  capturedBy: 'web',
};
const request: ConsentRequest = {
  id: 1,
  leadId: 1,
  purpose: 'calls',
  requestedAt: T - 2 * MS_PER_DAY,
  requestedBy: 'Data steward',
  channel: 'email',
};
const history = (extra: Partial<LeadHistory> = {}): LeadHistory => ({
  consents: [expiredConsent],
  calls: [],
  dncLists: [],
  dncHits: [],
  dncChecks: [],
  ...extra,
});

describe('the verdict of a lead whose consent renewal was requested', () => {
  it('shows "renewal requested" in its facts — when, by whom, how — and stays blocked as before', () => {
    const without = verdictWithFacts(lead, history(), RULES, T);
    const withRequest = verdictWithFacts(lead, history({ renewalRequests: [request] }), RULES, T);
    expect(withRequest.facts.renewalRequested).toEqual({
      requestedAt: request.requestedAt,
      requestedBy: 'Data steward',
      channel: 'email',
    });
    expect(withRequest.verdict).toEqual(without.verdict);
    expect(withRequest.verdict.callable).toBe(false);
    expect(withRequest.verdict.reasons.map((r) => r.code)).toContain('consent-expired');
    expect(withRequest.facts.consent).toEqual(without.facts.consent);
  });

  it('is not awaiting before the request was made (the verdict at a past instant does not know it)', () => {
    expect(
      verdictWithFacts(lead, history({ renewalRequests: [request] }), RULES, request.requestedAt - 1).facts
        .renewalRequested,
    ).toBeUndefined();
  });

  it('stops awaiting once a renewal is recorded after the request, and the renewal (not the request) makes consent valid', () => {
    const renewal: ConsentEvent = {
      ...expiredConsent,
      id: 2,
      kind: 'renewed',
      capturedAt: T - MS_PER_DAY,
      expiresAt: T + 365 * MS_PER_DAY,
    };
    const { verdict, facts } = verdictWithFacts(
      lead,
      history({ consents: [expiredConsent, renewal], renewalRequests: [request] }),
      RULES,
      T,
    );
    expect(facts.renewalRequested).toBeUndefined();
    expect(facts.consent.status).toBe('valid');
    expect(verdict.reasons.map((r) => r.code)).not.toContain('consent-expired');
  });

  it('a withdrawal after the request answers it too; a consent captured before the request does not', () => {
    const withdrawal: ConsentEvent = { ...expiredConsent, id: 3, kind: 'withdrawn', capturedAt: T - MS_PER_DAY };
    expect(pendingRenewalAt([request], [withdrawal], 'calls', T)).toBeUndefined();
    expect(pendingRenewalAt([request], [expiredConsent], 'calls', T)).toMatchObject({
      requestedAt: request.requestedAt,
    });
  });

  it('a request for another purpose is not a request for calls', () => {
    expect(pendingRenewalAt([{ ...request, purpose: 'sms' }], [], 'calls', T)).toBeUndefined();
  });

  it('the newest request is the one shown', () => {
    const again = { ...request, id: 2, requestedAt: T - MS_PER_DAY, channel: 'sms' as const };
    expect(pendingRenewalAt([again, request], [], 'calls', T)).toMatchObject({
      requestedAt: again.requestedAt,
      channel: 'sms',
    });
  });
});

describe('awaitingRenewalIds (the queue and the export)', () => {
  it('lists each lead with an unanswered request once, in id order', () => {
    const requests: ConsentRequest[] = [
      { ...request, leadId: 5 },
      { ...request, id: 2, leadId: 2 },
      { ...request, id: 3, leadId: 5, requestedAt: T - MS_PER_DAY },
      { ...request, id: 4, leadId: 9 },
    ];
    const answered: ConsentEvent = { ...expiredConsent, id: 9, leadId: 9, kind: 'renewed', capturedAt: T - MS_PER_DAY };
    expect(awaitingRenewalIds(requests, [answered, expiredConsent], T)).toEqual([2, 5]);
  });
});
