import { describe, expect, it } from 'vitest';
import { buildComplianceWorld } from '../compliance/compliance-world';
import { DEFAULT_SETTINGS } from '../settings/settings';
import type { Lead } from '../leads/lead';
import { overviewFigures } from './overview-figures';

const AT = Date.UTC(2026, 10, 29, 17, 0); // 12:00 in New York
const lead = (id: number, sourceId: string, acquiredAt: number): Lead =>
  ({
    id,
    phoneE164: `+1212555${String(id).padStart(4, '0')}`,
    phoneRaw: '',
    region: 'US',
    timeZone: 'America/New_York',
    tags: [],
    sourceId,
    acquiredAt,
    acquiredAtPrecision: 'second',
    createdAt: acquiredAt,
    updatedAt: acquiredAt,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
    dncCheckedVersions: [],
  }) as unknown as Lead;

describe('overviewFigures', () => {
  const world = buildComplianceWorld({ consents: [], calls: [], dncLists: [], dncVersions: [], dncEntries: [] });
  const leads = [
    lead(1, 'web', Date.UTC(2026, 10, 1, 5)), // 1 Nov 00:00 in New York: this month
    lead(2, 'web', Date.UTC(2026, 10, 1, 3, 59)), // 31 Oct 23:59 in New York: last month
    lead(3, 'fair', Date.UTC(2026, 10, 20)),
    lead(4, 'unknown-source', Date.UTC(2025, 0, 1)),
  ];

  it('counts leads per source (names from the catalogue, most first) and those acquired this month in the organisation zone', () => {
    const f = overviewFigures(
      leads,
      world,
      { ...DEFAULT_SETTINGS, orgTimeZone: 'America/New_York' },
      [
        { id: 'web', name: 'Web forms' },
        { id: 'fair', name: 'Trade fair' },
      ],
      AT,
    );
    expect(f.total).toBe(4);
    expect(f.acquiredThisMonth).toBe(2);
    expect(f.bySource).toEqual([
      { sourceId: 'web', name: 'Web forms', count: 2 },
      { sourceId: 'fair', name: 'Trade fair', count: 1 },
      { sourceId: 'unknown-source', name: 'unknown-source', count: 1 },
    ]);
    expect(f.at).toBe(AT);
    expect(f.presets).toEqual(DEFAULT_SETTINGS.policyPresets);
  });

  it('judges every lead once: the queues add up to the population', () => {
    const f = overviewFigures(leads, world, DEFAULT_SETTINGS, [], AT);
    expect(f.callable).toBeLessThanOrEqual(f.total);
    // With consent required by the organisation and none recorded, nobody is callable.
    expect(f.callable).toBe(0);
  });
});
