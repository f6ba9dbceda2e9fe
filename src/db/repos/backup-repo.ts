/**
 * Full backups: every table in one JSON file with the schema version and a SHA-256 per table.
 * A restore validates the whole file first (format, version, counts, checksums) and only then
 * replaces the database, in one transaction, so a bad file changes nothing. The operation
 * journal is this browser's record of its own work, not data: it is neither backed up nor
 * replaced, and the restore's own journal row commits with the restored data.
 *
 * The settings table travels whole, so the database's HMAC key (`flag:anonymisationKey`) goes
 * with the backup: after a restore, the suppressions of forgotten people and the hashed numbers
 * of anonymised leads still match a number that comes back. A backup file therefore holds the
 * key next to the data: keep it as carefully as the database itself.
 */
import { z } from 'zod';
import { canonicalJson, sha256Hex } from '../../domain/audit/audit-hash';
import type { LeadsDb } from '../leads-db';
import { LATEST_VERSION } from '../migrations';
import { strictTransaction } from '../durability';
import { appendAudit } from './audit-repo';
import { upgradeAuditTrail } from './audit-upgrade-repo';
import { getFlag, setFlag } from './settings-repo';
import { journaled, markDone } from './operation-journal-repo';

/** Tables a backup does not carry (see the header). */
const NOT_BACKED_UP = new Set(['operations']);

const FORMAT = 'leadledger-backup';

const backupSchema = z.object({
  format: z.literal(FORMAT),
  schemaVersion: z.number().int().min(1),
  createdAt: z.number(),
  tables: z.record(z.string(), z.object({ count: z.number().int().min(0), sha256: z.string().length(64), rows: z.array(z.unknown()) })),
});
export type Backup = z.infer<typeof backupSchema>;

/** Every table as a backup document (JSON text). */
export async function createBackup(db: LeadsDb, now = Date.now()): Promise<{ json: string; counts: Record<string, number> }> {
  const tables: Backup['tables'] = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) {
      if (NOT_BACKED_UP.has(table.name)) continue;
      const rows = await table.toArray();
      tables[table.name] = { count: rows.length, sha256: sha256Hex(canonicalJson(rows)), rows };
    }
  });
  await setFlag(db, 'lastBackupAt', now);
  const counts = Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.count]));
  return { json: JSON.stringify({ format: FORMAT, schemaVersion: LATEST_VERSION, createdAt: now, tables } satisfies Backup), counts };
}

export type BackupCheck = { ok: true; backup: Backup; counts: Record<string, number> } | { ok: false; problems: string[] };

/** Check a backup file completely before anything is replaced. */
export function validateBackup(db: LeadsDb, text: string): BackupCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['not-json'] };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: ['not-a-backup'] };
  const backup = parsed.data;
  const problems: string[] = [];
  if (backup.schemaVersion > LATEST_VERSION) problems.push(`newer-schema:${backup.schemaVersion}`);
  const known = new Set(db.tables.map((t) => t.name));
  for (const [name, table] of Object.entries(backup.tables)) {
    if (!known.has(name)) problems.push(`unknown-table:${name}`);
    if (table.rows.length !== table.count) problems.push(`count:${name}`);
    else if (sha256Hex(canonicalJson(table.rows)) !== table.sha256) problems.push(`checksum:${name}`);
  }
  if (!backup.tables.leads) problems.push('missing-table:leads');
  if (problems.length) return { ok: false, problems };
  return { ok: true, backup, counts: Object.fromEntries(Object.entries(backup.tables).map(([k, v]) => [k, v.count])) };
}

/** Replace every table with a validated backup (all or nothing, committed strictly), audited. */
export async function restoreBackup(db: LeadsDb, backup: Backup, now = Date.now()): Promise<void> {
  const summary = { count: backup.tables.leads?.count ?? 0 };
  await journaled(db, 'restore', summary, (journal) => strictTransaction(db, 'rw', db.tables, async () => {
    for (const table of db.tables) if (!NOT_BACKED_UP.has(table.name)) await table.clear();
    for (const [name, table] of Object.entries(backup.tables)) if (!NOT_BACKED_UP.has(name)) await db.table(name).bulkAdd(table.rows);
    // A backup from before schema v003 holds a format-1 trail: rewrite it as v003 would have.
    if ((await db.audit.filter((e) => e.detailsHash === undefined).count()) > 0) await upgradeAuditTrail(db, now);
    await setFlag(db, 'lastBackupAt', backup.createdAt);
    await appendAudit(db, { action: 'restore', entity: 'database', ids: [], before: null, after: { createdAt: backup.createdAt, counts: Object.fromEntries(Object.entries(backup.tables).map(([k, v]) => [k, v.count])) } }, now);
    await markDone(db, journal, now);
  }), now);
}

/** When the last backup was written (or restored from). */
export function lastBackupAt(db: LeadsDb): Promise<number | undefined> {
  return getFlag<number>(db, 'lastBackupAt');
}
