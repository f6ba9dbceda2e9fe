/**
 * The audit trail's hash chain. Each entry's hash is SHA-256 over a canonical JSON of its
 * content and the previous entry's hash, so editing, deleting or reordering any entry
 * breaks every hash after it. Hashing is synchronous (@noble/hashes) because it runs
 * inside IndexedDB transactions, which commit as soon as they wait on anything else.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry } from './audit-entry';

/** The hash that stands before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      // No prototype, so a key named `__proto__` (imported data can carry one) stays content.
      const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hex SHA-256 of bytes (files, exports). */
export function sha256HexBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** The hash an entry must carry, from everything in it but its own hash. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, entity, ids, before, after, note, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, actor, action, entity, ids, before, after, note: note ?? null, prevHash }));
}

export type ChainProblem = { seq: number; index: number; problem: 'hash-mismatch' | 'broken-link' | 'sequence-gap' };

/** Verifies entries in seq order; returns the first problem found, located, or null when intact. */
export function verifyChain(entries: readonly AuditEntry[]): ChainProblem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = entries[0]?.seq ?? 1;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== expectedSeq) return { seq: e.seq, index: i, problem: 'sequence-gap' };
    if (e.prevHash !== prev) return { seq: e.seq, index: i, problem: 'broken-link' };
    if (entryHash(e) !== e.hash) return { seq: e.seq, index: i, problem: 'hash-mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
