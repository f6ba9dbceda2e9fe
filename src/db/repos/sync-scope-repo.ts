/**
 * The scope a replica's cursor was pulled under: the user's role and teams. The pull is ordered by
 * seq, so a user added to a team (or moved to another) would otherwise pull on from their cursor:
 * the leads their new team held before, and those leads' calls and consents, were behind it and
 * never came; and the leads of a team they left stayed on the device. When the scope a pulled page
 * says it was read under (the user's role and teams as the server read them: pull-loop.ts) differs from the one the cursor was pulled
 * under, the leads no longer in view leave this device as a departed lead does (applyDeparture),
 * and the cursor starts again from 0: every change the user may read comes again, and what the
 * device already holds is taken by its ids once. The page's scope, not the team config: the config
 * is shared by every tab and follows each tab's sign-ins and refreshes.
 */
import type { LeadsDb } from '../leads-db';
import { SYNC_KEYS } from '../../domain/sync/sync-rows';
import { SCOPE_KEY, sameScope, scopeOf } from '../../domain/sync/sync-scope';
import { applyDeparture } from './sync-pull-leads';
import { ORG_CHAIN_PREFIX } from './org-chain-repo';
import { notedScope, ORPHANS, pullTables } from './sync-pull-repo';

/**
 * Before a pull: the first time, notes the scope; when it changed since, drops the leads out of
 * view and starts the cursor again from 0, in one transaction. Answers whether it did.
 */
export async function rescopeIfChanged(
  db: LeadsDb,
  claims: { role: string; teamIds: readonly string[] },
): Promise<boolean> {
  const now = scopeOf(claims);
  return db.transaction('rw', pullTables(db), async () => {
    const held = await notedScope(db);
    if (held && sameScope(held, now)) return false;
    if (held) {
      // The cursor first: the outbox does not queue what a transaction writing it deletes (these
      // leads leave this device only; the team keeps them).
      await db.syncState.put({ key: SYNC_KEYS.cursor, value: 0 });
      // Events waiting for a lead: the pull from 0 sends those still in view again.
      await db.syncState.delete(ORPHANS);
      // The organisation's audit chain as pulled: a steward or manager reads every author's entries
      // (their details name other teams' leads), anyone else only their own. The pull from 0 brings
      // back what the new scope reads.
      await db.syncState.where('key').startsWith(ORG_CHAIN_PREFIX).delete();
      // Likewise the refusals pulled: an organisation-wide role is shown every author's, with the
      // values refused; their own come back with the pull.
      if (held.orgWide && !now.orgWide) await db.syncIssues.filter((i) => i.kind === 'quarantine').delete();
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
