/**
 * Reads everything the verdict needs for every lead in one read transaction: of the DNC lists
 * only the entries of numbers some lead has (dnc-entries-for-phones.ts) — or, when `judged`
 * names the only leads that will be judged (an export of a filtered view), only theirs: few
 * numbers are looked up by index instead of scanning millions of list keys. With `known`
 * (the entries an earlier read matched, no DNC entry written since), only the numbers of the
 * leads written since are looked up.
 */
import { buildComplianceWorld, type ComplianceWorld } from '../../domain/compliance/compliance-world';
import type { DncEntry } from '../../domain/compliance/dnc-list';
import type { Lead } from '../../domain/leads/lead';
import type { Settings } from '../../domain/settings/settings';
import type { LeadsDb } from '../leads-db';
import { dncEntriesForPhones } from './dnc-entries-for-phones';
import { getSettings } from './settings-repo';

export interface LoadedWorld {
  leads: Lead[];
  world: ComplianceWorld;
  settings: Settings;
  /** The DNC entries of the numbers read (kept by the engine for its next build). */
  dncEntries: DncEntry[];
  /** How many numbers were looked up in the DNC lists. */
  phonesLookedUp: number;
}

/** Entries matched earlier, still as stored: every lead's number but those of `changed` (written since). */
export interface KnownDncMatches {
  entries: readonly DncEntry[];
  changed: ReadonlySet<number>;
}

export async function loadComplianceWorld(
  db: LeadsDb,
  judged?: ReadonlySet<number>,
  known?: KnownDncMatches,
): Promise<LoadedWorld> {
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
      for (const l of leads)
        if ((!judged || judged.has(l.id)) && (!known || known.changed.has(l.id))) phones.add(l.phoneE164);
      const looked = await dncEntriesForPhones(db, phones);
      const dncEntries = known ? withoutRepeats([...known.entries, ...looked]) : looked;
      return {
        leads,
        settings,
        world: buildComplianceWorld({ consents, calls, dncLists, dncVersions, dncEntries }),
        dncEntries,
        phonesLookedUp: phones.size,
      };
    },
  );
}

/** One of each entry (its key is list and number). */
function withoutRepeats(entries: DncEntry[]): DncEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = `${e.listId}\u0000${e.phoneE164}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
