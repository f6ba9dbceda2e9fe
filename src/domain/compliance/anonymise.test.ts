import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { anonymiseLead, isHashedPhone, keyedPhoneHash } from './anonymise';

const KEY = 'ab'.repeat(32);
const lead: Lead = {
  id: 7, phoneE164: '+12125550100', phoneRaw: '(212) 555-0100', region: 'US', timeZone: 'America/New_York', name: 'Jane Doe', company: 'Acme', email: 'jane@acme.example',
  tags: ['priority'], sourceId: 'web', campaignId: 'spring', acquiredAt: 1_600_000_000_000, acquiredAtPrecision: 'exact', createdAt: 1_600_000_100_000, updatedAt: 1_600_000_100_000,
  entryMethod: 'file', attempts: 3, firstContactAt: 1_600_100_000_000, lastContactAt: 1_600_200_000_000, firstConnectedAt: 1_600_200_000_000, convertedAt: 1_600_200_000_000,
  lastOutcome: 'converted', dncStatus: 'listed', dncCheckedAt: 1_600_300_000_000, dncCheckedVersions: [2], importBatchId: 4,
};

describe('anonymiseLead', () => {
  it('removes name, company, email, tags and the raw phone; keeps what the charts read', () => {
    const a = anonymiseLead(lead, KEY, 1_700_000_000_000);
    expect(a).toMatchObject({ name: '', company: '', email: '', tags: [], phoneRaw: '', anonymizedAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000 });
    const kept = ['id', 'region', 'timeZone', 'sourceId', 'campaignId', 'acquiredAt', 'createdAt', 'entryMethod', 'attempts', 'firstContactAt', 'lastContactAt', 'firstConnectedAt', 'convertedAt', 'lastOutcome', 'dncStatus', 'importBatchId'] as const;
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
