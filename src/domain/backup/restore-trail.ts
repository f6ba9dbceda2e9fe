/**
 * How a backup's audit trail relates to the current one, so a restore never shortens the trail.
 * `contained`: the backup's trail is the start of the current one (the usual case: an older
 * backup of this database); the current trail stays. `extends`: the current trail is the start
 * of the backup's, which verifies (a fresh database, or a newer backup); the backup's trail is
 * taken. `diverged`: neither; the current trail stays and the backup's entries after the common
 * start are archived in the restore's own entry. An entry matches when seq and hash agree, or
 * when the backup's format-1 hash is the current entry's `legacyHash` (the v003 rewrite). A
 * redacted entry keeps its hash, so an erasure made after the backup does not make it diverge.
 */
import type { AuditEntry } from '../audit/audit-entry';
import { GENESIS_HASH, verifyChain } from '../audit/audit-hash';

export type TrailRelation = 'contained' | 'extends' | 'diverged';

export interface TrailComparison {
  relation: TrailRelation;
  /** Leading entries both trails share. */
  common: number;
  backupHead: { seq: number; hash: string };
}

/** Compare the current trail with a backup's (both in seq order). */
export function compareTrails(current: readonly AuditEntry[], backup: readonly AuditEntry[]): TrailComparison {
  let common = 0;
  while (common < current.length && common < backup.length) {
    const c = current[common]!;
    const b = backup[common]!;
    if (c.seq !== b.seq || (c.hash !== b.hash && c.legacyHash !== b.hash)) break;
    common++;
  }
  const last = backup[backup.length - 1];
  const backupHead = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  if (common === backup.length) return { relation: 'contained', common, backupHead };
  const exact = current.every((c, i) => c.hash === backup[i]?.hash);
  if (common === current.length && exact && verifyChain(backup) === null)
    return { relation: 'extends', common, backupHead };
  return { relation: 'diverged', common, backupHead };
}
