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
 * A redaction verifies only when a later `forget` entry names the entry (`after.redactedSeqs`)
 * and dated its marker: replacing the details of an entry nobody erased with the marker is
 * tampering. Format 1 (hash over the details) is still verified, for trails restored from old backups.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { auditEntrySchema, type AuditEntry, type RedactedDetails } from './audit-entry';

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
  return sha256Hex(
    canonicalJson({
      format: 2,
      seq,
      at,
      actor,
      action,
      entity,
      ids,
      detailsHash,
      legacyHash: legacyHash ?? null,
      note: note ?? null,
      prevHash,
    }),
  );
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
  if (entry.detailsHash === undefined)
    throw new Error(`Entry #${entry.seq} is in format 1: its details cannot be redacted without breaking the chain.`);
  const marker: RedactedDetails = { redacted: true, at };
  return { ...entry, before: marker, after: { ...marker } };
}

export type ChainProblemKind =
  /** Not an audit entry at all (a hash of 12345, a missing field): tampering, located. */
  | 'malformed'
  | 'hash-mismatch'
  | 'details-mismatch'
  | 'broken-link'
  | 'sequence-gap'
  /** Details replaced by the redaction marker, but no intact `forget` entry names this entry. */
  | 'unnamed-redaction'
  /** The table ends before the head kept outside it (audit-head.ts): newest entries removed. */
  | 'newest-missing'
  /** The entry at the kept head's seq no longer carries the kept hash: the newest entry rewritten. */
  | 'head-mismatch'
  /** Fewer entries than were appended (kept count), though the head is there. */
  | 'entries-missing';
/** `seq` is the entry's own seq (for a malformed entry without one, the seq expected there); `index` its place in seq order. */
export type ChainProblem = { seq: number; index: number; problem: ChainProblemKind };

/** Which `forget` entries name each redacted seq, with the date their markers carry. */
type Namings = Map<number, { forgetSeq: number; at: number }[]>;

/**
 * The redactions each intact `forget` entry claims (its `after.redactedSeqs`). Only a forget
 * entry whose details and hash verify counts, so a claim cannot be added without breaking the
 * chain at the forget entry (or, for the newest one, at the kept head).
 */
function namedRedactions(entries: readonly AuditEntry[]): Namings {
  const named: Namings = new Map();
  for (const f of entries) {
    if (f.action !== 'forget' || f.detailsHash === undefined || isRedacted(f)) continue;
    if (detailsHashOf(f.before, f.after) !== f.detailsHash || entryHash(f) !== f.hash) continue;
    const seqs = (f.after as { redactedSeqs?: unknown } | null)?.redactedSeqs;
    if (!Array.isArray(seqs)) continue;
    for (const s of seqs)
      if (typeof s === 'number') named.set(s, [...(named.get(s) ?? []), { forgetSeq: f.seq, at: f.at }]);
  }
  return named;
}

/** A redaction is genuine when a later forget entry names the entry and dated the marker. */
function isNamed(e: AuditEntry, named: Namings): boolean {
  const at = (e.before as RedactedDetails).at;
  return (named.get(e.seq) ?? []).some((n) => n.forgetSeq > e.seq && n.at === at);
}

/**
 * Every problem, in seq order, each located. After a problem the walk resynchronises on the
 * entry's own seq and hash, so one tampered entry is reported once and later ones still are.
 * Once a format-2 entry is seen, a later format-1 entry is a tampered one (a downgrade).
 * `rows` are whatever the table holds: a row that is not an audit entry is `malformed`, never a throw.
 */
export function verifyChainAll(rows: readonly unknown[]): ChainProblem[] {
  const parsed = rows.map((r) => auditEntrySchema.safeParse(r));
  const named = namedRedactions(parsed.flatMap((p) => (p.success ? [p.data] : [])));
  const problems: ChainProblem[] = [];
  const first = parsed[0]?.success ? parsed[0].data.seq : undefined;
  // null: the entry before was malformed, so there is nothing to check this one's link and seq against.
  let prev: string | null = GENESIS_HASH;
  let expectedSeq: number | null = first ?? 1;
  let format2 = false;
  for (let i = 0; i < rows.length; i++) {
    const p = parsed[i]!;
    if (!p.success) {
      const seq = (rows[i] as { seq?: unknown } | null)?.seq;
      const own = typeof seq === 'number' && Number.isInteger(seq) ? seq : null;
      problems.push({ seq: own ?? expectedSeq ?? 0, index: i, problem: 'malformed' });
      prev = null;
      expectedSeq = own === null ? null : own + 1;
      continue;
    }
    const e = p.data;
    const problem = entryProblem(e, prev, expectedSeq, format2, named);
    if (problem) problems.push({ seq: e.seq, index: i, problem });
    if (e.detailsHash !== undefined) format2 = true;
    prev = e.hash;
    expectedSeq = e.seq + 1;
  }
  return problems;
}

function entryProblem(
  e: AuditEntry,
  prev: string | null,
  expectedSeq: number | null,
  format2: boolean,
  named: Namings,
): ChainProblemKind | null {
  if (expectedSeq !== null && e.seq !== expectedSeq) return 'sequence-gap';
  if (prev !== null && e.prevHash !== prev) return 'broken-link';
  if (e.detailsHash === undefined && format2) return 'hash-mismatch';
  if (e.detailsHash !== undefined) {
    if (isRedacted(e)) {
      if (!isNamed(e, named)) return 'unnamed-redaction';
    } else if (detailsHashOf(e.before, e.after) !== e.detailsHash) return 'details-mismatch';
  }
  if (entryHash(e) !== e.hash) return 'hash-mismatch';
  return null;
}

/** The first problem found, located, or null when intact (see `verifyChainAll`). */
export function verifyChain(rows: readonly unknown[]): ChainProblem | null {
  return verifyChainAll(rows)[0] ?? null;
}
