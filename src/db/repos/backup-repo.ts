/**
 * Full backups: every table in one JSON file with the schema version and a SHA-256 per table.
 * A restore is two steps. Choosing a file only reads and checks it — the envelope, exactly the
 * tables of its schema version (none missing, none unknown or prototype-named), counts and
 * checksums, every row against the domain's zod schemas — and plans what would change
 * (`previewRestore`: per table the count now and after, what is kept). Nothing is written until
 * the steward confirms; then `restoreBackup` plans again and writes in one strict transaction,
 * so a bad file or a failure changes nothing.
 *
 * A restore never removes a suppression that exists now and never shortens the audit trail
 * (restore-plan.ts, decision 012): current DNC entries, versions and lists the backup lacks,
 * "do not call me" requests and forget-person hashes are kept and re-applied; the current trail
 * stays and the restore is appended to it, recording the head it continued from.
 *
 * The operation journal is this browser's record of its own work, not data: it is neither
 * backed up nor replaced, and the restore's own journal row commits with the restored data.
 * The engine table (v005) is a cache rebuilt from the data: neither backed up nor replaced; the
 * restore's writes give it a new data version, so its snapshot is rebuilt on the next start.
 *
 * The settings table travels whole, so the database's HMAC key (`flag:anonymisationKey`) goes
 * with the backup: after a restore, the suppressions of forgotten people and the hashed numbers
 * of anonymised leads still match a number that comes back. A backup file therefore holds the
 * key next to the data: keep it as carefully as the database itself.
 */
import { canonicalJson, sha256Hex } from '../../domain/audit/audit-hash';
import {
  BACKUP_FORMAT,
  checkBackup,
  describeIssue,
  type Backup,
  type BackupIssue,
} from '../../domain/backup/backup-check';
import type { DncRequest } from '../../domain/backup/restore-dnc';
import type { Call } from '../../domain/leads/call';
import { callKey } from '../../domain/leads/call-key';
import type { LeadsDb } from '../leads-db';
import { LATEST_VERSION, MIGRATIONS } from '../migrations';
import { strictTransaction } from '../durability';
import { appendAudit, auditHead } from './audit-repo';
import { upgradeAuditTrail } from './audit-upgrade-repo';
import { getFlag, setFlag } from './settings-repo';
import { journaled, markDone } from './operation-journal-repo';
import {
  FORMER_KEYS_ROW,
  HMAC_KEY_ROW,
  TRAIL_ROWS,
  planRestore,
  type RestoreContext,
  type RestorePlan,
} from './restore-plan';

export type { Backup } from '../../domain/backup/backup-check';

/** Tables a backup does not carry (see the header). */
const NOT_BACKED_UP = new Set(['operations', 'engine', 'changes']);

/** The tables a backup of schema `version` holds (every table of that version but the journal), or undefined for an unknown version. */
export function backupTablesOf(version: number): string[] | undefined {
  if (!MIGRATIONS.some((m) => m.version === version)) return undefined;
  const tables = new Set<string>();
  for (const m of MIGRATIONS) {
    if (m.version > version) break;
    for (const [name, spec] of Object.entries(m.stores)) {
      if (spec === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return [...tables].filter((name) => !NOT_BACKED_UP.has(name));
}

/** Every table as a backup document (JSON text). */
export async function createBackup(
  db: LeadsDb,
  now = Date.now(),
): Promise<{ json: string; counts: Record<string, number> }> {
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
  return {
    json: JSON.stringify({
      format: BACKUP_FORMAT,
      schemaVersion: LATEST_VERSION,
      createdAt: now,
      tables,
    } satisfies Backup),
    counts,
  };
}

export type BackupCheck =
  | { ok: true; backup: Backup; counts: Record<string, number> }
  /** `issues`: the first problems, located; `problems`: the same as one line each. */
  | { ok: false; issues: BackupIssue[]; problems: string[] };

/** Check a backup file completely before anything is replaced (reads nothing from the database). */
export function validateBackup(_db: LeadsDb, text: string): BackupCheck {
  let raw: unknown;
  try {
    // JSON.parse keeps a key `__proto__` as an own property, so the check sees it.
    raw = JSON.parse(text);
  } catch {
    const issues = [{ reason: 'not-json' }];
    return { ok: false, issues, problems: issues.map(describeIssue) };
  }
  const check = checkBackup(raw, backupTablesOf);
  if (!check.ok) return { ok: false, issues: check.issues, problems: check.issues.map(describeIssue) };
  if (check.backup.schemaVersion > LATEST_VERSION) {
    const issues = [{ reason: 'newer-schema', detail: String(check.backup.schemaVersion) }];
    return { ok: false, issues, problems: issues.map(describeIssue) };
  }
  return {
    ok: true,
    backup: check.backup,
    counts: Object.fromEntries(Object.entries(check.backup.tables).map(([k, v]) => [k, v.count])),
  };
}

/** What the database holds now, as far as a restore needs it. Call inside a transaction over every table. */
async function readContext(db: LeadsDb, backup: Backup): Promise<RestoreContext> {
  const counts: Record<string, number> = {};
  for (const name of Object.keys(backup.tables)) counts[name] = await db.table(name).count();
  // A "do not call me" on a call the backup lacks would be lost with the call: keep it as a listing.
  const storedCallKey = (c: Call) => `${c.id}|${callKey(c)}`;
  const inBackup = new Set((backup.tables.calls?.rows ?? []).map((c) => storedCallKey(c as Call)));
  const requested = await db.calls.filter((c) => c.outcome === 'dnc-requested').toArray();
  const requests: DncRequest[] = [];
  for (const call of requested) {
    if (inBackup.has(storedCallKey(call))) continue;
    const lead = await db.leads.get(call.leadId);
    if (lead) requests.push({ phoneE164: lead.phoneE164, at: call.at });
  }
  const settings = (await db.settings.bulkGet([HMAC_KEY_ROW, FORMER_KEYS_ROW, ...TRAIL_ROWS])).filter(
    (r) => r !== undefined,
  );
  return {
    counts,
    dncLists: await db.dncLists.toArray(),
    dncListVersions: await db.dncListVersions.toArray(),
    dncEntries: await db.dncEntries.toArray(),
    requests,
    settings,
    audit: await db.audit.orderBy('seq').toArray(),
  };
}

export type RestorePreview = Pick<RestorePlan, 'counts' | 'kept' | 'reapplied'> & {
  relation: RestorePlan['trail']['relation'];
};

/** What restoring `backup` would change, for the confirmation (reads only). */
export async function previewRestore(db: LeadsDb, backup: Backup, now = Date.now()): Promise<RestorePreview> {
  return db.transaction('r', db.tables, async () => {
    const plan = planRestore(backup, await readContext(db, backup), now);
    return { counts: plan.counts, kept: plan.kept, reapplied: plan.reapplied, relation: plan.trail.relation };
  });
}

/** Replace the data with a checked backup, keeping every suppression and the trail (all or nothing, committed strictly), audited. */
export async function restoreBackup(db: LeadsDb, backup: Backup, now = Date.now()): Promise<RestorePreview> {
  const summary = { count: backup.tables.leads?.count ?? 0 };
  return journaled(
    db,
    'restore',
    summary,
    (journal) =>
      strictTransaction(db, 'rw', db.tables, async () => {
        const plan = planRestore(backup, await readContext(db, backup), now);
        const head = await auditHead(db);
        // Clear everything first, so a backup no larger than the data it replaces fits on a full disk.
        for (const name of Object.keys(plan.tables)) await db.table(name).clear();
        for (const [name, rows] of Object.entries(plan.tables)) await db.table(name).bulkAdd(rows);
        if (plan.upgradeTrail) await upgradeAuditTrail(db, now);
        await setFlag(db, 'lastBackupAt', backup.createdAt);
        const backupTrail = backup.tables.audit?.rows ?? [];
        await appendAudit(
          db,
          {
            action: 'restore',
            entity: 'database',
            ids: [],
            before: { head, counts: Object.fromEntries(plan.counts.map((c) => [c.table, c.now])) },
            after: {
              createdAt: backup.createdAt,
              schemaVersion: backup.schemaVersion,
              counts: Object.fromEntries(plan.counts.map((c) => [c.table, c.after])),
              kept: plan.kept,
              reapplied: plan.reapplied,
              backupTrail: {
                relation: plan.trail.relation,
                head: plan.trail.backupHead,
                entries: backupTrail.length,
                common: plan.trail.common,
              },
              // A backup trail that is not part of this one is kept here, whole from where they part.
              ...(plan.trail.relation === 'diverged' ? { archivedTrail: backupTrail.slice(plan.trail.common) } : {}),
            },
          },
          now,
        );
        await markDone(db, journal, now);
        return { counts: plan.counts, kept: plan.kept, reapplied: plan.reapplied, relation: plan.trail.relation };
      }),
    now,
  );
}

/** When the last backup was written (or restored from). */
export function lastBackupAt(db: LeadsDb): Promise<number | undefined> {
  return getFlag<number>(db, 'lastBackupAt');
}
