import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, legacyEntryHash } from '../../domain/audit/audit-hash';
import type { NewLead } from '../../domain/leads/lead';
import { MS_PER_DAY } from '../../domain/time/calendar';
import { LeadsDb } from '../leads-db';
import { readAll } from '../migrations/migration-harness';
import { verifyAuditTrail } from './audit-repo';
import { createBackup, restoreBackup, validateBackup } from './backup-repo';
import { NOW, closeAll, dbWith, demoSlice } from './compliance-test-fixture';
import { forgetPerson } from './forget-person-repo';
import { loadLeadCompliance } from './lead-compliance-repo';
import { createLead } from './leads-repo';
import { getFlag } from './settings-repo';

const fresh: LeadsDb[] = [];
afterEach(async () => {
  await closeAll();
  for (const db of fresh.splice(0)) await db.delete();
});

const person: NewLead = {
  phoneE164: '+12133734253',
  phoneRaw: '213 373 4253',
  region: 'US',
  timeZone: 'America/Los_Angeles',
  name: 'Ada Quistorff',
  company: '',
  email: 'ada.q@example.org',
  tags: [],
  sourceId: 'referrals',
  acquiredAt: NOW - 40 * MS_PER_DAY,
  acquiredAtPrecision: 'exact',
  entryMethod: 'manual',
};

async function restoredCopy(source: LeadsDb): Promise<LeadsDb> {
  const { json } = await createBackup(source, NOW);
  const target = new LeadsDb(`t-${crypto.randomUUID()}`);
  fresh.push(target);
  const check = validateBackup(target, json);
  if (!check.ok) throw new Error(check.problems.join(', '));
  await restoreBackup(target, check.backup, NOW + 1000);
  return target;
}

describe('the HMAC key and backups', () => {
  it('lives in the settings table only, never in a lead table', async () => {
    const db = await dbWith(demoSlice(400));
    const lead = await createLead(db, person, NOW - 30 * MS_PER_DAY);
    await forgetPerson(db, lead.id, NOW);
    const key = (await getFlag<string>(db, 'anonymisationKey'))!;
    const rows = await readAll(db);
    const holding = Object.entries(rows)
      .filter(([, list]) => JSON.stringify(list).includes(key))
      .map(([name]) => name);
    expect(holding).toEqual(['settings']);
  });

  it('travels with the backup, so a restored database still blocks a forgotten number', async () => {
    const db = await dbWith(demoSlice(400));
    const lead = await createLead(db, person, NOW - 30 * MS_PER_DAY);
    await forgetPerson(db, lead.id, NOW);
    const restored = await restoredCopy(db);
    expect(await getFlag(restored, 'anonymisationKey')).toBe(await getFlag(db, 'anonymisationKey'));
    const again = await createLead(restored, { ...person, name: 'Someone' }, NOW + MS_PER_DAY);
    const compliance = (await loadLeadCompliance(restored, again.id, NOW + 2 * MS_PER_DAY))!;
    expect(compliance.internalListed).toBe(true);
    expect(compliance.verdict.callable).toBe(false);
    expect(await verifyAuditTrail(restored)).toBeNull();
  });

  it('a backup from before schema v003 (format-1 trail) is restored as a verified format-2 trail, and erasure still works', async () => {
    const db = await dbWith(demoSlice(400));
    const lead = await createLead(db, person, NOW - 30 * MS_PER_DAY);
    const entries = await db.audit.orderBy('seq').toArray();
    let prevHash = GENESIS_HASH;
    const legacy = entries.map(({ detailsHash: _d, legacyHash: _l, hash: _h, ...e }) => {
      const unhashed = { ...e, prevHash };
      prevHash = legacyEntryHash(unhashed);
      return { ...unhashed, hash: prevHash };
    });
    await db.audit.clear();
    await db.audit.bulkAdd(legacy);
    const restored = await restoredCopy(db);
    const trail = await restored.audit.orderBy('seq').toArray();
    expect(trail.every((e) => e.detailsHash !== undefined)).toBe(true);
    expect(trail.map((e) => e.action)).toEqual([...legacy.map((e) => e.action), 'upgrade', 'restore']);
    expect(trail[0]!.legacyHash).toBe(legacy[0]!.hash);
    expect(await verifyAuditTrail(restored)).toBeNull();
    await forgetPerson(restored, lead.id, NOW + 2000);
    expect(await verifyAuditTrail(restored)).toBeNull();
  });
});
