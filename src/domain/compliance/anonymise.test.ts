import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { anonymiseLead, isHashedPhone, keyedPhoneHash } from './anonymise';
import { effectiveRules } from './policies';
import { cohortCounts } from './retention-plan';
import { verdict } from './verdict';

const KEY = 'ab'.repeat(32);
const lead: Lead = {
  id: 7,
  phoneE164: '+12125550100',
  phoneRaw: '(212) 555-0100',
  region: 'US',
  timeZone: 'America/New_York',
  name: 'Jane Doe',
  company: 'Acme',
  email: 'jane@acme.example',
  tags: ['priority'],
  sourceId: 'web',
  campaignId: 'spring',
  acquiredAt: 1_600_000_000_000,
  acquiredAtPrecision: 'exact',
  createdAt: 1_600_000_100_000,
  updatedAt: 1_600_000_100_000,
  entryMethod: 'file',
  attempts: 3,
  firstContactAt: 1_600_100_000_000,
  lastContactAt: 1_600_200_000_000,
  firstConnectedAt: 1_600_200_000_000,
  convertedAt: 1_600_200_000_000,
  lastOutcome: 'converted',
  dncStatus: 'listed',
  dncCheckedAt: 1_600_300_000_000,
  dncCheckedVersions: [2],
  importBatchId: 4,
};

describe('anonymiseLead', () => {
  it('removes name, company, email, tags and the raw phone; keeps what the charts read', () => {
    const a = anonymiseLead(lead, KEY, 1_700_000_000_000);
    expect(a).toMatchObject({
      name: '',
      company: '',
      email: '',
      tags: [],
      phoneRaw: '',
      anonymizedAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
    });
    const kept = [
      'id',
      'region',
      'timeZone',
      'sourceId',
      'campaignId',
      'acquiredAt',
      'createdAt',
      'entryMethod',
      'attempts',
      'firstContactAt',
      'lastContactAt',
      'firstConnectedAt',
      'convertedAt',
      'lastOutcome',
      'dncStatus',
      'importBatchId',
    ] as const;
    for (const k of kept) expect(a[k]).toEqual(lead[k]);
    expect(JSON.stringify(a)).not.toMatch(/Jane|Acme|555/);
  });

  it('keeps the number only as a keyed hash: the same number under the same key matches, another key does not', () => {
    const a = anonymiseLead(lead, KEY, 1);
    expect(isHashedPhone(a.phoneE164)).toBe(true);
    expect(a.phoneE164).toBe(keyedPhoneHash('+12125550100', KEY));
    expect(a.phoneE164).not.toBe(keyedPhoneHash('+12125550100', 'cd'.repeat(32)));
    expect(anonymiseLead(a, KEY, 2)).toMatchObject({ phoneE164: a.phoneE164, anonymizedAt: 1 });
  });
});

describe('anonymisation properties', () => {
  it('for any lead: cohort counts are unchanged, and the purged lead is blocked as anonymised, never as past retention', () => {
    const rules = effectiveRules(DEFAULT_SETTINGS.policyPresets, DEFAULT_SETTINGS);
    const when = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2026, 0, 1) });
    const leadArb = fc.record({
      acquiredAt: when,
      attempts: fc.nat(5),
      connected: fc.boolean(),
      converted: fc.boolean(),
      purgeAfter: fc.integer({ min: 0, max: 4e10 }),
    });
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 20 }), (rows) => {
        const leads = rows.map((r, i): Lead => ({
          ...lead,
          id: i + 1,
          acquiredAt: r.acquiredAt,
          attempts: r.attempts,
          ...(r.connected && r.attempts > 0 ? { firstConnectedAt: r.acquiredAt + 1 } : { firstConnectedAt: undefined }),
          ...(r.converted && r.connected && r.attempts > 0
            ? { convertedAt: r.acquiredAt + 2 }
            : { convertedAt: undefined }),
        }));
        const purged = leads.map((l, i) => anonymiseLead(l, KEY, l.acquiredAt + rows[i]!.purgeAfter));
        expect([...cohortCounts(purged, 'America/New_York').values()]).toEqual([
          ...cohortCounts(leads, 'America/New_York').values(),
        ]);
        for (const p of purged) {
          const codes = verdict(
            p,
            { consents: [], calls: [], dncLists: [], dncHits: [], dncChecks: [] },
            rules,
            p.anonymizedAt! + 1,
          ).reasons.map((r) => r.code);
          expect(codes).toEqual(['anonymized']);
        }
      }),
      { numRuns: 100 },
    );
  });
});
