import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { parseLocal } from '../time/calendar';
import { buildComplianceWorld } from './compliance-world';
import { complianceSummary } from './compliance-summary';
import type { ConsentEvent } from './consent-event';

const NY = 'America/New_York';
const local = (t: string) => parseLocal(t, 'yyyy-MM-dd HH:mm', NY)!;
const AT = local('2026-03-10 11:00');
const base: Lead = {
  id: 1,
  phoneE164: '+12125550100',
  phoneRaw: '',
  region: 'US',
  timeZone: NY,
  name: '',
  company: '',
  email: '',
  tags: [],
  sourceId: 's',
  acquiredAt: local('2026-01-15 10:00'),
  acquiredAtPrecision: 'exact',
  createdAt: local('2026-01-15 10:00'),
  updatedAt: 0,
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'unchecked',
  dncCheckedVersions: [],
};
const consent = (leadId: number, expiresAt: number): ConsentEvent => ({
  id: leadId,
  leadId,
  purpose: 'calls',
  kind: 'granted',
  basis: 'consent',
  capturedAt: local('2025-06-01 10:00'),
  expiresAt,
  method: 'web-form',
  proofRef: 'p',
  capturedBy: 't',
});

describe('complianceSummary', () => {
  it('counts queues off the verdict and puts consents and retention deadlines due in the next 90 days on their local day', () => {
    const leads: Lead[] = [
      { ...base, id: 1 },
      { ...base, id: 2, phoneE164: '+12125550101' },
      // Retention (36 months after acquisition, never contacted) ends on 2026-04-02 10:00.
      { ...base, id: 3, phoneE164: '+12125550102', acquiredAt: local('2023-04-02 10:00') },
      { ...base, id: 4, phoneE164: '+12125550103', acquiredAt: local('2022-01-01 10:00') },
      { ...base, id: 5, phoneE164: '+12125550104', anonymizedAt: local('2026-01-01 00:00') },
    ];
    const world = buildComplianceWorld({
      consents: [consent(1, local('2026-03-20 00:30')), consent(2, local('2026-09-01 00:00'))],
      calls: [],
      dncLists: [],
      dncVersions: [],
      dncEntries: [],
    });
    const s = complianceSummary(leads, world, DEFAULT_SETTINGS, AT, 90);
    expect(s.total).toBe(5);
    expect(s.callable).toBe(2);
    expect(s.queues).toMatchObject({ consentRenewal: 1, consentExpired: 2, retention: 1 });
    expect(s.byReason.anonymized).toBe(1);
    expect(s.calendar).toEqual([
      { day: '2026-03-20', consents: 1, retention: 0 },
      { day: '2026-04-02', consents: 0, retention: 1 },
    ]);
  });
});
