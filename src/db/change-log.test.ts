/** The change log: one token per transaction however its requests are issued, a forked old log still followed, and which settings writes move every verdict. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings/settings';
import { closeAll, dbWith, demoSlice } from './repos/compliance-test-fixture';
import { changesSince, logLeads } from './repos/change-log-repo';
import { ensureDataVersion } from './repos/data-version-repo';
import { readDataVersion } from './repos/engine-snapshot-repo';
import { mappingKey } from './repos/import-lookup-repo';
import { SETTINGS_KEY } from './repos/settings-read-repo';
import { LOG_PREFIX, type ChangeLogRow } from './data-version';
import type { Lead } from '../domain/leads/lead';

afterEach(closeAll);

describe('the change log of a settings write', () => {
  it('is full for the organisation row (put or delete), and names nothing for bookkeeping rows', async () => {
    const db = await dbWith(demoSlice(200));
    await ensureDataVersion(db);
    const fullAfter = async (write: () => Promise<unknown>) => {
      const version = await readDataVersion(db);
      await write();
      const changes = await changesSince(db, version);
      if (changes === 'unreachable') throw new Error('the log does not reach');
      // Every write here is logged (the version moves), so "not full" is not a write missed.
      expect(await readDataVersion(db)).not.toBe(version);
      expect(changes.leadIds.size).toBe(0);
      return changes.full;
    };
    expect(await fullAfter(() => db.settings.put({ key: mappingKey('leads', 'expo'), value: { phone: 'Tel' } }))).toBe(
      false,
    );
    expect(await fullAfter(() => db.settings.put({ key: 'flag:lastBackupAt', value: 1 }))).toBe(false);
    expect(await fullAfter(() => db.settings.delete(mappingKey('leads', 'expo')))).toBe(false);
    expect(await fullAfter(() => db.settings.put({ key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS } }))).toBe(true);
    expect(
      await fullAfter(() =>
        db.settings.bulkPut([
          { key: 'flag:x', value: 1 },
          { key: SETTINGS_KEY, value: { ...DEFAULT_SETTINGS, callsPerWeek: 3 } },
        ]),
      ),
    ).toBe(true);
    expect(await fullAfter(() => db.settings.delete(SETTINGS_KEY))).toBe(true);
    expect(await fullAfter(() => db.settings.clear())).toBe(true);
  });
});

/** The log rows written since `version` (raw), in key order. */
async function rowsAfter(db: Awaited<ReturnType<typeof dbWith>>, before: ReadonlySet<string>) {
  const rows = (await db.changes.where('key').startsWith(LOG_PREFIX).toArray()) as unknown as ChangeLogRow[];
  return rows.filter((r) => !before.has(r.key));
}

describe('the change log of one transaction', () => {
  it('gives requests issued together one token after the version before, and names every lead', async () => {
    const db = await dbWith(demoSlice(200));
    const version = await ensureDataVersion(db);
    const logged = new Set((await db.changes.where('key').startsWith(LOG_PREFIX).primaryKeys()) as string[]);
    const [a, b] = (await db.leads.limit(2).toArray()) as [Lead, Lead];
    const fresh = (l: Lead, phone: string): Omit<Lead, 'id'> => {
      const { id: _id, ...rest } = l;
      return { ...rest, phoneE164: phone };
    };
    const ids = await db.transaction('rw', [db.leads, db.settings], () =>
      Promise.all([
        db.leads.add(fresh(a, '+12025550101') as Lead),
        db.leads.add(fresh(b, '+12025550102') as Lead),
        db.leads.put({ ...a, tags: [...a.tags, 'together'] }),
        db.settings.put({ key: mappingKey('leads', null), value: { phone: 'Tel' } }),
      ]),
    );
    const rows = await rowsAfter(db, logged);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.token)).size).toBe(1);
    expect(rows.every((r) => r.prev === version)).toBe(true);
    expect(await readDataVersion(db)).toBe(rows[0]!.token);
    expect(await changesSince(db, version)).toMatchObject({
      full: false,
      leadIds: new Set([ids[0], ids[1], a.id]),
    });
  });

  it('follows a log forked by an older build (one transaction, two tokens) to the current version', async () => {
    const db = await dbWith(demoSlice(200));
    const version = await ensureDataVersion(db);
    await db.leads.update((await db.leads.limit(1).primaryKeys())[0]!, { name: 'After' });
    const current = (await readDataVersion(db))!;
    const [real] = (await rowsAfter(db, new Set())).filter((r) => r.prev === version);
    // A dead-end token from the same transaction, sorted before and after the real one.
    for (const dead of ['00000000-dead', 'ffffffff-dead']) {
      await db.changes.put({ ...real!, key: `${LOG_PREFIX}${dead}:000000`, token: dead, leadIds: [424242] } as never);
      const changes = await changesSince(db, version);
      expect(changes).not.toBe('unreachable');
      if (changes === 'unreachable') return;
      expect(changes.dataVersion).toBe(current);
      expect(changes.leadIds.has(424242) && changes.leadIds.has(real!.leadIds[0]!)).toBe(true);
      expect(await logLeads(db, version!, current)).toBe(true);
      expect(await logLeads(db, current, version!)).toBe(false);
    }
  });
});
