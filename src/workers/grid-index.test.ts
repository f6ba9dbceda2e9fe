/**
 * The grid index as time passes: a cached row is judged again only when its verdict's next
 * change instant is due, the calling hours are read per question, and the answers equal a
 * judgement of every lead from scratch at that instant — without a second full read.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { createJudge } from '../domain/compliance/judge';
import { leadDerived } from '../domain/compliance/lead-facts';
import { queryRows } from '../domain/leads/index/lead-query';
import { matchesLeadFilter, type LeadFilter } from '../domain/leads/lead-filter';
import { MS_PER_DAY } from '../domain/time/calendar';
import { buildGridIndex } from './grid-index';
import { outsideHoursAt } from './grid-index-reads';
import { refreshDue } from './grid-due-rows';

afterAll(closeAll);

const FILTERS: LeadFilter[] = [
  {},
  { callable: 'yes' },
  { callable: 'no' },
  { reason: ['outside-calling-hours'] },
  { reason: ['consent-expired', 'retention-expired'] },
  { reason: ['frequency-capped'] },
  { consent: ['expiring'] },
  { consent: ['expired'] },
  { dnc: ['stale'] },
  { reason: ['stale-data'] },
];

describe('grid index over time', () => {
  it('answers at later instants exactly as judging every lead from scratch, re-judging only the rows that were due', async () => {
    const db = await dbWith(demoSlice(20));
    const index = await buildGridIndex(db, NOW);
    const n = index.cols.n;
    const { leads, world, settings } = await loadComplianceWorld(db);
    const judge = createJudge(world, settings);
    const rowOf = new Map(Array.from(index.cols.ids, (id, i) => [id, i]));
    let changedCounts = 0;
    // Hours later (calling hours turn), days later (caps lift, checks age), months later (consents and retention lapse).
    for (const later of [0, 5 * 3_600_000, 11 * 3_600_000, 3 * MS_PER_DAY, 40 * MS_PER_DAY, 200 * MS_PER_DAY]) {
      const now = NOW + later;
      await refreshDue(db, index, now);
      const ctx = {
        orgTimeZone: settings.orgTimeZone,
        dormantMs: 90 * 86_400_000,
        now,
        outsideHours: outsideHoursAt(index, now),
      };
      for (const filter of FILTERS) {
        const got = Array.from(queryRows(index.cols, filter, ctx, null, false), (i) => index.cols.ids[i]!).sort(
          (a, b) => a - b,
        );
        const want = leads
          .filter((l) =>
            matchesLeadFilter(l, leadDerived(judge(l, now)), filter, {
              orgTimeZone: settings.orgTimeZone,
              dormantMs: 90 * 86_400_000,
              now,
            }),
          )
          .map((l) => l.id)
          .sort((a, b) => a - b);
        expect({ filter, later, ids: got }).toEqual({ filter, later, ids: want });
        if (later === 0) continue;
        const before = leads.filter((l) =>
          matchesLeadFilter(l, leadDerived(judge(l, NOW)), filter, {
            orgTimeZone: settings.orgTimeZone,
            dormantMs: 90 * 86_400_000,
            now: NOW,
          }),
        ).length;
        if (before !== want.length) changedCounts++;
      }
    }
    expect(rowOf.size).toBe(n);
    // Anti-vacuity: the answers did move with the clock, and the rows judged again were a fraction of a rebuild per step.
    expect(changedCounts).toBeGreaterThan(10);
    expect(index.counters.fullBuilds).toBe(1);
    expect(index.counters.rowsRejudged).toBeGreaterThan(0);
    expect(index.counters.rowsRejudged).toBeLessThan(5 * n);
  });
});
