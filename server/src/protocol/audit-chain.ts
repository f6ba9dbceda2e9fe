/**
 * Server-side check of a device's audit chain segment: the hash the app computes (the app's
 * src/domain/audit/audit-hash.ts itself: SHA-256 over canonical JSON, formats 1 and 2), and the
 * organisation's chain, which hashes each appended entry's hash onto the previous organisation hash.
 */
import { entryHash as appEntryHash } from '../../../src/domain/audit/audit-hash';
import type { AuditEntry } from '../../../src/domain/audit/audit-entry';
import type { PushedAuditEntry } from './mutations';

export { GENESIS_HASH } from '../../../src/domain/audit/audit-hash';

/** The hash the entry must carry: the app's own function, so device and server can never disagree. */
export function entryHash(e: PushedAuditEntry): string {
  return appEntryHash(e as unknown as Omit<AuditEntry, 'hash'>);
}

/** The organisation chain's link (one copy, shared with the client's verifier). */
export { orgChainHash } from '../../../src/domain/sync/org-chain';

export type SegmentCheck =
  | { ok: true; fresh: PushedAuditEntry[] }
  | { ok: false; reason: 'chain-gap' | 'chain-broken' | 'chain-fork'; detail: string };

/**
 * Checks a pushed segment against the device's stored head (`headSeq` 0 and the genesis hash when
 * none). Entries the server already holds (a replay overlapping the head) must match; they are
 * dropped from `fresh`. `stored` answers the hash held for an already-appended seq.
 */
export function checkSegment(
  entries: PushedAuditEntry[],
  head: { seq: number; hash: string },
  stored: (seq: number) => string | undefined,
): SegmentCheck {
  let prev: PushedAuditEntry | undefined;
  for (const e of entries) {
    if (prev && (e.seq !== prev.seq + 1 || e.prevHash !== prev.hash))
      return { ok: false, reason: 'chain-broken', detail: `entry ${e.seq} does not follow ${prev.seq}` };
    if (entryHash(e) !== e.hash) return { ok: false, reason: 'chain-broken', detail: `entry ${e.seq}: hash mismatch` };
    prev = e;
  }
  const fresh = entries.filter((e) => e.seq > head.seq);
  for (const e of entries.filter((x) => x.seq <= head.seq)) {
    if (stored(e.seq) !== e.hash) return { ok: false, reason: 'chain-fork', detail: `entry ${e.seq} differs` };
  }
  const first = fresh[0];
  if (first && first.seq !== head.seq + 1)
    return { ok: false, reason: 'chain-gap', detail: `expected entry ${head.seq + 1}, got ${first.seq}` };
  if (first && first.prevHash !== head.hash)
    return { ok: false, reason: 'chain-fork', detail: `entry ${first.seq} does not link to the stored head` };
  return { ok: true, fresh };
}
