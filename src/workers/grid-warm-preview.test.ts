/**
 * The Preview warmed in idle time runs once per columns object, over a spread of its leads, and
 * changes nothing: the columns are as they were, and the steward's Preview counts as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildLeadColumns } from '../domain/leads/index/lead-columns';
import { previewFromColumns } from '../domain/leads/index/bulk-preview-from-columns';
import * as previews from '../domain/leads/index/bulk-preview-from-columns';
import type { Lead } from '../domain/leads/lead';
import { WARM_PREVIEW_LEADS, WARM_SLICE, stopWarmingPreview, warmPreview } from './grid-warm-preview';

const NOW = Date.UTC(2026, 11, 4, 12);
const lead = (id: number): Lead =>
  ({
    id,
    phoneE164: `+4420700${String(id).padStart(5, '0')}`,
    name: `Lead ${id}`,
    company: '',
    email: '',
    sourceId: id % 2 ? 'web' : 'fair',
    tags: id % 3 ? ['vip'] : [],
    region: 'GB',
    timeZone: 'Europe/London',
    acquiredAt: NOW - id * 60_000,
    acquiredAtPrecision: 'exact',
    createdAt: NOW - id * 50_000,
    entryMethod: 'manual',
    attempts: 0,
    dncStatus: 'unchecked',
  }) as unknown as Lead;
const DERIVED = { consent: 'none', dnc: 'clear', reasons: [], callable: true } as never;
const columnsOf = (n: number) =>
  buildLeadColumns(
    Array.from({ length: n }, (_, i) => lead(i + 1)),
    Array.from({ length: n }, () => DERIVED),
  );

describe('the Preview warmed in idle time', async () => {
  it('runs once per columns object, over at most WARM_PREVIEW_LEADS leads spread over them, and changes nothing', async () => {
    const cols = columnsOf(25_000);
    const before = structuredClone(cols);
    const spy = vi.spyOn(previews, 'previewFromColumns');
    expect(await warmPreview(cols, NOW)).toBe('ran');
    expect(await warmPreview(cols, NOW)).toBe(false);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    for (const [c, ids] of spy.mock.calls) {
      expect(c).toBe(cols);
      expect(ids.length).toBeLessThanOrEqual(WARM_SLICE);
    }
    // The first operation over every other row's lead, from the first to near the last, a slice a task.
    const first = spy.mock.calls.filter(([, , op]) => op.kind === 'add-tags').flatMap(([, ids]) => Array.from(ids));
    expect(first).toHaveLength(WARM_PREVIEW_LEADS);
    expect(first[0]).toBe(1);
    expect(first.at(-1)).toBe(19_999);
    // Every kind of field edit, the others over one slice.
    expect(new Set(spy.mock.calls.map(([, , op]) => op.kind)).size).toBe(5);
    spy.mockRestore();
    expect(cols).toEqual(before);
    expect(previewFromColumns(cols, [1, 2, 3], { kind: 'add-tags', tags: ['vip'] }, NOW)).toEqual({
      selected: 3,
      changed: 1,
      unchanged: 2,
      missing: 0,
    });
    // Another columns object (a catch-up replaced them): warmed again.
    expect(await warmPreview(columnsOf(10), NOW)).toBe('ran');
  });

  it('as a dialog opens: over its selection (at most WARM_PREVIEW_LEADS), unless these columns were warmed already', async () => {
    const cols = columnsOf(30);
    const spy = vi.spyOn(previews, 'previewFromColumns');
    expect(await warmPreview(cols, NOW, Int32Array.from([3, 5, 7]))).toBe('ran');
    for (const [, ids] of spy.mock.calls) expect(Array.from(ids)).toEqual([3, 5, 7]);
    spy.mockClear();
    expect(await warmPreview(cols, NOW, Int32Array.from([1]))).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    const big = columnsOf(WARM_PREVIEW_LEADS + 5);
    expect(
      await warmPreview(
        big,
        NOW,
        Int32Array.from({ length: WARM_PREVIEW_LEADS + 5 }, (_, i) => i + 1),
      ),
    ).toBe('ran');
    const warmedIds = spy.mock.calls.filter(([, , op]) => op.kind === 'add-tags').flatMap(([, ids]) => Array.from(ids));
    expect(warmedIds).toEqual(Array.from({ length: WARM_PREVIEW_LEADS }, (_, i) => i + 1));
    spy.mockRestore();
  });

  it('stops at its next slice once a Preview is asked for', async () => {
    const cols = columnsOf(3 * WARM_SLICE);
    const spy = vi.spyOn(previews, 'previewFromColumns').mockImplementation(() => {
      // The steward's Preview arrives while the first slice runs.
      if (spy.mock.calls.length === 1) stopWarmingPreview();
      return null;
    });
    expect(await warmPreview(cols, NOW)).toBe('stopped');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('never throws: a Preview that cannot run here is the steward’s to report', async () => {
    const cols = columnsOf(10);
    const spy = vi.spyOn(previews, 'previewFromColumns').mockImplementation(() => {
      throw new Error('broken');
    });
    expect(await warmPreview(cols, NOW)).toBe('ran');
    spy.mockRestore();
  });
});
