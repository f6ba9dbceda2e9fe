/**
 * The grid's dictionary-coded columns (source, campaign, region, zone) are 16 bits a row until a
 * catalogue passes 65,536 names; then 32, never wrapped: built, appended to and through the
 * stored snapshot's chunks, every row reads back its own name.
 */
import { describe, expect, it } from 'vitest';
import type { Lead } from '../lead';
import type { LeadDerived } from '../lead-filter';
import { buildLeadColumns } from './lead-columns';
import { patchLeadColumns } from './lead-columns-patch';
import { fromChunks, toChunks } from './lead-columns-chunks';
import { queryRows } from './lead-query';

const DERIVED: LeadDerived = { consent: 'valid', dnc: 'clear', reasons: [], callable: true };
const T = Date.UTC(2026, 2, 1);

function lead(id: number, sourceId: string): Lead {
  return {
    ...{ id, phoneE164: `+1202555${String(id % 10_000).padStart(4, '0')}`, phoneRaw: '', region: 'US' },
    ...{ timeZone: 'UTC', name: `Lead ${id}`, company: '', email: '', tags: [], sourceId, acquiredAt: T },
    ...{ acquiredAtPrecision: 'exact', createdAt: T, updatedAt: T, entryMethod: 'manual', attempts: 0 },
    ...{ dncStatus: 'unchecked', dncCheckedVersions: [] },
  } as Lead;
}

const sourceAt = (cols: ReturnType<typeof buildLeadColumns>, i: number) => cols.dict.source.values[cols.source[i]!];

describe('the grid’s code columns', () => {
  it('stay 16 bits a row for a catalogue of up to 65,536 names (the empty one included)', () => {
    const leads = Array.from({ length: 65_535 }, (_, i) => lead(i + 1, `src-${i}`));
    const cols = buildLeadColumns(
      leads,
      leads.map(() => DERIVED),
    );
    expect(cols.source).toBeInstanceOf(Uint16Array);
    expect(cols.dict.source.values.length).toBe(65_536);
    expect(sourceAt(cols, 65_534)).toBe('src-65534');
    expect(cols.region).toBeInstanceOf(Uint16Array);
  });

  it('widen to 32 bits when a code passes 0xffff, as rows are built, appended and stored, never wrapping', () => {
    const n = 70_000;
    const leads = Array.from({ length: n }, (_, i) => lead(i + 1, `src-${i}`));
    const built = buildLeadColumns(
      leads,
      leads.map(() => DERIVED),
    );
    expect(built.source).toBeInstanceOf(Uint32Array);
    for (const i of [0, 65_534, 65_535, 65_536, n - 1]) expect(sourceAt(built, i)).toBe(`src-${i}`);

    // A small catalogue grown past 65,536 names by appended rows: the rows before keep their names.
    const first = Array.from({ length: 65_000 }, (_, i) => lead(i + 1, `src-${i}`));
    const small = buildLeadColumns(
      first,
      first.map(() => DERIVED),
    );
    expect(small.source).toBeInstanceOf(Uint16Array);
    const added = Array.from({ length: 1_000 }, (_, k) => lead(65_001 + k, `src-${65_000 + k}`));
    const patched = patchLeadColumns(
      small,
      added.map((l) => ({ row: null, lead: l, derived: DERIVED })),
      [],
    );
    expect(patched.source).toBeInstanceOf(Uint32Array);
    expect(patched.n).toBe(66_000);
    for (const i of [0, 64_999, 65_000, 65_535, 65_536, 65_999]) expect(sourceAt(patched, i)).toBe(`src-${i}`);
    // Still room to grow: the next append writes into it.
    const again = patchLeadColumns(patched, [{ row: null, lead: lead(66_001, 'src-0'), derived: DERIVED }], []);
    expect(again.source.buffer).toBe(patched.source.buffer);

    // Through the snapshot's chunks: 16-bit chunks and 32-bit ones put back as one 32-bit column.
    const { head, chunks } = toChunks(patched, 16_384);
    const back = fromChunks(head, chunks as NonNullable<(typeof chunks)[number]>[]);
    expect(back.source).toBeInstanceOf(Uint32Array);
    for (const i of [0, 65_535, 65_536, 65_999]) expect(sourceAt(back, i)).toBe(`src-${i}`);
    // And a filter on the 65,537th name finds its row alone, not the row whose code it would wrap onto.
    const ctx = { orgTimeZone: 'UTC', now: Date.UTC(2026, 5, 1), dormantMs: 0 };
    const rows = queryRows(back, { source: ['src-65536'] }, ctx, null, false);
    expect([...rows]).toEqual([65_536]);
  });

  it('keep each import batch 16 bits a row, widened for an id past 32,766; a filter by batch finds exactly its rows', () => {
    const batches = [undefined, 0, 7, 7, 32_766, 32_767, 70_000, -3, 2.5, -(2 ** 31), 2 ** 31];
    const leads = batches.map((b, k) => ({ ...lead(k + 1, 'web'), importBatchId: b }));
    const small = buildLeadColumns(
      leads.slice(0, 5),
      leads.slice(0, 5).map(() => DERIVED),
    );
    expect(small.batch).toBeInstanceOf(Uint16Array);
    const cols = patchLeadColumns(
      small,
      leads.slice(5).map((l) => ({ row: null, lead: l, derived: DERIVED })),
      [],
    );
    expect(cols.batch).toBeInstanceOf(Uint32Array);
    const { head, chunks } = toChunks(cols, 4);
    const back = fromChunks(head, chunks as NonNullable<(typeof chunks)[number]>[]);
    expect(back.batch).toBeInstanceOf(Uint32Array);
    const ctx = { orgTimeZone: 'UTC', now: Date.UTC(2026, 5, 1), dormantMs: 0 };
    const rowsOf = (batch: number) => [...queryRows(back, { batch }, ctx, null, false)];
    expect(rowsOf(0)).toEqual([1]);
    expect(rowsOf(7)).toEqual([2, 3]);
    expect(rowsOf(32_766)).toEqual([4]);
    expect(rowsOf(32_767)).toEqual([5]);
    expect(rowsOf(70_000)).toEqual([6]);
    // A negative id (no import makes one, the schema allows it) is found as the reference filter finds it.
    expect(rowsOf(-3)).toEqual([7]);
    expect(rowsOf(-1)).toEqual([]);
    // Outside ±(2^31 − 1) or fractional: asked for, they find nothing, not the leads with no batch.
    expect(rowsOf(-(2 ** 31))).toEqual([]);
    expect(rowsOf(2.5)).toEqual([]);
    expect(rowsOf(2 ** 31)).toEqual([]);
  });
});
