/**
 * Schema version 8: the data version and its change log move from the `engine` table to a table
 * of their own, `changes`. The engine stores its snapshot in `engine` part by part, each part in a
 * read-write transaction (100–200 ms at a million leads); while the token and the log lived
 * there, every write to a table the verdict reads (it takes a token in the same transaction) and
 * every catch-up's read of the log waited for the part being written (134–230 ms measured at 1M).
 * The rows are moved as they are, so a stored snapshot still finds its version. Never edit once
 * landed; add v009-….ts.
 */
import type { Transaction } from 'dexie';

export const V008_STORES = {
  changes: 'key',
} as const;

async function moveChangeLog(tx: Transaction): Promise<void> {
  const engine = tx.table('engine');
  // By key: the snapshot's parts beside them (hundreds of MB at a million leads) are never read.
  const token = await engine.get('dataVersion');
  const log = await engine.where('key').startsWith('log:').toArray();
  const rows = token ? [token, ...log] : log;
  await tx.table('changes').bulkPut(rows);
  await engine.bulkDelete(rows.map((r: { key: string }) => r.key));
}

export const v008 = { version: 8, stores: V008_STORES, upgrade: moveChangeLog } as const;
