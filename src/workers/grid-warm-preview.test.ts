/**
 * The Preview warmed in idle time runs once per columns object, over a spread of its leads, and
 * changes nothing: the columns are as they were, and the steward's Preview counts as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildLeadColumns } from '../domain/leads/index/lead-columns';
import { previewFromColumns } from '../domain/leads/index/bulk-preview-from-columns';
import * as previews from '../domain/leads/index/bulk-preview-from-columns';
import type { Lead } from '../domain/leads/lead';
import { WARM_PREVIEW_LEADS, warmPreview } from './grid-warm-preview';

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

describe('the Preview warmed in idle time', () => {
  it('runs once per columns object, over at most WARM_PREVIEW_LEADS leads spread over them, and changes nothing', () => {
    const cols = columnsOf(25_000);
    const before = structuredClone(cols);
    const spy = vi.spyOn(previews, 'previewFromColumns');
    expect(warmPreview(cols, NOW)).toBe(true);
    expect(warmPreview(cols, NOW)).toBe(false);
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    for (const [c, ids] of spy.mock.calls) {
      expect(c).toBe(cols);
      expect(ids.length).toBe(WARM_PREVIEW_LEADS);
      // Every other row's lead: from the first to near the last.
      expect(ids[0]).toBe(1);
      expect(ids[ids.length - 1]).toBe(19_999);
    }
    spy.mockRestore();
    expect(cols).toEqual(before);
    expect(previewFromColumns(cols, [1, 2, 3], { kind: 'add-tags', tags: ['vip'] }, NOW)).toEqual({
      selected: 3,
      changed: 1,
      unchanged: 2,
      missing: 0,
    });
    // Another columns object (a catch-up replaced them): warmed again.
    expect(warmPreview(columnsOf(10), NOW)).toBe(true);
  });

  it('as a dialog opens: over its selection (at most WARM_PREVIEW_LEADS), unless these columns were warmed already', () => {
    const cols = columnsOf(30);
    const spy = vi.spyOn(previews, 'previewFromColumns');
    expect(warmPreview(cols, NOW, Int32Array.from([3, 5, 7]))).toBe(true);
    for (const [, ids] of spy.mock.calls) expect(Array.from(ids)).toEqual([3, 5, 7]);
    spy.mockClear();
    expect(warmPreview(cols, NOW, Int32Array.from([1]))).toBe(false);
    expect(spy).not.toHaveBeenCalled();
    const big = columnsOf(WARM_PREVIEW_LEADS + 5);
    expect(
      warmPreview(
        big,
        NOW,
        Int32Array.from({ length: WARM_PREVIEW_LEADS + 5 }, (_, i) => i + 1),
      ),
    ).toBe(true);
    for (const [, ids] of spy.mock.calls) expect(ids.length).toBe(WARM_PREVIEW_LEADS);
    spy.mockRestore();
  });

  it('never throws: a Preview that cannot run here is the steward’s to report', () => {
    const cols = columnsOf(10);
    const spy = vi.spyOn(previews, 'previewFromColumns').mockImplementation(() => {
      throw new Error('broken');
    });
    expect(warmPreview(cols, NOW)).toBe(true);
    spy.mockRestore();
  });
});
