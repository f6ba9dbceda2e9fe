/**
 * A block of grid rows is drawn from the engine's cached judgement — the one the filter tested —
 * with the calling hours of the instant asked: its verdict, consent and DNC states and stage equal
 * a full judgement of the lead at that instant, and the dates the columns keep (a consent's expiry,
 * the retention deadline) are shown. Drawing a block reads nothing: no lead, call, consent or DNC
 * entry (the values drawn are in the columns, and equal the stored lead's).
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadComplianceWorld } from '../db/repos/compliance-world-repo';
import { closeAll, dbWith, demoSlice, NOW } from '../db/repos/compliance-test-fixture';
import { createJudge } from '../domain/compliance/judge';
import { displayLeadOf, displayReasons, displayRow, type DisplayRow } from '../domain/leads/display-row';
import { ensureDataVersion } from '../db/repos/data-version-repo';
import { catchUp } from './grid-catch-up';
import { storedStageOf } from '../domain/leads/lifecycle-facts';
import { dormantPeriodMs } from '../domain/leads/lifecycle-stage';
import { MS_PER_DAY } from '../domain/time/calendar';
import { displayBlock, latestFirst } from './grid-block';
import { buildGridIndex } from './grid-index';
import { refreshDue } from './grid-due-rows';

afterAll(closeAll);

const WHERE = { locale: 'en-US', timeZone: 'UTC' };

describe('grid block', () => {
  it('shows each row with the verdict a full judgement gives at the instant asked, without reading any history', async () => {
    const db = await dbWith(demoSlice(10));
    const index = await buildGridIndex(db, NOW);
    const { leads, world, settings } = await loadComplianceWorld(db);
    const judge = createJudge(world, settings);
    const byId = new Map(leads.map((l) => [l.id, l]));
    const [sources, campaigns] = await Promise.all([db.sources.toArray(), db.campaigns.toArray()]);
    const names = {
      sources: new Map(sources.map((s) => [s.id, s.name])),
      campaigns: new Map(campaigns.map((c) => [c.id, c.name])),
    };
    const dormantMs = dormantPeriodMs(settings.dormantDays);
    let expiring = 0;
    let hours = 0;
    // Several instants: the hours open and close, cached rows fall due and are judged again by refreshDue.
    for (const at of [NOW, NOW + 5 * 3_600_000, NOW + 13 * 3_600_000, NOW + 40 * MS_PER_DAY]) {
      await refreshDue(db, index, at);
      const rows = Uint32Array.from({ length: index.cols.n }, (_, i) => i);
      const reads = [
        vi.spyOn(db.calls, 'where'),
        vi.spyOn(db.consents, 'where'),
        vi.spyOn(db.dncEntries, 'where'),
        vi.spyOn(db.dncEntries, 'toArray'),
        vi.spyOn(db.calls, 'toArray'),
        vi.spyOn(db.consents, 'toArray'),
        vi.spyOn(db.leads, 'bulkGet'),
        vi.spyOn(db.leads, 'get'),
      ];
      const shown = await displayBlock(db, index, rows, at, WHERE, 0);
      for (const spy of reads) {
        expect(spy).not.toHaveBeenCalled();
        spy.mockRestore();
      }
      expect(shown.map((r) => r.id)).toEqual(Array.from(index.cols.ids));
      for (const row of shown) {
        const lead = byId.get(row.id)!;
        const full = judge(lead, at);
        expect({
          id: row.id,
          callable: row.callable,
          codes: row.reasons.map((r) => r.code).sort(),
          consent: row.consent,
          dnc: row.dnc,
        }).toEqual({
          id: row.id,
          callable: full.verdict.callable,
          codes: full.verdict.reasons.map((r) => r.code).sort(),
          consent: full.consent,
          dnc: full.dnc,
        });
        expect(row.stage).toBe(
          storedStageOf(
            lead,
            full.verdict.reasons.map((r) => r.code),
            at,
            dormantMs,
          ),
        );
        // Every value drawn from the columns is the one the stored lead gives (tags in the dictionary's order).
        const fromLead = displayRow(displayLeadOf(lead), full, names, WHERE, at, dormantMs);
        const drawn = (r: DisplayRow) => ({
          ...r,
          tags: [...r.tags].sort(),
          callable: null,
          reasons: null,
          consent: null,
          dnc: null,
          stage: null,
        });
        expect(drawn(row)).toEqual(drawn(fromLead));
        // The dates the columns keep are the ones the badge shows for the judge's reason (its "until", else its "since").
        const fullShown = displayReasons(full.verdict, WHERE);
        for (const code of ['consent-expiring', 'retention-expired'] as const) {
          const mine = row.reasons.find((r) => r.code === code);
          const theirs = fullShown.find((r) => r.code === code);
          if (mine) expect(mine.until ?? mine.since).toBe(theirs!.until ?? theirs!.since);
        }
        if (row.reasons.some((r) => r.code === 'consent-expiring')) expiring++;
        if (row.reasons.some((r) => r.code === 'outside-calling-hours')) hours++;
      }
    }
    // The slice holds rows inside and outside their hours, and consents about to expire.
    expect(hours).toBeGreaterThan(0);
    expect(expiring).toBeGreaterThan(0);
  }, 60_000);

  it('leaves out a lead deleted once the index has caught up with the deletion', async () => {
    const db = await dbWith(demoSlice(40));
    const index = await buildGridIndex(db, NOW);
    index.dataVersion = await ensureDataVersion(db);
    await db.leads.delete(index.cols.ids[1]!);
    expect(await catchUp(db, index, NOW)).toBe('patched');
    const shown = await displayBlock(db, index, [0, 1, 2], NOW, WHERE, 0);
    expect(shown.map((r) => r.id)).toEqual([index.cols.ids[0], index.cols.ids[2]]);
  });

  it('serves blocks asked during a fast scroll newest first, two at a time, and every caller gets its own', async () => {
    const queue = latestFirst(2);
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const task = (k: number) => async () => {
      started.push(k);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return k * 10;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((k) => queue(task(k))));
    expect(results).toEqual([0, 10, 20, 30, 40, 50]);
    // 0 and 1 start at once; of those waiting, the last asked goes first.
    expect(started).toEqual([0, 1, 5, 4, 3, 2]);
    expect(most).toBe(2);
    await expect(queue(() => Promise.reject(new Error('no such block')))).rejects.toThrow('no such block');
    expect(await queue(task(9))).toBe(90);
  });
});
