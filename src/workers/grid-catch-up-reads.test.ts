/**
 * What a catch-up reads. A bulk edit touches leads spread over the whole table (every 4th here;
 * the bench's 10k sample is every 10th of 100k); catching up must read those leads by primary key
 * and their histories by key — not scan the id range between them (which read every lead in it)
 * and not walk an index cursor record by record (`anyOf`: one IndexedDB round trip per call,
 * consent and DNC entry) — and still answer exactly as a fresh build.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { applyBulkEdit } from '../db/repos/bulk-edit-repo';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import type { LeadsDb } from '../db/leads-db';
import { queryRows } from '../domain/leads/index/lead-query';
import type { LeadFilter } from '../domain/leads/lead-filter';
import { buildGridIndex, openGridIndex, type GridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { instantsToFloat64 } from '../domain/columns/instant-column';

afterAll(closeAll);

const FILTERS: LeadFilter[] = [
  {},
  { callable: 'yes' },
  { tags: ['bench-run-1'] },
  { consent: ['valid', 'expiring'] },
  { dnc: ['listed'] },
  { reason: ['frequency-capped'] },
];

function answers(index: GridIndex): number[][] {
  const ctx = {
    orgTimeZone: index.orgTimeZone,
    dormantMs: index.dormantMs,
    now: NOW,
    outsideHours: outsideHoursAt(index, NOW),
  };
  return FILTERS.map((f) =>
    Array.from(queryRows(index.cols, f, ctx, null, false), (i) => index.cols.ids[i]!).sort((a, b) => a - b),
  );
}

/** Spies on every way of reading many rows by range or by cursor. */
function rangeReads(db: LeadsDb) {
  const where = Object.getPrototypeOf(db.calls.where('leadId')) as Record<string, (...a: unknown[]) => unknown>;
  const named = <T extends { mockName: (n: string) => T }>(spy: T, name: string) => spy.mockName(name);
  return [
    named(vi.spyOn(where, 'anyOf'), 'anyOf'),
    named(vi.spyOn(where, 'between'), 'between'),
    named(vi.spyOn(where, 'above'), 'above'),
    named(vi.spyOn(db.leads, 'toArray'), 'leads.toArray'),
    named(vi.spyOn(db.leads, 'toCollection'), 'leads.toCollection'),
    named(vi.spyOn(db.calls, 'toArray'), 'calls.toArray'),
    named(vi.spyOn(db.consents, 'toArray'), 'consents.toArray'),
  ];
}

describe('grid catch-up reads', () => {
  it('catches up a bulk edit of leads spread over the table by key, never by range or cursor, and answers as a fresh build', async () => {
    const db = await dbWith(demoSlice(2));
    const first = await openGridIndex(db, NOW);
    await first.saving;
    expect(first.counters.snapshot).toBe('missing');
    const ids = Array.from(first.cols.ids).filter((_, i) => i % 4 === 0);
    expect(ids.length).toBeGreaterThan(2_000);
    await applyBulkEdit(db, ids, { kind: 'edit-fields', edits: [{ kind: 'add-tags', tags: ['bench-run-1'] }] }, NOW);

    const spies = rangeReads(db);
    const reopened = await openGridIndex(db, NOW);
    // The snapshot's own table (its chunks are replaced by key range after the catch-up) and the change log are not reads of the data.
    const onData = (ctx: unknown) =>
      !['engine', 'changes'].includes((ctx as { _ctx?: { table?: { name?: string } } })._ctx?.table?.name ?? '');
    const calls = spies.map((s) => [s.getMockName(), (s.mock.contexts as unknown[]).filter(onData).length] as const);
    for (const s of spies) s.mockRestore();
    expect(reopened.counters).toMatchObject({
      snapshot: 'caught-up',
      fullBuilds: 0,
      rowsRead: 0,
      catchUps: 1,
      rowsCaughtUp: ids.length,
    });
    expect(calls.filter(([, n]) => n > 0)).toEqual([]);

    const fresh = await buildGridIndex(db, NOW);
    expect(answers(reopened)).toEqual(answers(fresh));
    expect(answers(reopened)[2]).toEqual([...ids].sort((a, b) => a - b));
  }, 180_000);

  it('keeps the cached judgement of leads whose row alone changed in what no rule reads, and judges again those whose judged fields or history changed', async () => {
    const db = await dbWith(demoSlice(1));
    const first = await openGridIndex(db, NOW);
    await first.saving;
    const all = Array.from(first.cols.ids);
    const tagged = all.filter((_, i) => i % 3 === 0);
    const verified = all.filter((_, i) => i % 3 === 1).slice(0, 200);
    const listed = all.filter((_, i) => i % 3 === 2).slice(0, 50);
    await applyBulkEdit(
      db,
      tagged,
      {
        kind: 'edit-fields',
        edits: [
          { kind: 'add-tags', tags: ['bench-run-1'] },
          { kind: 'set-text', field: 'company', value: 'Renamed Ltd' },
        ],
      },
      NOW,
    );
    await applyBulkEdit(db, verified, { kind: 'edit-fields', edits: [{ kind: 'mark-verified' }] }, NOW);
    // A history write: each of these numbers goes on the internal DNC list.
    await applyBulkEdit(db, listed, { kind: 'add-to-internal-dnc' }, NOW);

    // Tables are re-bound inside a transaction: spy on every table's `where`, count the calls table's.
    const where = vi.spyOn(Object.getPrototypeOf(db.calls) as { where: (...a: unknown[]) => unknown }, 'where');
    const reopened = await openGridIndex(db, NOW);
    const historyReads = (where.mock.contexts as { name?: string }[]).filter((t) => t.name === 'calls').length;
    where.mockRestore();
    const { rowsCaughtUp, rowsKept } = reopened.counters;
    expect(reopened.counters).toMatchObject({ snapshot: 'caught-up', fullBuilds: 0, catchUps: 1 });
    // Every tagged lead kept its judgement (but one whose number another lead shares, now listed).
    expect(rowsKept).toBeLessThanOrEqual(tagged.length);
    expect(rowsKept).toBeGreaterThan(tagged.length - listed.length);
    // Only the others' histories were read: one calls read per lead judged again.
    expect(rowsCaughtUp - rowsKept).toBeGreaterThanOrEqual(verified.length);
    expect(historyReads).toBe(rowsCaughtUp - rowsKept);

    const fresh = await buildGridIndex(db, NOW);
    expect(answers(reopened)).toEqual(answers(fresh));
    // Every cached judgement, kept or made again, is the one a fresh build makes.
    for (const key of ['reasons', 'consent', 'dnc', 'flags', 'judgedFrom'] as const)
      expect(Array.from(reopened.cols[key])).toEqual(Array.from(fresh.cols[key]));
    expect(instantsToFloat64(reopened.cols.nextChange)).toEqual(instantsToFloat64(fresh.cols.nextChange));
  }, 180_000);
});
