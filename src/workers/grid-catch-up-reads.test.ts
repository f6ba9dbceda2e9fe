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
import { buildGridIndex, openGridIndex, outsideHoursAt, type GridIndex } from './grid-index';

afterAll(closeAll);

const FILTERS: LeadFilter[] = [{}, { callable: 'yes' }, { tags: ['bench-run-1'] }, { consent: ['valid', 'expiring'] }, { dnc: ['listed'] }, { reason: ['frequency-capped'] }];

function answers(index: GridIndex): number[][] {
  const ctx = { orgTimeZone: index.orgTimeZone, dormantMs: index.dormantMs, now: NOW, outsideHours: outsideHoursAt(index, NOW) };
  return FILTERS.map((f) => Array.from(queryRows(index.cols, f, ctx, null, false), (i) => index.cols.ids[i]!).sort((a, b) => a - b));
}

/** Spies on every way of reading many rows by range or by cursor. */
function rangeReads(db: LeadsDb) {
  const where = Object.getPrototypeOf(db.calls.where('leadId')) as Record<string, (...a: unknown[]) => unknown>;
  const named = <T extends { mockName: (n: string) => T }>(spy: T, name: string) => spy.mockName(name);
  return [named(vi.spyOn(where, 'anyOf'), 'anyOf'), named(vi.spyOn(where, 'between'), 'between'), named(vi.spyOn(where, 'above'), 'above'), named(vi.spyOn(db.leads, 'toArray'), 'leads.toArray'), named(vi.spyOn(db.leads, 'toCollection'), 'leads.toCollection'), named(vi.spyOn(db.calls, 'toArray'), 'calls.toArray'), named(vi.spyOn(db.consents, 'toArray'), 'consents.toArray')];
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
    // The snapshot's own table (its chunks are replaced by key range after the catch-up) is not a read of the data.
    const onData = (ctx: unknown) => (ctx as { _ctx?: { table?: { name?: string } }; name?: string })._ctx?.table?.name !== 'engine';
    const calls = spies.map((s) => [s.getMockName(), (s.mock.contexts as unknown[]).filter(onData).length] as const);
    for (const s of spies) s.mockRestore();
    expect(reopened.counters).toMatchObject({ snapshot: 'caught-up', fullBuilds: 0, rowsRead: 0, catchUps: 1, rowsCaughtUp: ids.length });
    expect(calls.filter(([, n]) => n > 0)).toEqual([]);

    const fresh = await buildGridIndex(db, NOW);
    expect(answers(reopened)).toEqual(answers(fresh));
    expect(answers(reopened)[2]).toEqual([...ids].sort((a, b) => a - b));
  }, 180_000);
});
