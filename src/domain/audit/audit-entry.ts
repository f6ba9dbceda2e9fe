/** An audit entry: append-only and hash-chained (each entry hashes its content and the previous hash). */
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
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'at' | 'actor'>;
