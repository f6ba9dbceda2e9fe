/**
 * The numbers a DNC scrub reads off the engine's columns are exactly the stored leads' numbers
 * (the phone index holds the same), after rewrites, appends and deletions and through the
 * snapshot's chunks; a damaged packing is refused, never read short.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead';
import { rowsArb } from './lead-arbitraries.test-helpers';
import { buildLeadColumns } from './lead-columns';
import { patchLeadColumns } from './lead-columns-patch';
import { fromChunks, toChunks } from './lead-columns-chunks';
import { forEachLeadPhone, leadPhonesFromColumns } from './lead-phones-from-columns';

const pairs = (packed: ReturnType<typeof leadPhonesFromColumns>) => {
  const out: [number, string][] = [];
  forEachLeadPhone(packed, (id, phone) => out.push([id, phone]));
  return out;
};

describe('lead phones off the engine columns', () => {
  it('are the stored leads’ ids and numbers, deleted rows left out', () => {
    let withDeleted = 0;
    let anonymised = 0;
    fc.assert(
      fc.property(
        rowsArb(24),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (rows, rewrite, gone, hashed) => {
          fc.pre(rows.length > 0);
          const leads: Lead[] = rows.map(({ lead }, i) =>
            hashed.some((h) => h % rows.length === i) ? { ...lead, phoneE164: `hmac:${i}abc` } : lead,
          );
          let cols = buildLeadColumns(
            leads,
            rows.map((r) => r.derived),
          );
          const want = [...leads];
          const changes = rewrite.map((r) => {
            const row = r % leads.length;
            want[row] = { ...leads[(r * 7 + 3) % leads.length]!, id: leads[row]!.id };
            return { row, lead: want[row]!, derived: rows[row]!.derived };
          });
          const deleted = [...new Set(gone.map((g) => g % leads.length))];
          cols = patchLeadColumns(cols, changes, deleted);
          const kept = want.filter((_, i) => !deleted.includes(i)).map((l) => [l.id, l.phoneE164]);
          if (deleted.length > 0) withDeleted++;
          if (kept.some(([, p]) => String(p).startsWith('hmac:'))) anonymised++;
          const { head, chunks } = toChunks(cols, 5);
          for (const c of [cols, fromChunks(head, chunks as never)])
            expect(pairs(leadPhonesFromColumns(c))).toEqual(kept);
        },
      ),
      { numRuns: 300 },
    );
    // Anti-vacuity: deletions and anonymised numbers both came up, many times.
    expect(withDeleted).toBeGreaterThan(100);
    expect(anonymised).toBeGreaterThan(50);
  });

  it('refuses a packing whose numbers and ids do not pair up', () => {
    expect(() => forEachLeadPhone({ ids: Int32Array.of(1, 2), phones: '+12025550100\n' }, () => {})).toThrow(/fewer/);
    expect(() => forEachLeadPhone({ ids: Int32Array.of(1), phones: '+12025550100\n+1\n' }, () => {})).toThrow(/more/);
    expect(pairs({ ids: new Int32Array(0), phones: '' })).toEqual([]);
  });
});
