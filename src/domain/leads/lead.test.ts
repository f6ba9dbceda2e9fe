import { describe, expect, it } from 'vitest';
import { EDITABLE_LEAD_FIELDS, e164, leadSchema, newLeadSchema, type Lead } from './lead';

const T = Date.UTC(2026, 10, 29, 12, 0);
const lead: Lead = {
  id: 7,
  phoneE164: '+12133734253',
  phoneRaw: '(213) 373-4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  email: 'ada@example.com',
  tags: ['priority'],
  sourceId: 'referrals',
  campaignId: 'q4-reactivation',
  acquiredAt: T - 86_400_000,
  acquiredAtPrecision: 'exact',
  acquiredAtDeclared: false,
  createdAt: T,
  updatedAt: T,
  entryMethod: 'manual',
  importBatchId: 3,
  verifiedAt: T,
  firstContactAt: T + 1000,
  lastContactAt: T + 2000,
  attempts: 2,
  firstConnectedAt: T + 2000,
  convertedAt: T + 2000,
  lastOutcome: 'converted',
  dncStatus: 'clear',
  dncCheckedAt: T,
  dncCheckedVersions: [1, 2],
  anonymizedAt: T + 3000,
};

describe('leadSchema', () => {
  it('parses a lead with every field', () => {
    expect(leadSchema.parse(lead)).toEqual(lead);
  });

  it('parses a lead with only the required fields', () => {
    const {
      campaignId: _c,
      acquiredAtDeclared: _d,
      importBatchId: _i,
      verifiedAt: _v,
      firstContactAt: _f,
      lastContactAt: _l,
      firstConnectedAt: _fc,
      convertedAt: _cv,
      lastOutcome: _o,
      dncCheckedAt: _dc,
      anonymizedAt: _a,
      ...minimal
    } = lead;
    expect(leadSchema.parse(minimal)).toEqual(minimal);
  });

  it('accepts the unknown region ZZ for numbers without a country', () => {
    expect(leadSchema.safeParse({ ...lead, region: 'ZZ' }).success).toBe(true);
  });

  it.each([
    { why: 'acquired before 1990', patch: { acquiredAt: Date.UTC(1989, 11, 31) }, path: 'acquiredAt' },
    { why: 'a fractional timestamp', patch: { createdAt: T + 0.5 }, path: 'createdAt' },
    { why: 'an id of zero', patch: { id: 0 }, path: 'id' },
    { why: 'a lower-case region', patch: { region: 'us' }, path: 'region' },
    { why: 'an empty phone', patch: { phoneE164: '' }, path: 'phoneE164' },
    { why: 'no source', patch: { sourceId: '' }, path: 'sourceId' },
    { why: 'an unknown precision', patch: { acquiredAtPrecision: 'year' }, path: 'acquiredAtPrecision' },
    { why: 'an unknown entry method', patch: { entryMethod: 'fax' }, path: 'entryMethod' },
    { why: 'negative attempts', patch: { attempts: -1 }, path: 'attempts' },
    { why: 'an unknown DNC status', patch: { dncStatus: 'maybe' }, path: 'dncStatus' },
    { why: 'tags that are not strings', patch: { tags: [1] }, path: 'tags' },
    { why: 'no createdAt', patch: { createdAt: undefined }, path: 'createdAt' },
    { why: 'an infinite timestamp', patch: { updatedAt: Number.POSITIVE_INFINITY }, path: 'updatedAt' },
  ])('rejects $why', ({ patch, path }) => {
    const result = leadSchema.safeParse({ ...lead, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toContain(path);
  });
});

describe('newLeadSchema: what a person or a file supplies', () => {
  it('leaves the system fields to the system: createdAt and id are dropped if given', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, ...supplied } = lead;
    const parsed = newLeadSchema.parse({ ...supplied, id: 99, createdAt: 0, updatedAt: 0 });
    expect(parsed).not.toHaveProperty('createdAt');
    expect(parsed).not.toHaveProperty('updatedAt');
    expect(parsed).not.toHaveProperty('id');
  });

  it('makes call and DNC facts optional', () => {
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      attempts: _a,
      dncStatus: _s,
      dncCheckedVersions: _v,
      ...supplied
    } = lead;
    expect(newLeadSchema.safeParse(supplied).success).toBe(true);
  });

  it('still requires an acquisition time from 1990 on', () => {
    const { id: _id, createdAt: _c, updatedAt: _u, acquiredAt: _a, ...supplied } = lead;
    expect(newLeadSchema.safeParse(supplied).success).toBe(false);
    expect(newLeadSchema.safeParse({ ...supplied, acquiredAt: Date.UTC(1985, 0, 1) }).success).toBe(false);
  });
});

describe('EDITABLE_LEAD_FIELDS', () => {
  it.each(['createdAt', 'updatedAt', 'id', 'phoneE164', 'entryMethod', 'attempts', 'dncStatus'])(
    'never includes %s',
    (field) => {
      expect(EDITABLE_LEAD_FIELDS as readonly string[]).not.toContain(field);
    },
  );
});

describe('e164', () => {
  it.each([
    { text: '+12133734253', ok: true },
    { text: '+8613800138000', ok: true },
    { text: '+442079460958', ok: true },
    { text: '12133734253', ok: false },
    { text: '+02133734253', ok: false },
    { text: '+1 213 373 4253', ok: false },
    { text: '+1234567890123456', ok: false },
    { text: '+12345', ok: false },
  ])('$text → $ok', ({ text, ok }) => {
    expect(e164.safeParse(text).success).toBe(ok);
  });
});
