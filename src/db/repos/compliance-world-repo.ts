/**
 * Reads everything the verdict needs for every lead in one read transaction: of the DNC lists
 * only the entries of numbers some lead has (dnc-entries-for-phones.ts) — or, when `judged`
 * names the only leads that will be judged (an export of a filtered view), only theirs: few
 * numbers are looked up by index instead of scanning millions of list keys.
 */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';
import type { Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { dncEntriesForPhones } from './dnc-entries-for-phones';
import { getSettings } from './settings-repo';

export interface LoadedWorld {
  leads: Lead[];
  world: ComplianceWorld;
  settings: Settings;
}

export async function loadComplianceWorld(db: LeadsDb, judged?: ReadonlySet<number>): Promise<LoadedWorld> {
  return db.transaction(
    'r',
    [db.leads, db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries, db.settings],
    async () => {
      const [leads, calls, consents, dncLists, dncVersions, settings] = await Promise.all([
        db.leads.toArray(),
        db.calls.toArray(),
        db.consents.toArray(),
        db.dncLists.toArray(),
        db.dncListVersions.toArray(),
        getSettings(db),
      ]);
      const phones = new Set<string>();
      for (const l of leads) if (!judged || judged.has(l.id)) phones.add(l.phoneE164);
      const dncEntries = await dncEntriesForPhones(db, phones);
      return { leads, settings, world: buildComplianceWorld({ consents, calls, dncLists, dncVersions, dncEntries }) };
    },
  );
}
