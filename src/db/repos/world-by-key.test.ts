import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deleteFreshDatabases, freshDb } from '../test-databases';
import type { Lead } from '../../domain/leads/lead';
import { denseRuns, leadsByKey, MIN_RUN } from './world-by-key';

deleteFreshDatabases();

describe('denseRuns', () => {
  it('reads an import’s appended ids as one range and keeps scattered ids for gets', () => {
    const appended = Array.from({ length: 10_000 }, (_, k) => 1_000_001 + k);
    const { runs, scattered } = denseRuns([17, 40_000, ...appended, 9_000_000]);
    expect(runs).toEqual([[1_000_001, 1_010_000]]);
    expect(scattered).toEqual([17, 40_000, 9_000_000]);
  });

  it('leaves a run shorter than MIN_RUN to gets', () => {
    const few = Array.from({ length: MIN_RUN - 1 }, (_, k) => 100 + k);
    expect(denseRuns(few)).toEqual({ runs: [], scattered: few });
  });

  it('covers every id asked once, and no range reads more than twice the ids it holds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 1_000_000 })), {
          maxLength: 600,
        }),
        (ids) => {
          const { runs, scattered } = denseRuns(ids);
          const asked = [...new Set(ids)].sort((a, b) => a - b);
          const inRuns = asked.filter((id) => runs.some(([a, b]) => id >= a && id <= b));
          expect([...inRuns, ...scattered].sort((a, b) => a - b)).toEqual(asked);
          expect(scattered.filter((id) => inRuns.includes(id))).toEqual([]);
          for (const [a, b] of runs) {
            const held = asked.filter((id) => id >= a && id <= b).length;
            expect(held).toBeGreaterThanOrEqual(MIN_RUN);
            expect(b - a + 1).toBeLessThanOrEqual(2 * held);
            expect(asked).toContain(a);
            expect(asked).toContain(b);
          }
        },
      ),
    );
  });
});

describe('leadsByKey', () => {
  it('returns the stored leads asked, in the order asked, whether read by range or by key', async () => {
    const db = freshDb();
    const lead = (id: number) => ({ id, name: `Lead ${id}` }) as unknown as Lead;
    // 1–300 stored except 150 (deleted); 5,000 stored; 7,000 never stored.
    await db.leads.bulkPut([
      ...Array.from({ length: 300 }, (_, k) => lead(k + 1)).filter((l) => l.id !== 150),
      lead(5_000),
    ]);
    const asked = [7_000, 5_000, ...Array.from({ length: 200 }, (_, k) => 250 - k), 3];
    const got = await leadsByKey(db, asked);
    expect(got.map((l) => l.id)).toEqual(asked.filter((id) => id !== 7_000 && id !== 150));
    // Rows inside the range but not asked are left out.
    expect(got.some((l) => l.id > 250 && l.id < 5_000)).toBe(false);
  });
});
