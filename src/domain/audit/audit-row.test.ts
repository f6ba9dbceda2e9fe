import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GENESIS_HASH, redactDetails, sealEntry } from './audit-hash';
import { toAuditRow } from './audit-row';

const T = Date.UTC(2026, 10, 29, 12, 0);
const entry = sealEntry({
  seq: 3,
  at: T,
  actor: 'Dana',
  action: 'edit',
  entity: 'lead',
  ids: [4, 5],
  before: { name: 'A' },
  after: { name: 'B' },
  note: 'typo',
  prevHash: GENESIS_HASH,
});

describe('toAuditRow: whatever the table holds, a row to show', () => {
  it('an entry as it is', () => {
    expect(toAuditRow(entry)).toEqual({
      seq: '3',
      at: T,
      actor: 'Dana',
      action: 'edit',
      note: 'typo',
      entity: 'lead',
      records: 2,
      hash: entry.hash,
      redactedAt: null,
      malformed: false,
    });
    expect(toAuditRow(redactDetails(entry, T + 5)).redactedAt).toBe(T + 5);
  });

  it.each([
    { why: 'a hash of 12345', row: { ...entry, hash: 12345 }, expect: { hash: '12345', malformed: true } },
    { why: 'a null hash', row: { ...entry, hash: null }, expect: { hash: 'null', malformed: true } },
    { why: 'no hash', row: { ...entry, hash: undefined }, expect: { hash: '', malformed: true } },
    {
      why: 'ids of null, a date that is text',
      row: { ...entry, ids: null, at: 'soon' },
      expect: { records: null, at: null, malformed: true },
    },
    {
      why: 'an actor object',
      row: { ...entry, actor: { name: 'Eve' } },
      expect: { actor: '{"name":"Eve"}', malformed: true },
    },
    { why: 'nothing at all', row: null, expect: { seq: '', hash: '', malformed: true } },
  ])('$why: shown as text and flagged', ({ row, expect: shown }) => {
    expect(toAuditRow(row)).toMatchObject(shown);
  });

  it('never throws and always gives text (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const row = toAuditRow(v);
        for (const k of ['seq', 'actor', 'action', 'note', 'entity', 'hash'] as const)
          expect(typeof row[k]).toBe('string');
      }),
    );
  });
});
