/** Test support: a write made to fail through Dexie hooks, to prove a failed bulk operation leaves the database as it was. */
import type { LeadsDb } from '../leads-db';

/**
 * Make every write that touches lead `leadId` (its row, its calls and consents, its number on a
 * DNC list) throw, or, with `audit`, the audit append. `fired()` tells whether it did.
 */
export function injectFailure(
  db: LeadsDb,
  target: { leadId: number; phone: string } | 'audit',
): { fired: () => boolean } {
  let fired = false;
  const boom = (hit: boolean) => {
    if (!hit) return;
    fired = true;
    throw new Error('injected failure');
  };
  if (target === 'audit') {
    db.audit.hook('creating', () => boom(true));
    return { fired: () => fired };
  }
  const mine = (obj: unknown) => (obj as { leadId?: number }).leadId === target.leadId;
  db.leads.hook('creating', (key) => boom(key === target.leadId));
  db.leads.hook('updating', (_mods, key) => boom(key === target.leadId));
  db.leads.hook('deleting', (key) => boom(key === target.leadId));
  for (const table of [db.calls, db.consents] as const) {
    table.hook('creating', (_key, obj) => boom(mine(obj)));
    table.hook('deleting', (_key, obj) => boom(mine(obj)));
  }
  db.dncEntries.hook('creating', (_key, obj) => boom(obj.phoneE164 === target.phone));
  db.dncEntries.hook('updating', (_mods, _key, obj) => boom(obj.phoneE164 === target.phone));
  return { fired: () => fired };
}
