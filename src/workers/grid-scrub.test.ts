/**
 * A DNC scrub reads the leads' numbers off the engine's columns when they hold the data version
 * the scrub started at, and finds exactly what the walk of the phone index finds — deleted and
 * anonymised leads and shared numbers included; for another version the engine gives nothing
 * and the scrub walks the index. The engine then lays the scrub onto its columns when asked to
 * catch up, without a rebuild.
 */
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { NOW, closeAll, dbWith, demoSlice } from '../db/repos/compliance-test-fixture';
import { scrubAllLeads } from '../db/repos/dnc-scrub-repo';
import { readDataVersion } from '../db/repos/engine-snapshot-repo';
import { createGridEngine } from './grid-engine';
import { columnReads } from './grid-column-reads';
import { openGridIndex } from './grid-index';

afterAll(closeAll);

describe('a DNC scrub with the engine’s numbers', () => {
  it(
    'finds what the phone index walk finds, and walks it when the engine holds another version',
    { timeout: 60_000 },
    async () => {
      const data = demoSlice(40);
      const listedPhones = new Set(data.dncEntries.map((e) => e.phoneE164));
      const db = await dbWith(data);
      const leads = await db.leads.toArray();
      const listed = leads.filter((l) => listedPhones.has(l.phoneE164));
      expect(listed.length).toBeGreaterThan(2);
      // A deleted listed lead, an anonymised listed lead, and a clear lead taking a listed lead's number.
      const clear = leads.find((l) => !listedPhones.has(l.phoneE164))!;
      // Written after the engine built its columns: it follows them by its change log (a deleted row stays, flagged).
      const engine = createGridEngine(db);
      await engine.judged({}, undefined, NOW);
      await db.leads.delete(listed[0]!.id);
      await db.leads.update(listed[1]!.id, { phoneE164: 'hmac:0123456789abcdef', anonymizedAt: NOW - 1 });
      await db.leads.update(clear.id, { phoneE164: listed[2]!.phoneE164 });
      await engine.judged({}, undefined, NOW);
      expect((await engine.stats()).catchUps).toBeGreaterThan(0);
      const before = await readDataVersion(db);
      const asked: string[] = [];
      const viaEngine = await scrubAllLeads(db, NOW, undefined, (v) => {
        asked.push(v);
        return engine.leadPhones(v);
      });
      expect(asked).toEqual([before]);
      expect(viaEngine.phases.leadsFrom).toBe('engine');
      const viaIndex = await scrubAllLeads(db, NOW);
      expect(viaIndex.phases.leadsFrom).toBe('index');
      const [a, b] = await db.dncScrubs.bulkGet([viaEngine.id, viaIndex.id]);
      const found = ({ leadCount, listed, listedLeadIds, lastLeadId }: NonNullable<typeof a>) => ({
        leadCount,
        listed,
        listedLeadIds,
        lastLeadId,
      });
      expect(found(a!)).toEqual(found(b!));
      expect(a!.listedLeadIds).toContain(clear.id);
      expect(a!.listedLeadIds).not.toContain(listed[0]!.id);
      expect(a!.listedLeadIds).not.toContain(listed[1]!.id);
      expect(a!.leadCount).toBe(leads.length - 2);

      // Which versions the columns answer for (a fixed index, so no catch-up moves it meanwhile).
      const v0 = (await readDataVersion(db))!;
      const atV0 = columnReads(
        db,
        () => held,
        () => false,
      );
      const held = await openGridIndex(db, NOW);
      expect(held.dataVersion).toBe(v0);
      // Columns older than the scrub's start, with writes to no lead's row since (a call): answered.
      const { id: _first, ...call } = (await db.calls.limit(1).toArray())[0]!;
      await db.calls.add({ ...call, at: NOW - 1 });
      const v1 = (await readDataVersion(db))!;
      expect(v1).not.toBe(v0);
      expect(await atV0.leadPhones(v1)).not.toBeNull();
      // A lead's row written since the columns' version: older than the scrub's start, not answered…
      await db.leads.update(clear.id, { name: 'Renamed' });
      const v2 = (await readDataVersion(db))!;
      expect(await atV0.leadPhones(v2)).toBeNull();
      // …but columns at or after the scrub's start are: a walk of the index reads the leads as they are too.
      expect(await atV0.leadPhones(v0)).not.toBeNull();
      const later = await openGridIndex(db, NOW);
      await db.leads.update(clear.id, { name: 'Renamed again' });
      expect(
        await columnReads(
          db,
          () => later,
          () => false,
        ).leadPhones(v0),
      ).not.toBeNull();

      // Columns at another version: no numbers from the engine, and the scrub walks the index. The
      // answer is the one asked now: the engine's own catch-up, running meanwhile, may bring its
      // columns to the current version, whose numbers it would then give (CI once saw it do so).
      const noNumbers = await engine.leadPhones('another-version');
      expect(noNumbers).toBeNull();
      const stale = await scrubAllLeads(db, NOW, undefined, async () => noNumbers);
      expect(stale.phases.leadsFrom).toBe('index');
      // An engine that does not answer in time (a build's judging loop holding its thread): the index is walked.
      const silent = await scrubAllLeads(db, NOW, undefined, () => new Promise<never>(() => {}), 50);
      expect(silent.phases.leadsFrom).toBe('index');
      const failing = await scrubAllLeads(db, NOW, undefined, () => Promise.reject(new Error('engine gone')));
      expect(failing.phases.leadsFrom).toBe('index');
      expect(found((await db.dncScrubs.get(failing.id))!)).toEqual(found(b!));
    },
  );

  it(
    'is laid onto the engine’s columns when the screen asks it to catch up now: the queues count it, nothing rebuilt',
    { timeout: 60_000 },
    async () => {
      const db = await dbWith(demoSlice(40));
      const engine = createGridEngine(db);
      const before = await engine.summary(NOW);
      expect(before.queues.dncRecheck).toBeGreaterThan(0);
      const builds = (await engine.stats()).fullBuilds;
      await scrubAllLeads(db, NOW, undefined, (v) => engine.leadPhones(v));
      await engine.catchUpNow();
      expect((await engine.summary(NOW)).queues.dncRecheck).toBe(0);
      const stats = await engine.stats();
      expect(stats.fullBuilds).toBe(builds);
      expect(stats.rowsCaughtUp).toBeGreaterThanOrEqual(await db.leads.count());
    },
  );
});
