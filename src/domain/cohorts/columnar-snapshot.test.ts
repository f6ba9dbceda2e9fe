import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COHORT_GRAINS, cohortKey, cohortRange, type CohortGrain } from '../time/calendar';
import {
  FLAG_CONNECTED,
  FLAG_CONSENT_WITHDRAWN,
  FLAG_CONTACTED,
  FLAG_CONVERTED,
  FLAG_DNC_HIT,
  FLAG_HAS_CONTACT_TIME,
  FLAG_WRONG_NUMBER,
} from '../columns/lead-flags';
import { RULE_EXPLICIT, RULE_NONE, RULE_WINDOW, type ColumnarSnapshot } from './columnar-snapshot';
import { buildSnapshot, type SnapshotLead } from './snapshot-from-leads.test-helpers';
import { CAMPAIGNS, SOURCES, T0, ZONES } from './cohort-fixtures.test-helpers';

const at = (acquiredAt: number, id = 1, extra: Partial<SnapshotLead> = {}): SnapshotLead => ({
  id,
  sourceId: 'web',
  region: 'US',
  entryMethod: 'api',
  acquiredAt,
  createdAt: acquiredAt,
  attempts: 0,
  dncStatus: 'clear',
  ...extra,
});
const keyOf = (s: ColumnarSnapshot, i: number, grain: CohortGrain) =>
  s.grains[grain].keys[s.grains[grain].ofDay[s.day[i]!]!];

describe('the snapshot files each lead under the cohort keys of the organisation zone', () => {
  // Instants just either side of DST changes and year ends, in zones east and west, north and south.
  const cases: [string, string][] = [
    ['America/New_York', '2026-03-08T01:59-05:00'],
    ['America/New_York', '2026-03-08T03:00-04:00'],
    ['America/New_York', '2026-11-01T01:30-04:00'],
    ['America/New_York', '2026-11-01T01:30-05:00'],
    ['America/New_York', '2026-12-31T23:59-05:00'],
    ['America/New_York', '2027-01-01T00:00-05:00'],
    ['Europe/Berlin', '2026-03-29T01:59+01:00'],
    ['Europe/Berlin', '2026-03-29T03:00+02:00'],
    ['Europe/Berlin', '2026-10-25T02:30+02:00'],
    ['Europe/Berlin', '2026-10-25T02:30+01:00'],
    ['Europe/Berlin', '2027-01-01T00:00+01:00'],
    ['Australia/Sydney', '2026-04-05T02:30+11:00'],
    ['Australia/Sydney', '2026-10-04T03:00+11:00'],
    ['Australia/Sydney', '2027-01-01T00:00+11:00'],
    ['Asia/Shanghai', '2024-12-30T00:30+08:00'],
    ['Asia/Shanghai', '2026-03-31T23:59+08:00'],
    ['Asia/Shanghai', '2026-04-01T00:00+08:00'],
    ['America/St_Johns', '2026-03-08T01:59-03:30'],
    ['America/St_Johns', '2026-03-08T03:00-02:30'],
    ['UTC', '2021-01-03T12:00Z'],
    ['UTC', '2027-01-03T23:59Z'],
    ['UTC', '2027-01-04T00:00Z'],
  ];
  it.each(cases)('%s %s', (zone, iso) => {
    const ms = Date.parse(iso);
    // Neighbours a day and a quarter away so the period tables span the boundary.
    const s = buildSnapshot([at(ms - 100 * 86_400_000, 1), at(ms, 2), at(ms + 100 * 86_400_000, 3)], [], {
      timeZone: zone,
      campaigns: [],
      sources: [],
    });
    for (const grain of COHORT_GRAINS) {
      expect(keyOf(s, 1, grain)).toBe(cohortKey(ms, grain, zone));
      const g = s.grains[grain];
      const k = g.ofDay[s.day[1]!]!;
      const r = cohortRange(g.keys[k]!, zone)!;
      expect([g.starts[k], g.ends[k]]).toEqual([r.from, r.to]);
    }
  });

  it('agrees with cohortKey and cohortRange for any instants in any of several zones', () => {
    const instantsArb = fc
      .tuple(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 }), { minLength: 1, maxLength: 6 }),
      )
      .map(([base, offsets]) => offsets.map((o) => base + o));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), instantsArb, (zone, instants) => {
        const s = buildSnapshot(
          instants.map((ms, i) => at(ms, i + 1)),
          [],
          { timeZone: zone, campaigns: [], sources: [] },
        );
        instants.forEach((ms, i) => {
          for (const grain of COHORT_GRAINS) expect(keyOf(s, i, grain)).toBe(cohortKey(ms, grain, zone));
        });
        for (const grain of COHORT_GRAINS) {
          const g = s.grains[grain];
          expect(g.keys).toEqual([...g.keys].sort());
          for (let k = 1; k < g.keys.length; k++) expect(g.starts[k]).toBe(g.ends[k - 1]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('columns', () => {
  const t = Date.UTC(2026, 0, 10);
  const s = buildSnapshot(
    [
      at(t, 10, {
        sourceId: 'web',
        campaignId: 'spring',
        region: 'CN',
        attempts: 2,
        firstContactAt: t + 5,
        firstConnectedAt: t + 6,
        convertedAt: t + 7,
      }),
      at(t, 11, { sourceId: 'web', entryMethod: 'file', dncStatus: 'listed' }),
      at(T0 + 40 * 86_400_000, 12, { sourceId: 'expo', attempts: 1, firstContactAt: t }),
    ],
    [
      { leadId: 12, outcome: 'wrong-number' },
      { leadId: 12, outcome: 'dnc-requested' },
      { leadId: 99, outcome: 'wrong-number' },
    ],
    { timeZone: 'UTC', campaigns: CAMPAIGNS, sources: SOURCES },
  );

  it('dictionary-encodes strings, with code 0 of the campaign column meaning none', () => {
    expect(s.sources).toEqual(['web', 'expo']);
    expect([...s.source]).toEqual([0, 0, 1]);
    expect(s.campaigns[0]).toBe('');
    expect(s.campaigns[s.campaign[0]!]).toBe('spring');
    expect(s.campaign[1]).toBe(0);
    expect(s.regions[s.region[0]!]).toBe('CN');
    expect(s.entries[s.entry[1]!]).toBe('file');
  });

  it('keeps instants as floats with NaN for none', () => {
    expect([s.firstContactAt[0], s.firstConnectedAt[0], s.convertedAt[0]]).toEqual([t + 5, t + 6, t + 7]);
    expect(Number.isNaN(s.convertedAt[1]!)).toBe(true);
  });

  it('sets outcome flags from the lead and its calls (calls of unknown leads are ignored)', () => {
    expect(s.flags[0]).toBe(FLAG_CONTACTED | FLAG_CONNECTED | FLAG_CONVERTED | FLAG_HAS_CONTACT_TIME);
    expect(s.flags[1]).toBe(FLAG_DNC_HIT);
    expect(s.flags[2]).toBe(FLAG_CONTACTED | FLAG_WRONG_NUMBER | FLAG_DNC_HIT | FLAG_HAS_CONTACT_TIME);
  });

  it('records campaign membership and the rule that applied', () => {
    expect([s.members[s.member[0]!], s.memberRule[0]]).toEqual(['spring', RULE_EXPLICIT]);
    expect([s.member[1], s.memberRule[1]]).toEqual([0, RULE_NONE]);
    // An expo lead acquired inside the expo follow-up window, with no campaign id.
    expect([s.members[s.member[2]!], s.memberRule[2]]).toEqual(['expo-fu', RULE_WINDOW]);
  });

  it('grows past its initial capacity', () => {
    const many = Array.from({ length: 5000 }, (_, i) => at(t + i * 60_000, i + 1));
    const big = buildSnapshot(many.values(), [], { timeZone: 'UTC', campaigns: [], sources: [] });
    expect(big.n).toBe(5000);
    expect(big.acquiredAt[4999]).toBe(t + 4999 * 60_000);
  });

  it('widens a code column past 65,536 distinct values instead of wrapping or merging them', () => {
    const n = 70_000;
    const many = Array.from({ length: n }, (_, i) => at(t, i + 1, { sourceId: `src-${i}` }));
    const big = buildSnapshot(many.values(), [], { timeZone: 'UTC', campaigns: [], sources: [] });
    expect(big.source).toBeInstanceOf(Uint32Array);
    expect(big.region).toBeInstanceOf(Uint16Array);
    expect(big.sources.length).toBe(n);
    for (const i of [0, 65_535, 65_536, n - 1]) expect(big.sources[big.source[i]!]).toBe(`src-${i}`);
    expect(new Set(big.source).size).toBe(n);
  });

  it('keeps flags of both engines apart: a cohort flag above 8 bits survives', () => {
    const withdrawn = buildSnapshot([at(t, 1)], [], { timeZone: 'UTC', campaigns: [], sources: [] }, [
      { leadId: 1, purpose: 'calls', kind: 'withdrawn', capturedAt: t },
    ]);
    expect(withdrawn.flags[0]).toBe(FLAG_CONSENT_WITHDRAWN);
  });
});
