import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NewLead } from '../../domain/leads/lead';
import type { DemoDataset } from '../demo-data';
import { buildDemoDataset } from '../demo-data';
import { LeadsDb } from '../leads-db';
import { verifyAuditTrail } from './audit-repo';
import { SEED_CHUNK, resetDemoData, seedDemoIfEmpty, startEmpty, type SeedProgress } from './demo-repo';
import { createLead } from './leads-repo';
import { getFlag, getSettings, saveSettings } from './settings-repo';

/*
 * Seeding the whole demo world into fake-indexeddb takes seconds, so most tests seed a
 * consistent slice of it (every 20th lead with its calls, consents and DNC entries). The
 * concurrency test seeds the real thing, which also proves it fits schema v1.
 */
const demo = vi.hoisted(() => ({ full: false }));
vi.mock('../demo-data', async (importOriginal) => {
  const real = await importOriginal<typeof import('../demo-data')>();
  const cache = new Map<string, DemoDataset>();
  const slice = (d: DemoDataset): DemoDataset => {
    const leads = d.leads.filter((_, i) => i % 20 === 0);
    const ids = new Set(leads.map((l) => l.id));
    const phones = new Set(leads.map((l) => l.phoneE164));
    return {
      ...d,
      leads,
      calls: d.calls.filter((c) => ids.has(c.leadId)),
      consents: d.consents.filter((c) => ids.has(c.leadId)),
      dncEntries: d.dncEntries.filter((e) => phones.has(e.phoneE164)),
    };
  };
  return {
    ...real,
    buildDemoDataset: (now: number, seed?: number): DemoDataset => {
      const key = `${now}:${seed}`;
      if (!cache.has(key)) cache.set(key, real.buildDemoDataset(now, seed));
      return structuredClone(demo.full ? cache.get(key)! : slice(cache.get(key)!));
    },
  };
});

const NOW = Date.UTC(2026, 10, 29, 17, 0);
const dbs: LeadsDb[] = [];
function freshDb(): LeadsDb {
  const db = new LeadsDb(`t-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  demo.full = false;
  for (const db of dbs.splice(0)) await db.delete();
});

/** A number the demo never generates (it skips 555 exchanges). */
const userLead: NewLead = {
  phoneE164: '+13125550100',
  phoneRaw: '312 555 0100',
  region: 'US',
  timeZone: 'America/Chicago',
  name: 'Walk-in',
  company: '',
  email: '',
  tags: [],
  sourceId: 'referrals',
  acquiredAt: NOW - 3_600_000,
  acquiredAtPrecision: 'exact',
  entryMethod: 'manual',
};

async function counts(db: LeadsDb): Promise<Record<string, number>> {
  // The engine table is a cache of the data (its token and change log move with every write), not data.
  return Object.fromEntries(
    await Promise.all(
      db.tables
        .filter((t) => t.name !== 'engine' && t.name !== 'changes')
        .map(async (t) => [t.name, await t.count()] as const),
    ),
  );
}

describe('seedDemoIfEmpty', () => {
  it('seeds exactly once when called twice at the same time (the whole demo world)', async () => {
    demo.full = true;
    const db = freshDb();
    const data = buildDemoDataset(NOW);
    const results = await Promise.all([seedDemoIfEmpty(db, NOW), seedDemoIfEmpty(db, NOW)]);
    expect(results.sort()).toEqual(['already-seeded', 'seeded']);
    expect(await db.leads.count()).toBe(data.leads.length);
    expect(await db.calls.count()).toBe(data.calls.length);
    expect(await db.consents.count()).toBe(data.consents.length);
    expect(await db.dncEntries.count()).toBe(data.dncEntries.length);
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['seed']);
  }, 90_000);

  it('stores exactly the dataset, reporting progress in its own unit from the first record', async () => {
    const db = freshDb();
    const data = buildDemoDataset(NOW);
    const heard: SeedProgress[] = [];
    expect(await seedDemoIfEmpty(db, NOW, (p) => heard.push(p))).toBe('seeded');
    expect(await db.leads.toArray()).toEqual(data.leads);
    expect(await db.calls.toArray()).toEqual(data.calls);
    expect(await db.consents.toArray()).toEqual(data.consents);
    expect(heard[0]).toMatchObject({ phase: 'building', written: 0 });
    const toWrite = data.leads.length + data.calls.length + data.consents.length + data.dncEntries.length;
    const finalOf = (phase: SeedProgress['phase']) => heard.filter((p) => p.phase === phase).at(-1);
    // The DNC list numbers first, then the leads (each chunk with its calls and consents).
    expect(heard.map((p) => p.phase).filter((p, i, all) => p !== all[i - 1])).toEqual([
      'building',
      'dnc',
      'leads',
      'done',
    ]);
    expect(finalOf('dnc')).toMatchObject({ done: 0, total: data.dncEntries.length, written: 0, toWrite });
    expect(finalOf('leads')).toMatchObject({
      done: data.leads.length,
      total: data.leads.length,
      written: toWrite,
      toWrite,
    });
    expect(heard.at(-1)).toMatchObject({ phase: 'done', written: toWrite, toWrite });
    // The whole-wait figure never goes back, and moves with every chunk stored.
    const written = heard.map((p) => p.written);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(new Set(written).size).toBe(Math.ceil(data.leads.length / SEED_CHUNK) + 2);
  }, 60_000);

  it('a seed cut short resumes on the next start with the same world, each record stored once', async () => {
    const db = freshDb();
    const data = buildDemoDataset(NOW);
    expect(data.leads.length).toBeGreaterThan(SEED_CHUNK); // at least two chunks
    // The tab closes after the first chunk (the progress call is where the seed is between transactions).
    const cut = new Error('tab closed');
    await expect(
      seedDemoIfEmpty(db, NOW, (p) => {
        if (p.phase === 'leads' && p.done > 0) throw cut;
      }),
    ).rejects.toBe(cut);
    expect(await db.leads.count()).toBe(SEED_CHUNK);
    expect(await getFlag(db, 'demoSeeded')).toBeUndefined();
    // The next start, a day later: the same world as the first (its instant), not a new one.
    expect(await seedDemoIfEmpty(db, NOW + 86_400_000)).toBe('seeded');
    expect(await db.leads.orderBy('id').toArray()).toEqual(data.leads);
    expect(await db.calls.orderBy('id').toArray()).toEqual(data.calls);
    expect(await db.consents.orderBy('id').toArray()).toEqual(data.consents);
    expect(await db.dncEntries.count()).toBe(data.dncEntries.length);
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['seed']);
    expect(await getFlag(db, 'demoSeeding')).toBeUndefined();
    expect(await seedDemoIfEmpty(db, NOW)).toBe('already-seeded');
  });

  it('a lead added while the demo lands takes an id after every demo id, and stays', async () => {
    const db = freshDb();
    const data = buildDemoDataset(NOW);
    let added: Promise<{ id: number }> | undefined;
    expect(
      await seedDemoIfEmpty(db, NOW, (p) => {
        // The app is usable once the first chunk is stored: a person enters a lead.
        if (p.phase === 'leads' && p.done > 0 && !added) added = createLead(db, userLead, NOW);
      }),
    ).toBe('seeded');
    const { id } = await added!;
    expect(id).toBeGreaterThan(Math.max(...data.leads.map((l) => l.id)));
    expect(await db.leads.count()).toBe(data.leads.length + 1);
    expect((await db.leads.get(id))?.name).toBe('Walk-in');
    const demoIds = new Set(data.leads.map((l) => l.id));
    expect((await db.leads.toArray()).filter((l) => demoIds.has(l.id))).toEqual(data.leads);
  });

  it('two seeds begun at different instants store one world, once', async () => {
    const db = freshDb();
    const results = await Promise.all([seedDemoIfEmpty(db, NOW), seedDemoIfEmpty(db, NOW + 60_000)]);
    expect(results.sort()).toEqual(['already-seeded', 'seeded']);
    const leads = await db.leads.orderBy('id').toArray();
    const worlds = [buildDemoDataset(NOW).leads, buildDemoDataset(NOW + 60_000).leads];
    expect(worlds.some((w) => JSON.stringify(w) === JSON.stringify(leads))).toBe(true);
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['seed']);
  });

  it('then answers already-seeded, and changes nothing', async () => {
    const db = freshDb();
    expect(await seedDemoIfEmpty(db, NOW)).toBe('seeded');
    const before = await counts(db);
    expect(await seedDemoIfEmpty(db, NOW + 1000)).toBe('already-seeded');
    expect(await counts(db)).toEqual(before);
    expect(await getFlag(db, 'demoSeeded')).toBe(true);
  });

  it('does not seed over leads a person entered', async () => {
    const db = freshDb();
    await createLead(db, userLead, NOW);
    expect(await seedDemoIfEmpty(db, NOW)).toBe('not-empty');
    expect(await db.leads.count()).toBe(1);
  });
});

describe('resetDemoData', () => {
  it('throws away everything but the settings and seeds afresh, with a new audit trail', async () => {
    const db = freshDb();
    await seedDemoIfEmpty(db, NOW);
    const seeded = await counts(db);
    await createLead(db, userLead, NOW);
    await saveSettings(db, { operatorName: 'Dana' }, NOW);

    expect(await resetDemoData(db, NOW + 1000)).toBe('seeded');
    expect(await db.leads.where('phoneE164').equals(userLead.phoneE164).count()).toBe(0);
    expect((await getSettings(db)).operatorName).toBe('Dana');
    const audit = await db.audit.toArray();
    expect(audit.map((e) => [e.seq, e.action, e.actor])).toEqual([[1, 'seed', 'Dana']]);
    expect(await verifyAuditTrail(db)).toBeNull();
    const { settings: _s, ...rest } = await counts(db);
    const { settings: _t, ...expected } = seeded;
    expect(rest).toEqual(expected);
  });
});

describe('startEmpty', () => {
  it('empties every table but the settings, records it, and keeps the demo from coming back', async () => {
    const db = freshDb();
    await seedDemoIfEmpty(db, NOW);
    await saveSettings(db, { orgTimeZone: 'Asia/Shanghai' }, NOW);
    await startEmpty(db, NOW + 1000);

    const { settings: _s, audit, ...rest } = await counts(db);
    expect(Object.values(rest).every((n) => n === 0)).toBe(true);
    expect(audit).toBe(1);
    expect((await db.audit.toArray())[0]).toMatchObject({
      seq: 1,
      action: 'delete',
      entity: 'database',
      after: { emptied: true },
    });
    expect((await getSettings(db)).orgTimeZone).toBe('Asia/Shanghai');

    expect(await seedDemoIfEmpty(db, NOW + 2000)).toBe('opted-out');
    expect(await db.leads.count()).toBe(0);
  });

  it('on a new database, then seed: opted-out', async () => {
    const db = freshDb();
    await startEmpty(db, NOW);
    expect(await seedDemoIfEmpty(db, NOW)).toBe('opted-out');
    expect(await db.leads.count()).toBe(0);
  });

  it('a reset after opting out brings the demo back', async () => {
    const db = freshDb();
    await startEmpty(db, NOW);
    expect(await resetDemoData(db, NOW)).toBe('seeded');
    expect(await db.leads.count()).toBeGreaterThan(500);
  });
});
