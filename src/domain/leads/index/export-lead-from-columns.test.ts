/**
 * An export read off the engine's columns writes the same cells as one read from the table, for
 * every column an export can carry, after rewrites, appends and deletions and through the
 * snapshot's chunks; where the columns cannot tell (an outcome no call has, attempts past 16
 * bits, a lead put back under its old id) they say so and the table is read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, exportValue, type ExportRowContext } from '../../import-export/export-columns';
import { ACQUIRED_AT_PRECISIONS, DNC_STATUSES, type Lead } from '../lead';
import { exportLeadsFromColumns } from './export-lead-from-columns';
import { ZONES, rowsArb } from './lead-arbitraries.test-helpers';
import { buildLeadColumns, type LeadColumns } from './lead-columns';
import { patchLeadColumns } from './lead-columns-patch';
import { fromChunks, toChunks } from './lead-columns-chunks';

const CTX: ExportRowContext = {
  time: { timeZone: 'Asia/Shanghai', pattern: 'iso' },
  names: { sources: new Map([['web', 'Web forms']]), campaigns: new Map([['spring', 'Spring push']]) },
};
const cells = (lead: Pick<Lead, 'id'> & Parameters<typeof exportValue>[0]) =>
  EXPORT_COLUMNS.map((c) => exportValue(lead, c, CTX));

/** What a lead's own fields vary by beyond the shared arbitraries: precision, DNC status, zone, outcome, attempts. */
const extraArb = fc.record({
  acquiredAtPrecision: fc.constantFrom(...ACQUIRED_AT_PRECISIONS),
  dncStatus: fc.constantFrom(...DNC_STATUSES),
  timeZone: fc.constantFrom(...ZONES),
  odd: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant({ lastOutcome: 'callback-requested-by-crm' }) },
    { weight: 1, arbitrary: fc.constant({ attempts: 70_000 }) },
  ),
  tagsWithSemicolon: fc.boolean(),
});

const ascendingIds = (leads: readonly Lead[]) => Int32Array.from(leads.map((l) => l.id));

describe('export leads off the engine columns', () => {
  it('write every export column as the table lead does, or answer null where they cannot tell', () => {
    let answered = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        rowsArb(24),
        fc.array(extraArb, { minLength: 24, maxLength: 24 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (rows, extras, rewrite, gone) => {
          fc.pre(rows.length > 0);
          const leads: Lead[] = rows.map(({ lead }, i) => {
            const { odd, tagsWithSemicolon, ...extra } = extras[i]!;
            const tags = tagsWithSemicolon ? [...lead.tags, 'a;b'] : lead.tags;
            return { ...lead, ...extra, ...(odd ?? {}), tags };
          });
          let cols: LeadColumns = buildLeadColumns(
            leads,
            rows.map((r) => r.derived),
          );
          // Rewrite a few rows with another lead's fields (same id), delete a few.
          const want = [...leads];
          const changes = rewrite.map((r) => {
            const row = r % leads.length;
            const donor = leads[(r * 7 + 3) % leads.length]!;
            want[row] = { ...donor, id: leads[row]!.id };
            return { row, lead: want[row]!, derived: rows[row]!.derived };
          });
          const deleted = [...new Set(gone.map((g) => g % leads.length))];
          cols = patchLeadColumns(cols, changes, deleted);
          const kept = want.filter((_, i) => !deleted.includes(i));
          const unanswerable = kept.some((l) => l.attempts >= 65_535 || l.lastOutcome === 'callback-requested-by-crm');
          for (const c of [cols, fromChunks(toChunks(cols, 5).head, toChunks(cols, 5).chunks as never)]) {
            const got = exportLeadsFromColumns(c, ascendingIds(want));
            if (unanswerable) {
              expect(got).toBeNull();
              refused++;
              continue;
            }
            expect(got).not.toBeNull();
            answered++;
            expect(got!.map((l) => l.id)).toEqual(kept.map((l) => l.id));
            got!.forEach((l, k) => expect(cells(l)).toEqual(cells(kept[k]!)));
          }
        },
      ),
      { numRuns: 200 },
    );
    // Anti-vacuity: both answers were given, many times (twelve seeds: answered 136–172, refused 228–264).
    expect(answered).toBeGreaterThan(80);
    expect(refused).toBeGreaterThan(10);
  });

  it('answers null when a lead was put back under an id lower than the row before it', () => {
    const lead = (id: number): Lead =>
      ({
        ...{ id, phoneE164: `+1202555${String(id).padStart(4, '0')}`, phoneRaw: '', region: 'US', timeZone: 'UTC' },
        ...{ name: 'A', company: '', email: 'A@X.test', tags: ['VIP'], sourceId: 'web', acquiredAt: 0 },
        ...{ acquiredAtPrecision: 'day', createdAt: 0, updatedAt: 0, entryMethod: 'manual', attempts: 0 },
        ...{ dncStatus: 'clear', dncCheckedVersions: [] },
      }) as Lead;
    const derived = { consent: 'valid', dnc: 'clear', reasons: [], callable: true } as const;
    const cols = buildLeadColumns([lead(1), lead(3)], [derived, derived]);
    expect(exportLeadsFromColumns(cols, Int32Array.of(1, 3))!.map((l) => l.email)).toEqual(['A@X.test', 'A@X.test']);
    const putBack = patchLeadColumns(cols, [{ row: null, lead: lead(2), derived }], []);
    expect(exportLeadsFromColumns(putBack, Int32Array.of(1, 2, 3))).toBeNull();
    // Ids the columns do not hold are left out, as a read of the table leaves out missing ones.
    expect(exportLeadsFromColumns(cols, Int32Array.of(2, 3))!.map((l) => l.id)).toEqual([3]);
  });
});
