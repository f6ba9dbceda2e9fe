import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../time/calendar';
import { buildSnapshot } from './snapshot-from-leads.test-helpers';
import { cohortTriangle } from './cohort-triangle';

const day = (iso: string) => Date.parse(`${iso}T12:00Z`);
const lead = (id: number, acquired: string, sourceId: string, convertedAfterDays?: number) => ({
  id,
  sourceId,
  region: 'US',
  entryMethod: 'api' as const,
  acquiredAt: day(acquired),
  createdAt: day(acquired),
  attempts: convertedAfterDays === undefined ? 0 : 1,
  dncStatus: 'clear' as const,
  ...(convertedAfterDays === undefined
    ? {}
    : { convertedAt: day(acquired) + convertedAfterDays * MS_PER_DAY, firstConnectedAt: day(acquired) }),
});

describe('cohortTriangle: cumulative conversion by weeks since acquisition', () => {
  // January: 4 leads converting after 2, 9 and 30 days and never. February: 2 leads, one converting after 1 day.
  const snap = buildSnapshot(
    [
      lead(1, '2026-01-05', 'web', 2),
      lead(2, '2026-01-20', 'web', 9),
      lead(3, '2026-01-31', 'expo', 30),
      lead(4, '2026-01-10', 'web'),
      lead(5, '2026-02-03', 'web', 1),
      lead(6, '2026-02-14', 'expo'),
    ],
    [],
    { timeZone: 'UTC', campaigns: [], sources: [] },
  );

  it('fills only the weeks every lead of a cohort has lived through', () => {
    // now = 1 March 2026 00:00Z: January ended 1 Feb (4 whole weeks since); February ends today (none).
    const t = cohortTriangle(snap, { grain: 'month', split: 'none', weeks: 6 }, Date.UTC(2026, 2, 1));
    expect(t.rows.map((r) => [r.key, r.leads, r.converted])).toEqual([
      ['2026-01', 4, [1, 2, 2, 2]],
      ['2026-02', 2, []],
    ]);
  });

  it('grows rows as time passes, up to the column limit', () => {
    const t = cohortTriangle(snap, { grain: 'month', split: 'none', weeks: 6 }, Date.UTC(2026, 3, 1));
    expect(t.rows.map((r) => r.converted)).toEqual([
      [1, 2, 2, 2, 3, 3],
      [1, 1, 1, 1],
    ]);
  });

  it('shows one split value when asked', () => {
    const t = cohortTriangle(snap, { grain: 'month', split: 'source', series: 'expo', weeks: 6 }, Date.UTC(2026, 3, 1));
    expect(t.rows.map((r) => [r.key, r.leads, r.converted])).toEqual([
      ['2026-01', 1, [0, 0, 0, 0, 1, 1]],
      ['2026-02', 1, [0, 0, 0, 0]],
    ]);
  });
});
