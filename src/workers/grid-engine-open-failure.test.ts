/**
 * The engine's snapshot is a cache: when opening it (or catching it up) fails, the engine builds
 * from the tables and answers, instead of failing every question from then on.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import * as gridIndex from './grid-index';
import { createGridEngine } from './grid-engine';

vi.mock('./grid-index', async (original) => {
  const real = await original<typeof import('./grid-index')>();
  return { ...real, openGridIndex: vi.fn(real.openGridIndex), buildGridIndex: vi.fn(real.buildGridIndex) };
});

afterAll(closeAll);

describe('the engine opening', () => {
  it('builds from the tables when its snapshot cannot be opened or caught up', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(80));
    vi.mocked(gridIndex.openGridIndex).mockRejectedValueOnce(new RangeError('Maximum call stack size exceeded'));
    const engine = createGridEngine(db);
    const { total } = await engine.query({}, undefined);
    expect(total).toBe(await db.leads.count());
    expect((await engine.stats()).fullBuilds).toBe(1);
    expect(gridIndex.openGridIndex).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed open: the next question opens again', { timeout: 60_000 }, async () => {
    const db = await dbWith(demoSlice(80));
    vi.mocked(gridIndex.openGridIndex).mockRejectedValueOnce(new Error('snapshot unreadable'));
    vi.mocked(gridIndex.buildGridIndex).mockRejectedValueOnce(new Error('the disk went away'));
    const engine = createGridEngine(db);
    await expect(engine.query({}, undefined)).rejects.toThrow('the disk went away');
    const { total } = await engine.query({}, undefined);
    expect(total).toBe(await db.leads.count());
  });
});
