/**
 * What a restore will write, computed from the checked backup and what the database holds now
 * (read by `backup-repo.ts` inside the restore's transaction, and once before for the
 * confirmation, so the steward sees the same plan that is carried out). Pure: no Dexie here.
 *
 * Kept from now (decision 012): every DNC suppression (restore-dnc.ts), the HMAC key of the
 * forget-person hashes (the backup's key stays the key; a different current key joins the
 * former keys, so hashes made with it still match), and the audit trail (restore-trail.ts):
 * unless the backup's trail extends the current one, the current trail and its upgrade record
 * stay and the restore is appended to them.
 */
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { compareTrails, type TrailComparison } from '../../domain/backup/restore-trail';
import {
  INTERNAL_DNC_LIST_ID,
  mergeDnc,
  type DncRequest,
  type KeptSuppressions,
} from '../../domain/backup/restore-dnc';
import type { Backup } from '../../domain/backup/backup-check';
import { HASHED_PHONE_PREFIX, keyedPhoneHash } from '../../domain/compliance/anonymise';
import type { DncEntry, DncList, DncListVersion } from '../../domain/compliance/dnc-list';
import type { Lead } from '../../domain/leads/lead';
import type { SettingRow } from '../leads-db';

export const HMAC_KEY_ROW = 'flag:anonymisationKey';
export const FORMER_KEYS_ROW = 'flag:anonymisationFormerKeys';
export const AUDIT_UPGRADE_ROW = 'auditChainUpgrade';
export const LAST_BACKUP_ROW = 'flag:lastBackupAt';
/** The kept chain head (audit-head-repo.ts). */
const AUDIT_HEAD_ROW = 'flag:auditHead';
/** Settings rows about the trail itself: kept with the current trail. */
export const TRAIL_ROWS = [AUDIT_UPGRADE_ROW, AUDIT_HEAD_ROW] as const;

/** What the database holds now, as far as a restore needs it. */
export interface RestoreContext {
  counts: Record<string, number>;
  dncLists: DncList[];
  dncListVersions: DncListVersion[];
  dncEntries: DncEntry[];
  /** `dnc-requested` calls the backup does not hold, with their lead's number. */
  requests: DncRequest[];
  /** The settings rows a restore keeps from now (HMAC key, former keys, `TRAIL_ROWS`). */
  settings: SettingRow[];
  audit: AuditEntry[];
}

export interface TableCount {
  table: string;
  now: number;
  after: number;
}

export interface RestorePlan {
  /** Rows to write per table (each table listed is cleared first); `audit` only when the backup's trail is taken. */
  tables: Record<string, unknown[]>;
  counts: TableCount[];
  kept: KeptSuppressions & { trailEntries: number };
  /** Restored leads whose number a kept forget-person hash suppresses: listed again. */
  reapplied: number;
  trail: TrailComparison;
  /** The backup's trail is taken and is in format 1: rewrite it in format 2 (as schema v003 would). */
  upgradeTrail: boolean;
}

const rowsOf = <T>(backup: Backup, table: string) => (backup.tables[table]?.rows ?? []) as T[];

function mergeSettings(
  backupRows: readonly SettingRow[],
  current: readonly SettingRow[],
  keepTrail: boolean,
): SettingRow[] {
  const rows = new Map(backupRows.map((r) => [r.key, r]));
  const now = new Map(current.map((r) => [r.key, r]));
  const backupKey = rows.get(HMAC_KEY_ROW)?.value as string | undefined;
  const currentKey = now.get(HMAC_KEY_ROW)?.value as string | undefined;
  const primary = backupKey ?? currentKey;
  const former = new Set([
    ...((rows.get(FORMER_KEYS_ROW)?.value as string[] | undefined) ?? []),
    ...((now.get(FORMER_KEYS_ROW)?.value as string[] | undefined) ?? []),
  ]);
  if (currentKey && currentKey !== primary) former.add(currentKey);
  if (primary) former.delete(primary);
  if (primary) rows.set(HMAC_KEY_ROW, { key: HMAC_KEY_ROW, value: primary });
  if (former.size) rows.set(FORMER_KEYS_ROW, { key: FORMER_KEYS_ROW, value: [...former] });
  // Rows that describe the trail go with the trail that is kept.
  if (keepTrail) {
    for (const key of TRAIL_ROWS) {
      const row = now.get(key);
      if (row) rows.set(key, row);
      else rows.delete(key);
    }
  }
  return [...rows.values()];
}

/** The plan of a restore (see the header). */
export function planRestore(backup: Backup, ctx: RestoreContext, now: number): RestorePlan {
  const backupTrail = rowsOf<AuditEntry>(backup, 'audit');
  const trail = compareTrails(ctx.audit, backupTrail);
  const keepTrail = trail.relation !== 'extends';
  const dnc = mergeDnc(
    {
      lists: rowsOf(backup, 'dncLists'),
      versions: rowsOf(backup, 'dncListVersions'),
      entries: rowsOf(backup, 'dncEntries'),
    },
    { lists: ctx.dncLists, versions: ctx.dncListVersions, entries: ctx.dncEntries },
    ctx.requests,
    now,
  );
  const settings = mergeSettings(rowsOf<SettingRow>(backup, 'settings'), ctx.settings, keepTrail);
  const leads = rowsOf<Lead>(backup, 'leads');

  // A restored lead whose number a forget-person hash suppresses goes onto the internal list
  // again, as `honourSuppressions` does for any write that brings a number in.
  const byKey = new Map(settings.map((r) => [r.key, r.value]));
  const keys = [byKey.get(HMAC_KEY_ROW), ...((byKey.get(FORMER_KEYS_ROW) as string[] | undefined) ?? [])].filter(
    (k): k is string => typeof k === 'string',
  );
  const suppressed = new Map(
    dnc.entries
      .filter(
        (e) =>
          e.listId === INTERNAL_DNC_LIST_ID &&
          e.removedVersionId === undefined &&
          e.phoneE164.startsWith(HASHED_PHONE_PREFIX),
      )
      .map((e) => [e.phoneE164, e]),
  );
  let reapplied = 0;
  if (suppressed.size > 0 && keys.length > 0) {
    const internal = new Map(dnc.entries.filter((e) => e.listId === INTERNAL_DNC_LIST_ID).map((e) => [e.phoneE164, e]));
    const base = dnc.versions.filter((v) => v.listId === INTERNAL_DNC_LIST_ID).sort((a, b) => a.id - b.id)[0];
    for (const lead of leads) {
      if (lead.phoneE164.startsWith(HASHED_PHONE_PREFIX) || !base) continue;
      const hit = keys.map((k) => suppressed.get(keyedPhoneHash(lead.phoneE164, k))).find((e) => e !== undefined);
      const listed = internal.get(lead.phoneE164);
      if (!hit || (listed && listed.removedVersionId === undefined)) continue;
      const entry: DncEntry = {
        listId: INTERNAL_DNC_LIST_ID,
        phoneE164: lead.phoneE164,
        addedVersionId: base.id,
        addedAt: hit.addedAt ?? 0,
      };
      internal.set(lead.phoneE164, entry);
      dnc.entries.push(entry);
      dnc.listedPhones.push(lead.phoneE164);
      reapplied++;
    }
  }
  const listed = new Set(dnc.listedPhones);
  const restoredLeads =
    listed.size === 0
      ? leads
      : leads.map((l) =>
          listed.has(l.phoneE164) && l.dncStatus !== 'listed'
            ? { ...l, dncStatus: 'listed' as const, updatedAt: now }
            : l,
        );

  const tables: Record<string, unknown[]> = {};
  for (const [name, table] of Object.entries(backup.tables))
    if (name !== 'audit' || !keepTrail) tables[name] = table.rows;
  Object.assign(tables, {
    leads: restoredLeads,
    dncLists: dnc.lists,
    dncListVersions: dnc.versions,
    dncEntries: dnc.entries,
    settings,
  });

  const upgradeTrail = !keepTrail && backupTrail.some((e) => e.detailsHash === undefined);
  const trailAfter = (keepTrail ? ctx.audit.length : backupTrail.length) + (upgradeTrail ? 1 : 0) + 1;
  const settingsAfter =
    settings.length +
    (settings.some((r) => r.key === LAST_BACKUP_ROW) ? 0 : 1) +
    (upgradeTrail && !settings.some((r) => r.key === AUDIT_UPGRADE_ROW) ? 1 : 0);
  const counts = Object.keys(backup.tables).map((table) => ({
    table,
    now: ctx.counts[table] ?? 0,
    after: table === 'audit' ? trailAfter : table === 'settings' ? settingsAfter : tables[table]!.length,
  }));
  return {
    tables,
    counts,
    kept: { ...dnc.kept, trailEntries: keepTrail ? ctx.audit.length : 0 },
    reapplied,
    trail,
    upgradeTrail,
  };
}
