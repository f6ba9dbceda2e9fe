import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../domain/settings/settings';
import { LeadsDb } from '../leads-db';
import { verifyAuditTrail } from './audit-repo';
import { getFlag, getSettings, saveSettings, setFlag } from './settings-repo';

const T = Date.UTC(2026, 10, 29, 17, 0);
const dbs: LeadsDb[] = [];
function freshDb(): LeadsDb {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('getSettings', () => {
  it('gives the defaults on a new database', async () => {
    expect(await getSettings(freshDb())).toEqual(DEFAULT_SETTINGS);
  });

  it('fills what a stored row lacks from the defaults', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'org', value: { orgTimeZone: 'Asia/Shanghai', defaultRegion: 'CN' } });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, orgTimeZone: 'Asia/Shanghai', defaultRegion: 'CN' });
  });

  it('falls back to the defaults when the stored row is invalid', async () => {
    const db = freshDb();
    await db.settings.put({ key: 'org', value: { maxAttempts: -3 } });
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('saveSettings', () => {
  it('saves, returns the new settings, and audits only the keys that changed', async () => {
    const db = freshDb();
    const saved = await saveSettings(
      db,
      { orgTimeZone: 'Europe/Berlin', operatorName: DEFAULT_SETTINGS.operatorName, maxAttempts: 3 },
      T,
    );
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, orgTimeZone: 'Europe/Berlin', maxAttempts: 3 });
    expect(await getSettings(db)).toEqual(saved);
    const entries = await db.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      at: T,
      action: 'settings',
      entity: 'settings',
      ids: ['orgTimeZone', 'maxAttempts'],
      before: { orgTimeZone: 'America/New_York', maxAttempts: 6 },
      after: { orgTimeZone: 'Europe/Berlin', maxAttempts: 3 },
    });
    expect(await verifyAuditTrail(db)).toBeNull();
  });

  it('compares arrays by value: the same presets again are no change', async () => {
    const db = freshDb();
    await saveSettings(db, { policyPresets: [...DEFAULT_SETTINGS.policyPresets] }, T);
    expect(await db.audit.count()).toBe(0);
  });

  it('writes nothing when nothing changes', async () => {
    const db = freshDb();
    expect(await saveSettings(db, { orgTimeZone: DEFAULT_SETTINGS.orgTimeZone }, T)).toEqual(DEFAULT_SETTINGS);
    expect(await db.audit.count()).toBe(0);
    expect(await db.settings.get('org')).toBeUndefined();
  });

  it.each([
    { patch: { defaultRegion: 'usa' }, why: 'a region that is not two capitals' },
    { patch: { operatorName: '' }, why: 'no operator name' },
    { patch: { maxAttempts: 0 }, why: 'zero attempts' },
    { patch: { consentValidityMonths: 1.5 }, why: 'a fractional month count' },
    { patch: { purgeMode: 'shred' }, why: 'an unknown purge mode' },
  ])('refuses $why, and saves and audits nothing', async ({ patch }) => {
    const db = freshDb();
    await expect(saveSettings(db, patch as never, T)).rejects.toThrow();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await db.audit.count()).toBe(0);
  });

  it('chains a second change after the first', async () => {
    const db = freshDb();
    await saveSettings(db, { staleMonths: 6 }, T);
    await saveSettings(db, { staleMonths: 9 }, T + 1000);
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.before, e.after])).toEqual([
      [1, { staleMonths: 12 }, { staleMonths: 6 }],
      [2, { staleMonths: 6 }, { staleMonths: 9 }],
    ]);
    expect(await verifyAuditTrail(db)).toBeNull();
  });
});

describe('flags', () => {
  it('are stored beside the settings, unaudited, and do not disturb them', async () => {
    const db = freshDb();
    expect(await getFlag(db, 'demoSeeded')).toBeUndefined();
    await setFlag(db, 'demoSeeded', true);
    expect(await getFlag<boolean>(db, 'demoSeeded')).toBe(true);
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(await db.audit.count()).toBe(0);
  });
});
