/**
 * The Overview's and the Compliance screen's figures read off the grid's columns equal those of
 * a verdict for every lead (`complianceSummary`, `overviewFigures`: the old path, kept as the
 * oracle), at the build instant and as time passes (due rows judged again, hours per question).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { complianceSummary } from '../domain/compliance/compliance-summary';
import { leadFigures } from '../domain/leads/index/lead-figures';
import { overviewFigures } from '../domain/overview/overview-figures';
import { MS_PER_DAY } from '../domain/time/calendar';
import { buildGridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { refreshDue } from './grid-due-rows';

afterAll(closeAll);

describe('figures from the engine', () => {
  it('equal a verdict for every lead: queues, reasons, callable, calendar, this month, per source', async () => {
    const db = await dbWith(demoSlice(20));
    const index = await buildGridIndex(db, NOW);
    const { leads, world, settings } = await loadComplianceWorld(db);
    const sources = await db.sources.toArray();
    let nonEmptyCalendars = 0;
    for (const later of [0, 7 * 3_600_000, 2 * MS_PER_DAY, 45 * MS_PER_DAY]) {
      const at = NOW + later;
      await refreshDue(db, index, at);
      const f = leadFigures(index.cols, {
        now: at,
        orgTimeZone: settings.orgTimeZone,
        outsideHours: outsideHoursAt(index, at),
      });
      const oracle = complianceSummary(leads, world, settings, at, 90);
      expect({
        total: f.total,
        callable: f.callable,
        queues: f.queues,
        byReason: f.byReason,
        calendar: f.calendar,
      }).toEqual({
        total: oracle.total,
        callable: oracle.callable,
        queues: oracle.queues,
        byReason: oracle.byReason,
        calendar: oracle.calendar,
      });
      const overview = overviewFigures(leads, world, settings, sources, at);
      expect(f.acquiredThisMonth).toBe(overview.acquiredThisMonth);
      expect(f.bySource).toEqual(overview.bySource.map(({ sourceId, count }) => ({ sourceId, count })));
      if (oracle.calendar.length > 3) nonEmptyCalendars++;
    }
    // Anti-vacuity: the calendar had dates to compare, and some leads were callable and some not.
    expect(nonEmptyCalendars).toBeGreaterThan(2);
    const last = complianceSummary(leads, world, settings, NOW, 90);
    expect(last.callable).toBeGreaterThan(0);
    expect(last.callable).toBeLessThan(last.total);
    // …and rows fell in several queues, under several reasons (counted per set of reasons since session 42).
    expect(Object.values(last.queues).filter((n) => n > 0).length).toBeGreaterThan(2);
    expect(Object.values(last.byReason).filter((n) => n > 0).length).toBeGreaterThan(2);
  });
});
