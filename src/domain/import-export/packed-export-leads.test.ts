/**
 * Packed and unpacked, export leads are the leads they were — every field, absent ones absent —
 * except the tags, which come back as the one cell an export writes; every export column reads
 * the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_OUTCOMES } from '../leads/call-outcome';
import { ACQUIRED_AT_PRECISIONS, DNC_STATUSES, ENTRY_METHODS } from '../leads/lead';
import { EXPORT_COLUMNS, exportValue, type ExportLead, type ExportRowContext } from './export-columns';
import { packExportLeads, unpackExportLeads } from './packed-export-leads';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '中', ';', ',', '"', '\n', '=', ' ', '\u0000', '😀') });
const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2030, 0, 1) });
const leadArb: fc.Arbitrary<ExportLead> = fc.record(
  {
    id: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    phoneE164: fc.constantFrom('+447946000001', '+8613812345678', ''),
    name: text,
    company: text,
    email: text,
    tags: fc.array(fc.constantFrom('vip', '重要', 'a b', 'x;y'), { maxLength: 4 }),
    sourceId: fc.constantFrom('web', 'fair', '展会'),
    campaignId: fc.constantFrom('spring', 'expo', ''),
    region: fc.constantFrom('GB', 'US', 'CN'),
    timeZone: fc.constantFrom('Europe/London', 'Asia/Shanghai'),
    acquiredAt: instant,
    acquiredAtPrecision: fc.constantFrom(...ACQUIRED_AT_PRECISIONS),
    createdAt: instant,
    entryMethod: fc.constantFrom(...ENTRY_METHODS),
    attempts: fc.nat({ max: 100_000 }),
    lastContactAt: instant,
    lastOutcome: fc.constantFrom(...CALL_OUTCOMES),
    dncStatus: fc.constantFrom(...DNC_STATUSES),
    dncCheckedAt: instant,
  },
  {
    requiredKeys: [
      'id',
      'phoneE164',
      'name',
      'company',
      'email',
      'tags',
      'sourceId',
      'region',
      'timeZone',
      'acquiredAt',
      'acquiredAtPrecision',
      'createdAt',
      'entryMethod',
      'attempts',
      'dncStatus',
    ],
  },
);

const CTX: ExportRowContext = { time: { timeZone: 'Asia/Shanghai', pattern: 'iso' } };
const defined = (lead: ExportLead) =>
  Object.fromEntries(Object.entries({ ...lead, tags: lead.tags.join(';') }).filter(([, v]) => v !== undefined));

describe('packed export leads', () => {
  it('unpack to the leads packed, tags as their cell, and every export column the same', () => {
    let absent = 0;
    fc.assert(
      fc.property(fc.array(leadArb, { maxLength: 25 }), (leads) => {
        const back = unpackExportLeads(structuredClone(packExportLeads(leads)));
        expect(back.map(defined)).toEqual(leads.map(defined));
        expect(back.map((l) => EXPORT_COLUMNS.map((c) => exportValue(l, c, CTX)))).toEqual(
          leads.map((l) => EXPORT_COLUMNS.map((c) => exportValue(l, c, CTX))),
        );
        absent += leads.filter((l) => l.lastContactAt === undefined || l.campaignId === undefined).length;
      }),
      { numRuns: 300 },
    );
    expect(absent).toBeGreaterThan(50);
  });

  it('hold each label once however many leads carry it', () => {
    const lead: ExportLead = {
      id: 1,
      phoneE164: '+447946000001',
      name: 'Ann',
      company: '',
      email: 'a@b.test',
      tags: [],
      sourceId: 'web',
      region: 'GB',
      timeZone: 'Europe/London',
      acquiredAt: 0,
      acquiredAtPrecision: 'exact',
      createdAt: 0,
      entryMethod: 'manual',
      attempts: 0,
      dncStatus: 'clear',
    };
    const packed = packExportLeads(Array.from({ length: 1000 }, (_, i) => ({ ...lead, id: i + 1 })));
    expect(packed.labels).toEqual(['web', 'GB', 'Europe/London', 'exact', 'manual', 'clear']);
    expect(unpackExportLeads(packed).map((l) => l.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });
});
