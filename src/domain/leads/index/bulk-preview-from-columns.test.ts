/**
 * A bulk edit's Preview read off the engine's columns counts exactly what the bulk-edit worker
 * counts from the table (previewOf over the leads it read), for every operation and multi-field
 * edit, over selections with duplicates, missing and deleted ids, after rewrites and deletions
 * and through the snapshot's chunks; where the columns cannot tell (the internal DNC list, a
 * campaign cleared where a lead has none or an empty one) they answer null.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewOf } from '../../../db/repos/bulk-edit-repo';
import { bulkOpSchema, type BulkOp, type FieldOp } from '../bulk-edit';
import type { Lead } from '../lead';
import { previewFromColumns } from './bulk-preview-from-columns';
import { CAMPAIGNS, SOURCES, TAGS, rowsArb } from './lead-arbitraries.test-helpers';
import { buildLeadColumns, type LeadColumns } from './lead-columns';
import { patchLeadColumns } from './lead-columns-patch';
import { fromChunks, toChunks } from './lead-columns-chunks';

const NOW = Date.UTC(2026, 11, 4, 12);
const tagsArb = fc.array(fc.constantFrom(...TAGS.filter((t) => t !== ''), ' VIP ', 'new'), {
  minLength: 1,
  maxLength: 3,
});
const fieldOpArb: fc.Arbitrary<FieldOp> = fc.oneof(
  fc.record({ kind: fc.constant('set-source' as const), sourceId: fc.constantFrom(...SOURCES, 'other') }),
  fc.record({
    kind: fc.constant('set-campaign' as const),
    campaignId: fc.constantFrom<string | null>(...CAMPAIGNS, 'other', null),
  }),
  fc.record({ kind: fc.constant('add-tags' as const), tags: tagsArb }),
  fc.record({ kind: fc.constant('remove-tags' as const), tags: tagsArb }),
  fc.constant({ kind: 'mark-verified' as const }),
  fc.record({
    kind: fc.constant('set-text' as const),
    field: fc.constantFrom('name' as const, 'company' as const),
    value: fc.constantFrom('', 'a', 'A', 'Ä', '张'),
  }),
);
/** Removing tags and adding some of them back, over the few tags most leads of the pool carry: the lead's tag order decides. */
const fewTags = fc.array(fc.constantFrom('t0', 't1', 't2', 'VIP'), { minLength: 1, maxLength: 2 });
const readdArb: fc.Arbitrary<BulkOp> = fc.tuple(fewTags, fewTags, fc.boolean()).map(([removed, added, first]) => ({
  kind: 'edit-fields' as const,
  edits: first
    ? [
        { kind: 'remove-tags' as const, tags: removed },
        { kind: 'add-tags' as const, tags: [...removed, ...added] },
      ]
    : [
        { kind: 'add-tags' as const, tags: added },
        { kind: 'remove-tags' as const, tags: removed },
      ],
}));
const opArb: fc.Arbitrary<BulkOp> = fc.oneof(
  { weight: 4, arbitrary: fieldOpArb },
  { weight: 2, arbitrary: readdArb },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('edit-fields' as const),
      edits: fc.array(fieldOpArb, { minLength: 1, maxLength: 5 }),
    }),
  },
  {
    // A multi-field edit that marks verified: the case where leads verified at the Preview's instant stay unchanged.
    weight: 1,
    arbitrary: fc.tuple(fc.array(fieldOpArb, { maxLength: 3 }), fc.nat()).map(([edits, at]) => ({
      kind: 'edit-fields' as const,
      edits: edits.toSpliced(at % (edits.length + 1), 0, { kind: 'mark-verified' as const }),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<BulkOp>(
      { kind: 'add-to-internal-dnc' },
      { kind: 'delete' },
      { kind: 'renew-consent', proofRef: 'form-7', validityMonths: 12 },
      { kind: 'request-consent-renewal', channel: 'email' },
    ),
  },
);

describe('bulk edit preview off the engine columns', () => {
  it('counts what the preview from the table counts, or answers null where the columns cannot tell', () => {
    const seen = { answered: 0, refused: 0, mixed: 0, fields: 0, missing: 0, verifiedNow: 0 };
    fc.assert(
      fc.property(
        rowsArb(20),
        opArb,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 24 }), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, op, rewrite, gone, selection, verifiedNow) => {
          fc.pre(rows.length > 0);
          // A few leads verified at the very instant of the Preview: marking them verified changes nothing.
          const atNow = new Set(verifiedNow.map((v) => v % rows.length));
          const leads: Lead[] = rows.map((r, k) => (atNow.has(k) ? { ...r.lead, verifiedAt: NOW } : r.lead));
          let cols: LeadColumns = buildLeadColumns(
            leads,
            rows.map((r) => r.derived),
          );
          // Rewrite a few rows with another lead's fields (same id), delete a few: the table as it is now.
          const table = [...leads];
          const changes = rewrite.map((r) => {
            const row = r % leads.length;
            table[row] = { ...leads[(r * 7 + 3) % leads.length]!, id: leads[row]!.id };
            return { row, lead: table[row]!, derived: rows[row]!.derived };
          });
          const deleted = [...new Set(gone.map((g) => g % leads.length))];
          cols = patchLeadColumns(cols, changes, deleted);
          const byId = new Map(table.filter((_, i) => !deleted.includes(i)).map((l) => [l.id, l]));
          const ids = [...new Set(selection)];
          const read = { token: 'v', ids, leads: ids.flatMap((id) => byId.get(id) ?? []), internal: null };
          const fromTable = op.kind === 'add-to-internal-dnc' ? null : previewOf(read, op, NOW);
          const chunked = toChunks(cols, 5);
          for (const c of [cols, fromChunks(chunked.head, chunked.chunks as never)]) {
            const got = previewFromColumns(c, selection, op, NOW);
            if (got === null) {
              seen.refused++;
              const clears = (e: FieldOp) => e.kind === 'set-campaign' && !e.campaignId;
              // Judged on the operation as parsed (tags trimmed: ' VIP ' adds back a removed 'VIP').
              const parsed = bulkOpSchema.parse(op);
              const readds =
                parsed.kind === 'edit-fields' &&
                parsed.edits.some(
                  (e, k) =>
                    e.kind === 'add-tags' &&
                    parsed.edits
                      .slice(0, k)
                      .some((r) => r.kind === 'remove-tags' && r.tags.some((t) => e.tags.includes(t))),
                );
              const canRefuse =
                op.kind === 'add-to-internal-dnc' ||
                readds ||
                ((op.kind === 'edit-fields' ? op.edits.some(clears) : clears(op as FieldOp)) &&
                  read.leads.some((l) => !l.campaignId));
              expect(canRefuse).toBe(true);
              continue;
            }
            expect(got).toEqual(fromTable);
            seen.answered++;
            if (got.changed > 0 && got.unchanged > 0) seen.mixed++;
            if (got.fields && Object.keys(got.fields).length > 0) seen.fields++;
            if (got.missing > 0) seen.missing++;
            // A multi-field edit compares the instant it sets with the lead's: marking verified may change nothing.
            if (
              op.kind === 'edit-fields' &&
              op.edits.some((e) => e.kind === 'mark-verified') &&
              read.leads.some((l) => l.verifiedAt === NOW)
            )
              seen.verifiedNow++;
          }
        },
      ),
      { numRuns: 400 },
    );
    // Not vacuous: answers with changed and unchanged leads, per-field counts, missing ids, and refusals.
    // (Thirty seeds of 400 cases: answered 658–706, mixed 32–70, fields 152–216, missing 514–592, refused 94–142,
    // verifiedNow 30–60; before the branch that always marks verified, one CI seed saw only 10.)
    expect(seen.answered).toBeGreaterThan(450);
    expect(seen.mixed).toBeGreaterThan(15);
    expect(seen.fields).toBeGreaterThan(60);
    expect(seen.missing).toBeGreaterThan(200);
    expect(seen.refused).toBeGreaterThan(15);
    // Leads judged by the fields an operation reads (fieldsReadBy): marking verified leads verified at that instant.
    expect(seen.verifiedNow).toBeGreaterThan(10);
  });

  it("worked example: adding back a removed tag turns on the lead's tag order, which the columns do not hold", () => {
    const base = { acquiredAt: NOW, createdAt: NOW, attempts: 0 };
    const rows = [
      { id: 1, tags: ['vip'] },
      { id: 2, tags: ['new', 'vip'] },
      { id: 3, tags: ['vip', 'x', 'x'] },
    ].map(({ id, tags }) => ({
      ...base,
      id,
      tags,
      name: `Lead ${id}`,
      company: '',
      email: '',
      phoneE164: `+4420700000${id}`,
      phoneRaw: '',
      region: 'GB',
      timeZone: 'Europe/London',
      sourceId: 'web',
      entryMethod: 'manual',
      acquiredAtPrecision: 'exact',
      updatedAt: NOW,
      dncStatus: 'unchecked',
      dncCheckedVersions: [],
    })) as unknown as Lead[];
    const cols = buildLeadColumns(
      rows,
      rows.map(() => ({ consent: 'none', dnc: 'clear', reasons: [], callable: true }) as never),
    );
    const readd = (tag: string): BulkOp => ({
      kind: 'edit-fields',
      edits: [
        { kind: 'remove-tags', tags: [tag] },
        { kind: 'add-tags', tags: [tag] },
      ],
    });
    const read = { token: 'v', ids: [1, 2, 3], leads: rows, internal: null };
    // The table: leads 1 and 2 end as they began (vip was last), lead 3 does not (vip moves to the
    // end); re-adding x collapses lead 3's duplicate, and x is new to leads 1 and 2.
    expect(previewOf(read, readd('vip'), NOW)).toMatchObject({ changed: 1, unchanged: 2 });
    expect(previewOf(read, readd('x'), NOW)).toMatchObject({ changed: 3, unchanged: 0 });
    // The columns hold lead 2's tags as [vip, new] and lead 3's as [vip, x]: they would count 2 and
    // 2, so they answer nothing and the worker counts from the table.
    expect(previewFromColumns(cols, [1, 2, 3], readd('vip'), NOW)).toBeNull();
    expect(previewFromColumns(cols, [1, 2, 3], readd('x'), NOW)).toBeNull();
    // Removing and adding different tags, or adding before removing, is answered, and as the table counts it.
    const apart: BulkOp = {
      kind: 'edit-fields',
      edits: [
        { kind: 'add-tags', tags: ['vip'] },
        { kind: 'remove-tags', tags: ['x'] },
      ],
    };
    expect(previewFromColumns(cols, [1, 2, 3], apart, NOW)).toEqual(previewOf(read, apart, NOW));
  });
});
