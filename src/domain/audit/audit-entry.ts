/**
 * An audit entry: append-only and hash-chained (each entry hashes its content and the previous hash).
 * Format 2 (schema v003 on): the hash covers `detailsHash`, a SHA-256 of `before`/`after`, instead
 * of the details themselves, so an erasure can redact the details and the chain still verifies.
 */
import { z } from 'zod';
import { epochMs } from '../leads/lead';

export const AUDIT_ACTIONS = [
  'create',
  'edit',
  'bulk-edit',
  'delete',
  'undo',
  'purge',
  'dnc-scrub',
  'dnc-add',
  'dnc-import',
  'consent',
  'import',
  'rollback',
  'export',
  'settings',
  'seed',
  'restore',
  'forget',
  'upgrade',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: epochMs,
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string(),
  ids: z.array(z.union([z.number(), z.string()])),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().optional(),
  /** Format 2: SHA-256 of canonical `{before, after}`; absent on format-1 entries. */
  detailsHash: z.string().optional(),
  /** Format 2 entries rewritten by the v003 upgrade: the entry's format-1 hash, so old anchors still match. */
  legacyHash: z.string().optional(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'at' | 'actor' | 'detailsHash' | 'legacyHash'>;

/** What stands in `before` and `after` once an erasure has redacted an entry's details. */
export interface RedactedDetails {
  redacted: true;
  at: number;
}
