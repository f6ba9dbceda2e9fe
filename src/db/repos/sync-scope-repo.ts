/**
 * The scope a replica's cursor was pulled under: the user's role and teams. The pull is ordered by
 * seq, so a user added to a team (or moved to another) would otherwise pull on from their cursor:
 * the leads their new team held before, and those leads' calls and consents, were behind it and
 * never came; and the leads of a team they left stayed on the device. When the scope the token
 * answers (kept in the team config at each sign-in and refresh) differs from the one the cursor
 * was pulled under, the leads no longer in view leave this device as a departed lead does
 * (applyDeparture), and the cursor starts again from 0: every change the user may read comes
 * again, and what the device already holds is taken by its ids once.
 */
import type { LeadsDb } from '../leads-db';
import { ORG_WIDE_ROLES } from '../../domain/sync/mutation';
import { SYNC_KEYS, type TeamConfig } from '../../domain/sync/sync-rows';
import { applyDeparture } from './sync-pull-leads';
import { ORPHANS, pullTables } from './sync-pull-repo';

export const SCOPE_KEY = 'scope';

interface Scope {
  orgWide: boolean;
  teamIds: string[];
}

const scopeOf = (config: Pick<TeamConfig, 'role' | 'teamIds'>): Scope => ({
  orgWide: ORG_WIDE_ROLES.has(config.role),
  teamIds: [...new Set(config.teamIds)].sort(),
});

const sameScope = (a: Scope, b: Scope) =>
  a.orgWide === b.orgWide && (a.orgWide || a.teamIds.join() === b.teamIds.join());

/**
 * Before a pull: the first time, notes the scope; when it changed since, drops the leads out of
 * view and starts the cursor again from 0, in one transaction. Answers whether it did.
 */
export async function rescopeIfChanged(db: LeadsDb, config: Pick<TeamConfig, 'role' | 'teamIds'>): Promise<boolean> {
  const now = scopeOf(config);
  return db.transaction('rw', pullTables(db), async () => {
    const held = (await db.syncState.get(SCOPE_KEY))?.value as Scope | undefined;
    if (held && sameScope(held, now)) return false;
    if (held) {
      // The cursor first: the outbox does not queue what a transaction writing it deletes (these
      // leads leave this device only; the team keeps them).
      await db.syncState.put({ key: SYNC_KEYS.cursor, value: 0 });
      // Events waiting for a lead: the pull from 0 sends those still in view again.
      await db.syncState.delete(ORPHANS);
      if (!now.orgWide) {
        const inView = new Set(now.teamIds);
        // Walked, not read whole: a lead's sync id row holds its field stamps and synced copy.
        const out: string[] = [];
        await db.syncIds
          .where('table')
          .equals('leads')
          .each((m) => {
            if (!m.removed && m.team && !inView.has(String(m.team.value))) out.push(m.syncId);
          });
        for (const syncId of out) await applyDeparture(db, syncId);
      }
    }
    await db.syncState.put({ key: SCOPE_KEY, value: now });
    return held !== undefined;
  });
}
