import { afterEach, describe, expect, it, vi } from 'vitest';
import { isHashedPhone, keyedPhoneHash } from '../../domain/compliance/anonymise';
import { verdictsAt } from '../../domain/compliance/judge';
import { cohortCounts } from '../../domain/compliance/retention-plan';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { verifyAuditTrail } from './audit-repo';
import { loadComplianceWorld } from './compliance-world-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { purgeRetention, purgedLeadsWithNumber } from './retention-repo';
import { planFromTables } from './retention-test-kit';
import { getFlag } from './settings-repo';

afterEach(closeAll);
const TZ = DEFAULT_SETTINGS.orgTimeZone;

async function pastDeadline(db: Awaited<ReturnType<typeof dbWith>>, at: number) {
  const { leads, world, settings } = await loadComplianceWorld(db);
  return verdictsAt(leads, world, settings, at).filter((v) => v.reasons.some((r) => r.code === 'retention-expired'))
    .length;
}

describe('retention purge', () => {
  it(
    'anonymising: the dry run names exactly the leads purged, cohort counts are unchanged, personal data is gone',
    { timeout: 60_000 },
    async () => {
      const data = demoSlice(20);
      const db = await dbWith(data);
      const before = [...cohortCounts(await db.leads.toArray(), TZ).values()];
      const plan = await planFromTables(db, NOW, 'anonymize');
      expect(plan.leadIds.length).toBeGreaterThan(0);
      expect(plan.leadIds.length).toBe(await pastDeadline(db, NOW));
      expect(plan.losses).toEqual([]);

      const done = await purgeRetention(db, { plan }, NOW);
      expect(done.leadIds).toEqual(plan.leadIds);
      expect([...cohortCounts(await db.leads.toArray(), TZ).values()]).toEqual(before);
      expect(await pastDeadline(db, NOW)).toBe(0);
      expect(await db.calls.count()).toBe(data.calls.length);

      const purged = await db.leads.bulkGet(plan.leadIds);
      const key = await getFlag<string>(db, 'anonymisationKey');
      for (const [i, lead] of purged.entries()) {
        const original = data.leads.find((l) => l.id === plan.leadIds[i])!;
        expect(lead).toMatchObject({
          name: '',
          email: '',
          company: '',
          phoneRaw: '',
          tags: [],
          anonymizedAt: NOW,
          sourceId: original.sourceId,
          acquiredAt: original.acquiredAt,
        });
        expect(lead!.phoneE164).toBe(keyedPhoneHash(original.phoneE164, key!));
        expect(isHashedPhone(lead!.phoneE164)).toBe(true);
      }
      // The number, should it come back, still finds its purged lead.
      const first = data.leads.find((l) => l.id === plan.leadIds[0])!;
      expect((await purgedLeadsWithNumber(db, first.phoneE164)).map((l) => l.id)).toEqual([first.id]);

      const audit = await db.audit.toArray();
      expect(audit.map((e) => [e.action, e.ids.length])).toEqual([['purge', plan.leadIds.length]]);
      expect(JSON.stringify(audit)).not.toContain(first.name);
      expect(await verifyAuditTrail(db)).toBeNull();
      // A second dry run finds nothing left to purge.
      expect((await planFromTables(db, NOW, 'anonymize')).leadIds).toEqual([]);
    },
  );

  it(
    'deleting: the dry run says what each acquisition month loses, and the purge takes exactly that',
    { timeout: 60_000 },
    async () => {
      const data = demoSlice(20);
      const db = await dbWith(data);
      const plan = await planFromTables(db, NOW, 'delete');
      expect(plan.losses.reduce((s, l) => s + l.leads, 0)).toBe(plan.leadIds.length);
      const before = cohortCounts(await db.leads.toArray(), TZ);
      for (const loss of plan.losses)
        expect(plan.before.find((b) => b.cohort === loss.cohort)).toEqual(before.get(loss.cohort));

      await purgeRetention(db, { plan }, NOW);
      const after = cohortCounts(await db.leads.toArray(), TZ);
      for (const loss of plan.losses) {
        const b = before.get(loss.cohort)!;
        const a = after.get(loss.cohort) ?? { leads: 0, contacted: 0, connected: 0, converted: 0 };
        expect([a.leads, a.contacted, a.connected, a.converted]).toEqual([
          b.leads - loss.leads,
          b.contacted - loss.contacted,
          b.connected - loss.connected,
          b.converted - loss.converted,
        ]);
      }
      expect(await db.calls.where('leadId').anyOf(plan.leadIds).count()).toBe(0);
      expect(await db.consents.where('leadId').anyOf(plan.leadIds).count()).toBe(0);
    },
  );

  it('given the dry run, purges exactly those without reading every lead or call', async () => {
    const db = await dbWith(demoSlice(20));
    const plan = await planFromTables(db, NOW, 'delete');
    expect(plan.leadIds.length).toBeGreaterThan(1);
    const leadsRead = vi.spyOn(db.leads, 'toArray');
    const callsRead = vi.spyOn(db.calls, 'toArray');
    const done = await purgeRetention(db, { plan }, NOW);
    expect(leadsRead).not.toHaveBeenCalled();
    expect(callsRead).not.toHaveBeenCalled();
    // The same plan as the full read's: ids, what each month loses and out of how many.
    expect(done).toEqual(plan);
    expect(await db.leads.bulkGet(plan.leadIds)).toEqual(plan.leadIds.map(() => undefined));
    const audit = await db.audit.toArray();
    expect(audit.map((e) => [e.action, e.ids])).toEqual([['purge', plan.leadIds]]);
    expect(audit[0]!.after).toMatchObject({ losses: plan.losses, before: plan.before, count: plan.leadIds.length });
  });

  it('given the dry run, refuses when one of its leads is gone or no longer due, and changes nothing', async () => {
    const db = await dbWith(demoSlice(20));
    const plan = await planFromTables(db, NOW, 'anonymize');
    const notDue = (await db.leads.toCollection().primaryKeys()).find((id) => !plan.leadIds.includes(id as number));
    for (const leadIds of [
      [...plan.leadIds, notDue as number],
      [...plan.leadIds, 999_999],
    ])
      await expect(purgeRetention(db, { plan: { ...plan, leadIds } }, NOW)).rejects.toMatchObject({
        code: 'plan-changed',
      });
    expect(await db.leads.filter((l) => l.anonymizedAt !== undefined).count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses to purge when the data changed since the dry run', async () => {
    const db = await dbWith(demoSlice(20));
    const plan = await planFromTables(db, NOW, 'anonymize');
    // One of its leads called since: its retention clock starts again, it is no longer due.
    const [first] = plan.leadIds;
    await db.leads.update(first!, { lastContactAt: NOW - 1_000 });
    expect((await planFromTables(db, NOW, 'anonymize')).leadIds).not.toContain(first);
    await expect(purgeRetention(db, { plan }, NOW)).rejects.toMatchObject({ code: 'plan-changed' });
    expect(await db.leads.filter((l) => l.anonymizedAt !== undefined).count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
