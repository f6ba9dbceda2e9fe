/**
 * When to warn that the browser could lose or refuse LeadLedger's data. Browsers evict a
 * site's storage under disk pressure unless it is persistent, and refuse writes past the
 * quota; both are silent unless the app says so before they happen.
 */

export interface StorageFacts {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  /** When the last full backup was written (null: never; undefined: not known yet). */
  lastBackupAt: number | null | undefined;
  now: number;
  /** When this tab last saw the browser refuse a write for lack of space (a quota error), if it did. */
  refusedAt?: number;
}

export type StorageRisk =
  /** The browser refused a write for lack of space: the surest sign, whatever the estimate says. */
  | { kind: 'refused'; at: number }
  /** Writes are about to fail: at least 95% of the quota is used. */
  | { kind: 'full'; share: number }
  /** At least 80% of the quota is used: a large import may not fit. */
  | { kind: 'nearly-full'; share: number }
  /** Not persistent and no recent backup: an eviction would lose data no file holds. */
  | { kind: 'evictable'; lastBackupAt: number | null };

export const NEARLY_FULL = 0.8;
export const FULL = 0.95;
/** A backup younger than this covers an eviction well enough not to nag (DESIGN §7 backup reminder). */
export const BACKUP_FRESH_MS = 7 * 86_400_000;

/** The most urgent risk, or null when there is nothing to warn about (or nothing known yet). */
export function storageRisk(f: StorageFacts): StorageRisk | null {
  if (f.refusedAt !== undefined) return { kind: 'refused', at: f.refusedAt };
  if (f.usage !== null && f.quota !== null && f.quota > 0) {
    const share = f.usage / f.quota;
    if (share >= FULL) return { kind: 'full', share };
    if (share >= NEARLY_FULL) return { kind: 'nearly-full', share };
  }
  if (f.persisted === false && f.lastBackupAt !== undefined) {
    const fresh = f.lastBackupAt !== null && f.now - f.lastBackupAt <= BACKUP_FRESH_MS;
    if (!fresh) return { kind: 'evictable', lastBackupAt: f.lastBackupAt };
  }
  return null;
}
