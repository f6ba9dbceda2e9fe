/**
 * The organisation's audit chain (docs/team-edition.md, "Audit across devices"): the server appends
 * every device entry it accepts at the next position, `orgHash = sha256(orgPrevHash ":" hash)`.
 * A client holds the positions it may read (stewards and managers: all; others: their own), so
 * it checks what it holds: each entry's own hash (the app's algorithm), each position's org hash,
 * and the link between consecutive positions. A gap is positions it may not read, not a break.
 */
import { entryHash, GENESIS_HASH, sha256Hex } from '../audit/audit-hash';
import type { AuditEntry } from '../audit/audit-entry';

export function orgChainHash(orgPrevHash: string, entryHashHex: string): string {
  return sha256Hex(`${orgPrevHash}:${entryHashHex}`);
}

/** One pulled row of the organisation's chain. */
export interface OrgChainRow {
  deviceId: string;
  deviceSeq: number;
  hash: string;
  orgPosition: number;
  orgPrevHash: string;
  orgHash: string;
  entry: AuditEntry;
}

export type OrgChainProblem = 'entry-hash' | 'org-hash' | 'link';

export interface OrgChainReport {
  count: number;
  /** Positions not held (not readable by this user). */
  gaps: number;
  problem?: { position: number; problem: OrgChainProblem };
}

export function verifyOrgChain(rows: readonly OrgChainRow[]): OrgChainReport {
  const sorted = [...rows].sort((a, b) => a.orgPosition - b.orgPosition);
  let gaps = 0;
  let prev: OrgChainRow | undefined;
  for (const r of sorted) {
    const { hash: _hash, ...unsealed } = r.entry;
    if (entryHash(unsealed) !== r.hash || r.entry.hash !== r.hash)
      return { count: sorted.length, gaps, problem: { position: r.orgPosition, problem: 'entry-hash' } };
    if (orgChainHash(r.orgPrevHash, r.hash) !== r.orgHash)
      return { count: sorted.length, gaps, problem: { position: r.orgPosition, problem: 'org-hash' } };
    const expectedPrev = prev ? prev.orgHash : r.orgPosition === 1 ? GENESIS_HASH : undefined;
    const adjacent = prev ? r.orgPosition === prev.orgPosition + 1 : r.orgPosition === 1;
    if (!adjacent) gaps += r.orgPosition - (prev?.orgPosition ?? 0) - 1;
    else if (r.orgPrevHash !== expectedPrev)
      return { count: sorted.length, gaps, problem: { position: r.orgPosition, problem: 'link' } };
    prev = r;
  }
  return { count: sorted.length, gaps };
}
