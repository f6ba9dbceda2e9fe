import { describe, expect, it } from 'vitest';
import { sealEntry } from '../audit/audit-hash';
import type { AuditEntry } from '../audit/audit-entry';
import { GENESIS_HASH, redactDetails } from '../audit/audit-hash';
import { mustRedact } from './audit-redaction';
import { holdsLeadRecord, mentionsPerson, personPattern, scrubPerson } from './person-match';

const ada = {
  id: 7,
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  phoneE164: '+12133734253',
  phoneRaw: '(213) 373-4253',
};
const p = personPattern(ada, [{ name: 'Ada King' }, { email: 42 }]);

describe('personPattern and mentionsPerson', () => {
  it.each([
    { value: 'call +12133734253 back', hit: true, why: 'the number inside text' },
    { value: '12133734253', hit: true, why: 'the number without its plus' },
    { value: 'typed as (213) 373-4253', hit: true, why: 'the number as typed' },
    { value: 'ADA@EXAMPLE.COM', hit: true, why: 'the e-mail, any case' },
    { value: { rows: [{ who: 'ada lovelace' }] }, hit: true, why: 'the name deep inside' },
    { value: { 'Ada King': 1 }, hit: true, why: 'a former name, as an object key' },
    { value: 'Ada Lovelaces club', hit: true, why: 'a long name inside longer text (errs towards erasing)' },
    { value: '+12133734254', hit: false, why: 'a neighbouring number' },
    { value: { n: 12133734253 }, hit: false, why: 'numbers that are not text' },
  ])('$why', ({ value, hit }) => {
    expect(mentionsPerson(value, p)).toBe(hit);
  });

  it('takes a lead holding only some of its fields (pulled from the team): what it has', () => {
    const partial = { id: 9, name: 'Grace Hopper' } as unknown as Parameters<typeof personPattern>[0];
    const q = personPattern(partial, [{ email: 'grace@navy.example' }]);
    expect(mentionsPerson({ after: { name: 'Grace Hopper' } }, q)).toBe(true);
    expect(mentionsPerson('mail grace@navy.example', q)).toBe(true);
    expect(mentionsPerson({ name: 'Someone Else' }, q)).toBe(false);
  });

  it('matches a short name only as a whole value', () => {
    const li = personPattern({ id: 1, name: 'Li', email: '', phoneE164: 'hmac:ab', phoneRaw: '' });
    expect(li).toEqual({ leadId: 1, contained: [], whole: ['li'] });
    expect(mentionsPerson({ name: ' Li ' }, li)).toBe(true);
    expect(mentionsPerson('Lisbon office', li)).toBe(false);
  });

  it('scrubs matching strings and reports whether it did', () => {
    expect(scrubPerson({ q: 'Ada Lovelace', sort: 'name' }, p, '[erased]')).toEqual({
      value: { q: '[erased]', sort: 'name' },
      changed: true,
    });
    const untouched = { q: 'Babbage' };
    expect(scrubPerson(untouched, p)).toEqual({ value: untouched, changed: false });
  });

  it('finds a lead record in undo data: a stored row, a row naming it, per-lead values by id', () => {
    expect(holdsLeadRecord({ rows: [{ id: 7, phoneE164: 'x' }] }, 7)).toBe(true);
    expect(holdsLeadRecord({ calls: [{ leadId: 7 }] }, 7)).toBe(true);
    expect(holdsLeadRecord({ op: { kind: 'add-tags' }, leads: { 7: { tags: [] } } }, 7)).toBe(true);
    expect(holdsLeadRecord({ leads: { 8: { tags: [] } }, count: 7 }, 7)).toBe(false);
  });
});

describe('mustRedact', () => {
  const entry = (over: Partial<AuditEntry>): AuditEntry =>
    sealEntry({
      seq: 1,
      at: 0,
      actor: 'Dana',
      action: 'edit',
      entity: 'lead',
      ids: [7],
      before: null,
      after: null,
      prevHash: GENESIS_HASH,
      ...over,
    });
  it.each([
    { e: entry({ after: { acquiredAt: 5 } }), hit: true, why: 'an entry about this lead alone' },
    {
      e: entry({ action: 'bulk-edit', ids: [7, 8], before: { op: {}, leads: { 7: { tags: [] }, 8: { tags: [] } } } }),
      hit: true,
      why: 'undo data of a bulk edit that included the lead',
    },
    {
      e: entry({ action: 'export', entity: 'export', ids: [], after: { filter: { q: '2133734253' } } }),
      hit: true,
      why: 'an export whose filter held the number',
    },
    {
      e: entry({ action: 'purge', ids: [7, 8, 9], after: { count: 3 } }),
      hit: false,
      why: 'a purge that only counts the lead among others',
    },
    { e: entry({ action: 'undo', ids: [7] }), hit: false, why: 'an entry about the lead with no details at all' },
    { e: redactDetails(entry({ after: { name: 'Ada Lovelace' } }), 1), hit: false, why: 'an entry already redacted' },
    {
      e: entry({ action: 'forget', ids: [7], after: { suppression: 'hmac:…' } }),
      hit: false,
      why: 'the erasure’s own entry',
    },
  ])('$why → $hit', ({ e, hit }) => {
    expect(mustRedact(e, p)).toBe(hit);
  });
});
