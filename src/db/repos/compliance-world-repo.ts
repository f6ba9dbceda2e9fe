/** Reads everything the verdict needs for every lead in one read transaction. */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { Lead } from '../../domain/leads/lead';
import type { Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { getSettings } from './settings-repo';

export interface LoadedWorld {
  leads: Lead[];
  world: ComplianceWorld;
  settings: Settings;
}

export async function loadComplianceWorld(db: LeadsDb): Promise<LoadedWorld> {
  return db.transaction('r', [db.leads, db.calls, db.consents, db.dncLists, db.dncListVersions, db.dncEntries, db.settings], async () => {
    const [leads, calls, consents, dncLists, dncVersions, dncEntries, settings] = await Promise.all([
      db.leads.toArray(),
      db.calls.toArray(),
      db.consents.toArray(),
      db.dncLists.toArray(),
      db.dncListVersions.toArray(),
      db.dncEntries.toArray(),
      getSettings(db),
    ]);
    return { leads, settings, world: buildComplianceWorld({ consents, calls, dncLists, dncVersions, dncEntries }) };
  });
}
