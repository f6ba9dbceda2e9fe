import { describe, expect, it } from 'vitest';
import { consentEventSchema } from '../../src/domain/compliance/consent-event';
import { dncEntrySchema } from '../../src/domain/compliance/dnc-list';
import { callSchema } from '../../src/domain/leads/call';
import { callFacts } from '../../src/domain/leads/call-facts';
import { leadSchema } from '../../src/domain/leads/lead';
import { timeZoneForNumber } from '../../src/domain/leads/phone-time-zone';
import { CSV_HEADER, csvField, leadsCsvParts } from './dataset-csv';
import { DAY, SAMPLE_TAG, benchCatalog, generateChunk, generateLead, sampleEvery, type DatasetSpec } from './dataset';

const NOW = Date.UTC(2026, 10, 29, 15);
const spec: DatasetSpec = { seed: 42, size: 20_000, now: NOW };
const world = generateChunk(spec, 1, spec.size);
const share = (pred: (l: (typeof world.leads)[number]) => boolean, leads = world.leads) =>
  leads.filter(pred).length / leads.length;

describe('bench dataset: deterministic', () => {
  it('gives the same records for the same seed and day, and others for another seed', () => {
    expect(generateChunk(spec, 1, 300)).toEqual(generateChunk(spec, 1, 300));
    const other = generateChunk({ ...spec, seed: 43 }, 1, 300);
    expect(other.leads.map((l) => l.phoneE164)).not.toEqual(world.leads.slice(0, 300).map((l) => l.phoneE164));
  });

  it('gives the same records however the ids are chunked', () => {
    const a = generateChunk(spec, 1, 100);
    const b = generateChunk(spec, 101, 150);
    expect([...a.leads, ...b.leads]).toEqual(world.leads.slice(0, 250));
    expect([...a.calls, ...b.calls]).toEqual(world.calls.filter((c) => c.leadId <= 250));
    expect(generateLead(spec, 777)).toEqual(generateChunk(spec, 777, 1));
  });

  it('stops at the dataset size', () => {
    expect(generateChunk(spec, spec.size - 5, 100).leads.map((l) => l.id)).toEqual([
      19_995, 19_996, 19_997, 19_998, 19_999, 20_000,
    ]);
  });
});

describe('bench dataset: valid records', () => {
  it('passes the app schemas, with unique ids and phone numbers', () => {
    for (const l of world.leads.slice(0, 2000)) leadSchema.parse(l);
    for (const c of world.calls.slice(0, 5000)) callSchema.parse(c);
    for (const c of world.consents.slice(0, 2000)) consentEventSchema.parse(c);
    for (const e of world.dncEntries) dncEntrySchema.parse(e);
    expect(new Set(world.leads.map((l) => l.phoneE164)).size).toBe(world.leads.length);
    expect(new Set(world.calls.map((c) => c.id)).size).toBe(world.calls.length);
    expect(new Set(world.consents.map((c) => c.id)).size).toBe(world.consents.length);
  });

  it('keeps the derived call facts equal to the calls, and time in order', () => {
    const byLead = new Map<number, typeof world.calls>();
    for (const c of world.calls) byLead.set(c.leadId, [...(byLead.get(c.leadId) ?? []), c]);
    for (const lead of world.leads.slice(0, 3000)) {
      const calls = byLead.get(lead.id) ?? [];
      expect(callFacts(calls)).toEqual({
        attempts: lead.attempts,
        firstContactAt: lead.firstContactAt,
        lastContactAt: lead.lastContactAt,
        lastOutcome: lead.lastOutcome,
        firstConnectedAt: lead.firstConnectedAt,
        convertedAt: lead.convertedAt,
      });
      expect(lead.attempts).toBe(calls.length);
      expect(lead.acquiredAt).toBeLessThanOrEqual(lead.createdAt);
      expect(lead.createdAt).toBeLessThan(NOW);
      for (const c of calls) expect(c.at >= lead.createdAt && c.at < NOW).toBe(true);
    }
  });

  it('rings US numbers in the zone of their area code', () => {
    for (const l of world.leads.slice(0, 2000)) expect(l.timeZone).toBe(timeZoneForNumber(l.phoneE164, l.region));
  });

  it('tags exactly 10,000 leads (or every lead below that) for the bulk edit', () => {
    expect(share((l) => l.tags.includes(SAMPLE_TAG)) * world.leads.length).toBe(10_000);
    expect(sampleEvery(1_000_000)).toBe(100);
    expect(sampleEvery(5_000)).toBe(1);
  });
});

describe('bench dataset: realistic distributions', () => {
  it('has about three calls per lead, most leads called, few called more than eight times', () => {
    const perLead = world.calls.length / world.leads.length;
    expect(perLead).toBeGreaterThan(2.7);
    expect(perLead).toBeLessThan(3.3);
    expect(share((l) => l.attempts === 0)).toBeGreaterThan(0.05);
    expect(share((l) => l.attempts === 0)).toBeLessThan(0.2);
    expect(Math.max(...world.leads.map((l) => l.attempts))).toBeLessThanOrEqual(8);
  });

  it('mixes regions and sources like a real book (mostly US web leads, some CN and GB)', () => {
    expect(share((l) => l.region === 'US')).toBeCloseTo(0.81, 1);
    expect(share((l) => l.region === 'CN')).toBeCloseTo(0.09, 1);
    expect(share((l) => l.region === 'GB')).toBeCloseTo(0.1, 1);
    expect(share((l) => l.sourceId === 'web-forms')).toBeGreaterThan(share((l) => l.sourceId === 'referrals') * 3);
  });

  it('places calls in local working hours', () => {
    const offset: Record<string, number> = {
      'America/New_York': -5,
      'America/Chicago': -6,
      'America/Denver': -7,
      'America/Los_Angeles': -8,
      'Asia/Shanghai': 8,
      'Europe/London': 0,
    };
    const zoneOf = new Map(world.leads.map((l) => [l.id, l.timeZone]));
    for (const c of world.calls.slice(0, 5000)) {
      const hour = new Date(c.at + offset[zoneOf.get(c.leadId)!]! * 3_600_000).getUTCHours();
      expect(hour >= 9 && hour < 20).toBe(true);
    }
  });

  it('gives sources their own character: vendor data is old at entry and connects less than referrals', () => {
    const of = (id: string) => world.leads.filter((l) => l.sourceId === id);
    const ageDays = (l: (typeof world.leads)[number]) => (l.createdAt - l.acquiredAt) / DAY;
    expect(Math.min(...of('datamax-list').map(ageDays))).toBeGreaterThan(300);
    expect(Math.max(...of('web-forms').map(ageDays))).toBeLessThan(1);
    const connected = (id: string) => share((l) => l.firstConnectedAt !== undefined, of(id));
    expect(connected('referrals')).toBeGreaterThan(connected('datamax-list') + 0.2);
    expect(share((l) => l.convertedAt !== undefined, of('expo-2026'))).toBeGreaterThan(
      share((l) => l.convertedAt !== undefined, of('paid-social')),
    );
  });

  it('has more recent leads than old ones, within the window, and legacy leads years back', () => {
    const recent = share((l) => l.createdAt > NOW - 180 * DAY);
    const old = share((l) => l.createdAt < NOW - 360 * DAY && l.sourceId !== 'legacy-crm');
    expect(recent).toBeGreaterThan(old);
    expect(share((l) => l.createdAt < NOW - 1000 * DAY)).toBeCloseTo(0.04, 1);
  });

  it('scrubbed older leads against DNC lists: a few percent listed, recent ones unchecked', () => {
    expect(share((l) => l.dncStatus === 'listed')).toBeGreaterThan(0.02);
    expect(share((l) => l.dncStatus === 'listed')).toBeLessThan(0.08);
    for (const l of world.leads) if (l.dncStatus === 'unchecked') expect(l.createdAt).toBeGreaterThan(NOW - 11 * DAY);
    const catalog = benchCatalog(spec);
    const versions = new Set(catalog.dncListVersions.map((v) => v.id));
    for (const e of world.dncEntries) expect(versions.has(e.addedVersionId)).toBe(true);
  });

  it('gives most leads a consent record, more for web forms than for purchased lists', () => {
    const withConsent = new Set(world.consents.map((c) => c.leadId));
    expect(withConsent.size / world.leads.length).toBeGreaterThan(0.75);
    const consented = (id: string) =>
      share(
        (l) => withConsent.has(l.id),
        world.leads.filter((l) => l.sourceId === id),
      );
    expect(consented('web-forms')).toBeGreaterThan(consented('datamax-list') + 0.2);
  });
});

describe('bench dataset as a CSV file', () => {
  it('writes one quoted-where-needed line per lead, with ISO times and source names', () => {
    const parts = leadsCsvParts({ ...spec, size: 120 }, 50);
    expect(parts).toHaveLength(4);
    const lines = parts.join('').split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(122);
    const first = world.leads[0]!;
    expect(lines[1]!.startsWith(`${first.phoneE164},${csvField(first.name)},`)).toBe(true);
    expect(lines[1]).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });
});
