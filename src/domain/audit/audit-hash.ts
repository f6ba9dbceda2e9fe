/**
 * The audit trail's hash chain. Each entry's hash is SHA-256 over a canonical JSON of its
 * content and the previous entry's hash, so editing, deleting or reordering any entry
 * breaks every hash after it. Hashing is synchronous (@noble/hashes) because it runs
 * inside IndexedDB transactions, which commit as soon as they wait on anything else.
 *
 * Format 2 (every entry since schema v003): the hash covers `detailsHash` = SHA-256 of the
 * canonical `{before, after}` rather than the details, and the verifier checks `detailsHash`
 * against the details whenever they are there. "Forget this person" may replace an entry's
 * details with a redaction marker: the entry's other fields, its place and its links still
 * verify; only the erased details can no longer be checked, which is what erasure means.
 * Format 1 (hash over the details) is still verified, for trails restored from old backups.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { AuditEntry, RedactedDetails } from './audit-entry';

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

/** Format-1 hash: over everything but its own hash, the details included. */
export function legacyEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, at, actor, action, entity, ids, before, after, note, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, at, actor, action, entity, ids, before, after, note: note ?? null, prevHash }));
}

/** SHA-256 of an entry's details (format 2): what its hash covers in their place. */
export function detailsHashOf(before: unknown, after: unknown): string {
  return sha256Hex(canonicalJson({ before: before ?? null, after: after ?? null }));
}

/** The hash an entry must carry: format 2 when it has a `detailsHash`, else format 1. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  if (entry.detailsHash === undefined) return legacyEntryHash(entry);
  const { seq, at, actor, action, entity, ids, detailsHash, legacyHash, note, prevHash } = entry;
  return sha256Hex(canonicalJson({ format: 2, seq, at, actor, action, entity, ids, detailsHash, legacyHash: legacyHash ?? null, note: note ?? null, prevHash }));
}

/** A format-2 entry from its content: its details hash, then its hash. */
export function sealEntry(unsealed: Omit<AuditEntry, 'hash' | 'detailsHash'>): AuditEntry {
  const withDetails = { ...unsealed, detailsHash: detailsHashOf(unsealed.before, unsealed.after) };
  return { ...withDetails, hash: entryHash(withDetails) };
}

function isMarker(v: unknown): v is RedactedDetails {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 2 && (v as RedactedDetails).redacted === true && typeof (v as RedactedDetails).at === 'number';
}

/** True when a format-2 entry's details were redacted by an erasure. */
export function isRedacted(entry: Pick<AuditEntry, 'before' | 'after' | 'detailsHash'>): boolean {
  return entry.detailsHash !== undefined && isMarker(entry.before) && isMarker(entry.after);
}

/** The entry with its details replaced by the redaction marker; every hashed field is kept. */
export function redactDetails(entry: AuditEntry, at: number): AuditEntry {
  if (entry.detailsHash === undefined) throw new Error(`Entry #${entry.seq} is in format 1: its details cannot be redacted without breaking the chain.`);
  const marker: RedactedDetails = { redacted: true, at };
  return { ...entry, before: marker, after: { ...marker } };
}

export type ChainProblem = { seq: number; index: number; problem: 'hash-mismatch' | 'details-mismatch' | 'broken-link' | 'sequence-gap' };

/**
 * Verifies entries in seq order; returns the first problem found, located, or null when intact.
 * Once a format-2 entry is seen, a later format-1 entry is a tampered one (a downgrade).
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainProblem | null {
  let prev = GENESIS_HASH;
  let expectedSeq = entries[0]?.seq ?? 1;
  let format2 = false;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== expectedSeq) return { seq: e.seq, index: i, problem: 'sequence-gap' };
    if (e.prevHash !== prev) return { seq: e.seq, index: i, problem: 'broken-link' };
    if (e.detailsHash === undefined && format2) return { seq: e.seq, index: i, problem: 'hash-mismatch' };
    if (e.detailsHash !== undefined) {
      format2 = true;
      if (!isRedacted(e) && detailsHashOf(e.before, e.after) !== e.detailsHash) return { seq: e.seq, index: i, problem: 'details-mismatch' };
    }
    if (entryHash(e) !== e.hash) return { seq: e.seq, index: i, problem: 'hash-mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  return null;
}
