/**
 * The retention dry run computed the slow, plain way, for tests: every lead and call read and
 * planned from the tables. The app's dry run is the engine's (grid-figures.ts); this is the
 * oracle it is checked against, and how a repository test gets a plan to purge.
 */
import { buildComplianceWorld } from '../../domain/compliance/compliance-world';
import { purgePlan, type PurgeMode, type PurgePlan } from '../../domain/compliance/retention-plan';
import type { LeadsDb } from '../leads-db';
import { getSettings } from './settings-repo';

export async function planFromTables(db: LeadsDb, at: number, mode: PurgeMode): Promise<PurgePlan> {
  return db.transaction('r', [db.leads, db.calls, db.settings], async () => {
    const [leads, calls, settings] = await Promise.all([db.leads.toArray(), db.calls.toArray(), getSettings(db)]);
    const world = buildComplianceWorld({ consents: [], calls, dncLists: [], dncVersions: [], dncEntries: [] });
    return purgePlan(leads, world, settings, at, mode);
  });
}
