import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../leads/lead';
import { JUDGED_FIELDS } from './judge';
import { judgedFieldText, keyOfJudgedText, verdictInputKey } from './verdict-inputs';

const lead: Lead = {
  id: 7,
  phoneE164: '+442079460000',
  phoneRaw: '020 7946 0000',
  region: 'GB',
  timeZone: 'Europe/London',
  name: 'Ada',
  company: 'Engines Ltd',
  email: 'ada@example.com',
  tags: ['vip'],
  sourceId: 'web',
  campaignId: 'spring',
  acquiredAt: Date.UTC(2025, 5, 1),
  acquiredAtPrecision: 'exact',
  createdAt: Date.UTC(2025, 5, 2),
  updatedAt: Date.UTC(2025, 5, 2),
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'clear',
  dncCheckedAt: Date.UTC(2025, 5, 3),
  dncCheckedVersions: [1, 2],
};

/** A new value for judged field `field` of `lead`, never equal to the current one. */
function otherValue(field: (typeof JUDGED_FIELDS)[number], n: number): Partial<Lead> {
  switch (field) {
    case 'id':
      return { id: lead.id + n };
    case 'phoneE164':
      return { phoneE164: `+4420794${String(60000 + n)}` };
    case 'region':
      return { region: n % 2 ? 'US' : 'CN' };
    case 'timeZone':
      return { timeZone: n % 2 ? 'America/New_York' : 'Asia/Shanghai' };
    case 'dncStatus':
      return { dncStatus: n % 2 ? 'listed' : 'unchecked' };
    case 'dncCheckedVersions':
      return { dncCheckedVersions: n % 2 ? [12] : [1, 2, n] };
    default: {
      // Instants: moved by n ms; an optional one, when n is odd, made absent (or present, when it is absent).
      const now = lead[field] as number | undefined;
      const optional = field !== 'acquiredAt' && field !== 'createdAt';
      if (optional && n % 2) return { [field]: now === undefined ? n : undefined };
      return { [field]: (now ?? 0) + n };
    }
  }
}

describe('verdictInputKey', () => {
  it('is the same whatever happens to a field no rule reads', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.array(fc.string()),
        fc.integer(),
        fc.constantFrom('web', 'fair'),
        (name, company, email, tags, updatedAt, sourceId) => {
          const edited: Lead = {
            ...lead,
            name,
            company,
            email,
            tags,
            updatedAt,
            sourceId,
            campaignId: undefined,
            attempts: 3,
          };
          expect(verdictInputKey(edited)).toBe(verdictInputKey(lead));
        },
      ),
    );
  });

  it('changes when any field the judgement reads changes, including to or from absent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...JUDGED_FIELDS), fc.integer({ min: 1, max: 1_000_000 }), (field, n) => {
        expect(verdictInputKey({ ...lead, ...otherValue(field, n) })).not.toBe(verdictInputKey(lead));
      }),
    );
  });

  it('tells the DNC versions checked apart by their items, and a missing instant from zero', () => {
    expect(verdictInputKey({ ...lead, dncCheckedVersions: [12] })).not.toBe(
      verdictInputKey({ ...lead, dncCheckedVersions: [1, 2] }),
    );
    expect(verdictInputKey({ ...lead, verifiedAt: undefined })).not.toBe(verdictInputKey({ ...lead, verifiedAt: 0 }));
    expect(Number.isSafeInteger(verdictInputKey(lead))).toBe(true);
  });

  it('is the key of the judged fields’ texts joined (what the scrub’s laying keys a row by), fed field by field', () => {
    const valueArb = fc.oneof(
      fc.constant(undefined),
      fc.string({ unit: 'grapheme' }),
      fc.double(),
      fc.array(fc.integer()),
    );
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: JUDGED_FIELDS.length, maxLength: JUDGED_FIELDS.length }),
        (values) => {
          const edited = { ...lead, ...Object.fromEntries(JUDGED_FIELDS.map((f, k) => [f, values[k]])) } as Lead;
          const joined = JUDGED_FIELDS.map((f) => judgedFieldText(edited[f])).join('');
          expect(verdictInputKey(edited)).toBe(keyOfJudgedText(joined));
        },
      ),
    );
    expect(verdictInputKey(lead)).toBe(keyOfJudgedText(JUDGED_FIELDS.map((f) => judgedFieldText(lead[f])).join('')));
  });
});
