/**
 * The compliance world for the worker's verdict counts. Leads, calls and consents are read
 * afresh each time (they change with every edit), but the DNC lists — millions of numbers —
 * are read once and kept until a DNC table changes (Dexie's `storagemutated`, which also
 * reports writes made in other tabs). Only entries for numbers some lead has are kept.
 */
import Dexie from 'dexie';
import type { LeadsDb } from '../db/leads-db';
import { getSettings } from '../db/repos/settings-repo';
import { buildComplianceWorld } from '../domain/compliance/compliance-world';
import type { DncEntry, DncList, DncListVersion } from '../domain/compliance/dnc-list';

interface DncPart {
  lists: DncList[];
  versions: DncListVersion[];
  /** Entries by number, for every number on any list. */
  entries: DncEntry[];
}

let cache = new WeakMap<LeadsDb, Promise<DncPart>>();
Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
  if (Object.keys(parts).some((k) => /\/dnc(Lists|ListVersions|Entries)\//.test(k))) cache = new WeakMap();
});

async function readDnc(db: LeadsDb): Promise<DncPart> {
  return db.transaction('r', [db.dncLists, db.dncListVersions, db.dncEntries], async () => {
    const [lists, versions, entries] = await Promise.all([db.dncLists.toArray(), db.dncListVersions.toArray(), db.dncEntries.toArray()]);
    return { lists, versions, entries };
  });
}

/** Everything the verdict needs for every lead. */
export async function loadWorldCached(db: LeadsDb) {
  let dnc = cache.get(db);
  if (!dnc) {
    dnc = readDnc(db);
    cache.set(db, dnc);
    dnc.catch(() => cache.delete(db));
  }
  const [{ lists, versions, entries }, people] = await Promise.all([
    dnc,
    db.transaction('r', [db.leads, db.calls, db.consents, db.settings], async () => {
      const [leads, calls, consents, settings] = await Promise.all([db.leads.toArray(), db.calls.toArray(), db.consents.toArray(), getSettings(db)]);
      return { leads, calls, consents, settings };
    }),
  ]);
  const phones = new Set(people.leads.map((l) => l.phoneE164));
  const mine = entries.filter((e) => phones.has(e.phoneE164));
  const world = buildComplianceWorld({ consents: people.consents, calls: people.calls, dncLists: lists, dncVersions: versions, dncEntries: mine });
  return { leads: people.leads, settings: people.settings, world };
}
