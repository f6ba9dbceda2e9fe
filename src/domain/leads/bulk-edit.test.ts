/**
 * A multi-field bulk edit as worked examples and a property: the edits apply in order, and the
 * change names exactly the fields whose final value differs from the lead's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bulkOpSchema,
  combinedChange,
  fieldsReadBy,
  leadChangeFor,
  restoreFields,
  type BulkOp,
  type FieldOp,
} from './bulk-edit';
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

describe('fieldsReadBy (the Preview judges leads that agree on these once)', () => {
  const tag = fc.constantFrom('priority', 'vip', 'new');
  const editableArb = fc.record({
    sourceId: fc.constantFrom('referrals', 'web-forms'),
    campaignId: fc.option(fc.constantFrom('q4-reactivation', 'spring'), { nil: undefined }),
    tags: fc.uniqueArray(tag, { maxLength: 3 }),
    verifiedAt: fc.option(fc.constantFrom(T, T - 1), { nil: undefined }),
    dncStatus: fc.constantFrom('clear' as const, 'listed' as const),
    name: fc.constantFrom('Ada', 'Bo'),
    company: fc.constantFrom('', 'Acme'),
  });
  const fieldOpArb: fc.Arbitrary<FieldOp> = fc.oneof(
    fc.record({ kind: fc.constant('set-source' as const), sourceId: fc.constantFrom('referrals', 'expo') }),
    fc.record({
      kind: fc.constant('set-campaign' as const),
      campaignId: fc.option(fc.constantFrom('spring'), { nil: null }),
    }),
    fc.record({ kind: fc.constant('add-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 2 }) }),
    fc.record({ kind: fc.constant('remove-tags' as const), tags: fc.array(tag, { minLength: 1, maxLength: 2 }) }),
    fc.constant({ kind: 'mark-verified' as const }),
    fc.record({
      kind: fc.constant('set-text' as const),
      field: fc.constantFrom('name' as const, 'company' as const),
      value: fc.constantFrom('Ada', 'Acme', ''),
    }),
  );
  const opArb: fc.Arbitrary<BulkOp> = fc.oneof(
    fieldOpArb,
    fc.record({
      kind: fc.constant('edit-fields' as const),
      edits: fc.array(fieldOpArb, { minLength: 1, maxLength: 4 }),
    }),
    fc.constantFrom<BulkOp>({ kind: 'add-to-internal-dnc' }, { kind: 'delete' }),
  );

  it('two leads equal on the fields an operation reads get the same change', () => {
    let differentLeads = 0;
    fc.assert(
      fc.property(opArb, editableArb, editableArb, (op, a, other) => {
        const read = fieldsReadBy(op);
        // b: a's values where the operation reads, another lead's everywhere else.
        const b = { ...other };
        for (const f of read) (b as Record<string, unknown>)[f] = a[f];
        if (JSON.stringify(a) !== JSON.stringify(b)) differentLeads++;
        expect(leadChangeFor(b, op, T)).toEqual(leadChangeFor(a, op, T));
      }),
      { numRuns: 500 },
    );
    expect(differentLeads).toBeGreaterThan(300);
  });

  it('a multi-field edit reads what it sets; marking verified alone reads nothing', () => {
    expect([...fieldsReadBy({ kind: 'mark-verified' })]).toEqual([]);
    expect([
      ...fieldsReadBy({ kind: 'edit-fields', edits: [{ kind: 'mark-verified' }, { kind: 'add-tags', tags: ['x'] }] }),
    ]).toEqual(['verifiedAt', 'tags']);
    expect([...fieldsReadBy({ kind: 'set-text', field: 'company', value: 'A' })]).toEqual(['company']);
  });
});
