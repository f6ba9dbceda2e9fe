import { afterEach, describe, expect, it } from 'vitest';
import { verdictsAt } from '../../domain/compliance/judge';
import { queueCounts } from '../../domain/compliance/queues';
import { MS_PER_DAY } from '../../domain/time/calendar';
import { verifyAuditTrail } from './audit-repo';
import { loadComplianceWorld } from './compliance-world-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { importDncVersion } from './dnc-import-repo';
import { checkPackedLeads, scrubAllLeads, type ScrubProgress } from './dnc-scrub-repo';

afterEach(closeAll);

async function queues(db: Awaited<ReturnType<typeof dbWith>>, at: number) {
  const { leads, world, settings } = await loadComplianceWorld(db);
  return queueCounts(verdictsAt(leads, world, settings, at));
}

describe('scrubAllLeads', () => {
  it('marks exactly the numbers listed by the versions in force, records the check on every lead, and audits once', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    // Leads entered since the demo's last scrub were never checked: they wait in the re-check queue.
    expect((await queues(db, NOW)).queues.dncRecheck).toBeGreaterThan(0);
    const progress: ScrubProgress[] = [];
    const result = await scrubAllLeads(db, NOW, (p) => progress.push(p));

    const listedNow = new Set(
      data.dncEntries
        .filter((e) => e.removedVersionId === undefined && (e.addedAt === undefined || e.addedAt <= NOW))
        .map((e) => e.phoneE164),
    );
    const leads = await db.leads.toArray();
    for (const lead of leads) {
      expect(lead).toMatchObject({
        dncStatus: listedNow.has(lead.phoneE164) ? 'listed' : 'clear',
        dncCheckedAt: NOW,
        dncCheckedVersions: [2, 3, 4],
      });
    }
    expect(result).toMatchObject({
      at: NOW,
      versionIds: [2, 3, 4],
      leadCount: leads.length,
      listed: leads.filter((l) => listedNow.has(l.phoneE164)).length,
    });
    expect(await db.dncScrubs.orderBy('at').last()).toMatchObject({ at: NOW, leadCount: leads.length });
    expect(progress.at(-1)).toEqual({ phase: 'done', done: leads.length, total: leads.length });
    // Progress from the start, in each phase's unit: every listed number of the active lists, then every lead.
    const entries = data.dncEntries.filter((e) => data.dncLists.find((l) => l.id === e.listId)?.active).length;
    expect(progress[0]).toEqual({ phase: 'lists', done: 0, total: entries });
    expect(progress.filter((p) => p.phase === 'lists').at(-1)).toEqual({
      phase: 'lists',
      done: entries,
      total: entries,
    });
    expect(progress.find((p) => p.phase === 'leads')).toEqual({ phase: 'leads', done: 0, total: leads.length });
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['dnc-scrub']);
    expect(await verifyAuditTrail(db)).toBeNull();

    // Checked against the newest versions, nobody needs a re-check; listed numbers are blocked.
    const after = await queues(db, NOW + 60_000);
    expect(after.queues.dncRecheck).toBe(0);
    expect(after.queues.dncListed).toBeGreaterThanOrEqual(result.listed);
  }, 60_000);

  it('a newer version of a list sends every checked lead back to the re-check queue', async () => {
    const data = demoSlice();
    const db = await dbWith(data);
    await scrubAllLeads(db, NOW);
    await importDncVersion(
      db,
      {
        listId: 'tps-uk',
        fileName: 'tps.txt',
        bytes: new TextEncoder().encode('+447911123456\n'),
        publishedAt: NOW + MS_PER_DAY,
        defaultRegion: 'GB',
      },
      NOW + MS_PER_DAY,
    );
    const after = await queues(db, NOW + 2 * MS_PER_DAY);
    expect(after.queues.dncRecheck).toBe(data.leads.length);
    await scrubAllLeads(db, NOW + 2 * MS_PER_DAY);
    expect((await queues(db, NOW + 2 * MS_PER_DAY + 60_000)).queues.dncRecheck).toBe(0);
  });
});

describe('checkPackedLeads', () => {
  it('checks the engine’s numbers as the index walk does: anonymised ones skipped, listed ids ascending, progress per chunk', () => {
    const packed = {
      ids: Int32Array.of(9, 3, 5, 7, 4),
      phones: '+12025550100\n+12025550101\nhmac:00ff\n+12025550100\n+12025550102\n',
    };
    const steps: number[] = [];
    const checked = checkPackedLeads(
      packed,
      { listed: new Set(['+12025550100', '+12025550102']) },
      (n) => steps.push(n),
      2,
    );
    expect(checked).toEqual({ leadCount: 4, read: 5, listedLeadIds: [4, 7, 9], lastLeadId: 9 });
    expect(steps).toEqual([2, 4, 5]);
    const none: number[] = [];
    expect(
      checkPackedLeads({ ids: new Int32Array(0), phones: '' }, { listed: new Set() }, (n) => none.push(n)).read,
    ).toBe(0);
    expect(none).toEqual([0]);
  });
});
