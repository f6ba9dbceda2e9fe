/**
 * A multi-field bulk edit as worked examples and a property: the edits apply in order, and the
 * change names exactly the fields whose final value differs from the lead's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkOpSchema, combinedChange, leadChangeFor, restoreFields, type FieldOp } from './bulk-edit';
import type { Lead } from './lead';

const T = Date.UTC(2026, 10, 29, 12, 0);
const lead: Lead = {
  id: 7,
  phoneE164: '+12133734253',
  phoneRaw: '(213) 373-4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ada',
  tags: ['priority'],
  sourceId: 'referrals',
  campaignId: 'q4-reactivation',
  acquiredAt: T - 86_400_000,
  acquiredAtPrecision: 'exact',
  acquiredAtDeclared: false,
  createdAt: T,
  updatedAt: T,
  entryMethod: 'manual',
  attempts: 0,
  dncStatus: 'clear',
} as Lead;

describe('edit-fields (several fields in one operation)', () => {
  it('sets source and campaign and adds a tag in one change', () => {
    const op = bulkOpSchema.parse({
      kind: 'edit-fields',
      edits: [
        { kind: 'set-source', sourceId: 'web-forms' },
        { kind: 'set-campaign', campaignId: 'spring' },
        { kind: 'add-tags', tags: [' vip '] },
      ],
    });
    expect(leadChangeFor(lead, op, T)).toEqual({
      sourceId: 'web-forms',
      campaignId: 'spring',
      tags: ['priority', 'vip'],
    });
  });

  it('leaves out a field that already holds the value', () => {
    expect(combinedChange(lead, [{ kind: 'set-source', sourceId: 'referrals' }, { kind: 'mark-verified' }], T)).toEqual(
      { verifiedAt: T },
    );
  });

  it('clears the campaign (an absent value) when set to none', () => {
    const change = combinedChange(lead, [{ kind: 'set-campaign', campaignId: null }], T);
    expect(change).toHaveProperty('campaignId', undefined);
    expect(Object.keys(change!)).toEqual(['campaignId']);
  });

  it('adding then removing the same tag changes nothing', () => {
    expect(
      combinedChange(
        lead,
        [
          { kind: 'add-tags', tags: ['vip'] },
          { kind: 'remove-tags', tags: ['vip'] },
        ],
        T,
      ),
    ).toBeNull();
  });

  it('refuses an empty list of edits and an edit that is not a field edit', () => {
    expect(bulkOpSchema.safeParse({ kind: 'edit-fields', edits: [] }).success).toBe(false);
    expect(bulkOpSchema.safeParse({ kind: 'edit-fields', edits: [{ kind: 'delete' }] }).success).toBe(false);
  });

  const tag = fc.constantFrom('priority', 'vip', 'callback');
  const editArb: fc.Arbitrary<FieldOp> = fc.oneof(
    fc.record({
      kind: fc.constant('set-source' as const),
      sourceId: fc.constantFrom('referrals', 'web-forms', 'expo'),
    }),
    fc.record({
      kind: fc.constant('set-campaign' as const),
      campaignId: fc.option(fc.constantFrom('q4-reactivation', 'spring'), { nil: null }),
    }),
    fc.record({ kind: fc.constant('add-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 2 }) }),
    fc.record({ kind: fc.constant('remove-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 2 }) }),
    fc.constant({ kind: 'mark-verified' as const }),
  );

  it('equals the edits applied one by one, naming only the fields that end up different', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 5 }), (edits) => {
        let seq = lead;
        for (const e of edits) {
          const c = leadChangeFor(seq, e, T);
          if (c) seq = restoreFields(seq, Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v ?? null])));
        }
        const change = combinedChange(lead, edits, T);
        const differs = (['sourceId', 'campaignId', 'tags', 'verifiedAt'] as const).filter(
          (f) => JSON.stringify(seq[f]) !== JSON.stringify(lead[f]),
        );
        expect(Object.keys(change ?? {}).sort()).toEqual([...differs].sort());
        for (const f of differs) expect(change![f]).toEqual(seq[f]);
      }),
    );
  });
});
