/**
 * Rewriting a trail in format 2 (schema v003). Every entry gets a details hash, keeps its old
 * hash as `legacyHash` (covered by the new hash), and is re-chained from the genesis hash. The
 * old trail is verified first and the outcome is recorded, never hidden: re-chaining a trail
 * that was already broken must not make the break disappear.
 */
import type { AuditEntry } from './audit-entry';
import { GENESIS_HASH, sealEntry, verifyChain, type ChainProblem } from './audit-hash';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface TrailUpgrade {
  entries: AuditEntry[];
  /** The head before the rewrite: what an anchor exported before the upgrade may hold. */
  previousHead: ChainHead;
  /** The same entry's hash after the rewrite. */
  newHead: ChainHead;
  /** The old trail's first problem, or null when it verified. */
  previousProblem: ChainProblem | null;
}

/** The trail (in seq order) re-chained in format 2. */
export function upgradeTrail(entries: readonly AuditEntry[]): TrailUpgrade {
  const previousProblem = verifyChain(entries);
  const last = entries.at(-1);
  let prevHash = GENESIS_HASH;
  const upgraded = entries.map((e) => {
    const { hash, detailsHash: _d, legacyHash: _l, ...content } = e;
    const next = sealEntry({ ...content, legacyHash: hash, prevHash });
    prevHash = next.hash;
    return next;
  });
  return {
    entries: upgraded,
    previousHead: { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH },
    newHead: { seq: last?.seq ?? 0, hash: upgraded.at(-1)?.hash ?? GENESIS_HASH },
    previousProblem,
  };
}
