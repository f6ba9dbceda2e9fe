/** The rows of the team edition's client tables (schema v007; decision 031). */
import { z } from 'zod';
import type { Stamped } from './lead-merge';
import type { SyncMutation } from './mutation';

/** A mutation waiting to be pushed; `seq` is write order. */
export interface OutboxRow {
  seq: number;
  at: number;
  mutation: SyncMutation;
}

/** Tables whose rows have sync ids. DNC entries are keyed by number (one per number). */
export type SyncedTable = 'leads' | 'calls' | 'consents' | 'dncEntries';

/** A local id ↔ sync id; for a lead, also the stamp of each synced field and its team. */
export interface SyncIdRow {
  table: SyncedTable;
  localId: number | string;
  syncId: string;
  clocks?: Record<string, string>;
  team?: Stamped;
  /** A lead's synced fields as last queued or pulled: what the next write is compared with. */
  wire?: Record<string, unknown>;
  /**
   * The lead left the team's data (deleted, purged or erased, here or on another device): nothing
   * of it is sent or taken again. The row keeps only the ids (no fields: an erased person's values
   * must not stay here).
   */
  removed?: true;
}

/** A conflict (a field edited in two places: the value kept and the one that lost) or a quarantined mutation. */
export interface SyncIssue {
  id?: number;
  at: number;
  kind: 'conflict' | 'quarantine';
  mutationId: string;
  /** The lead's local id, when the issue concerns a lead this device holds. */
  leadId?: number;
  field?: string;
  yours?: unknown;
  kept?: unknown;
  reason?: string;
  detail?: string;
}

/** Who signed in to which server; team mode is on while `enabled`. The token is not stored here. */
export const teamConfigSchema = z.object({
  enabled: z.boolean(),
  serverUrl: z.string().url(),
  email: z.string(),
  userId: z.string(),
  orgId: z.string(),
  role: z.string(),
  teamIds: z.array(z.string()),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

/** syncState keys. */
export const SYNC_KEYS = {
  team: 'team',
  device: 'device',
  hlc: 'hlc',
  cursor: 'cursor',
  status: 'status',
  /** The mark of the filter of held sync ids a large pull keeps (held-filter-repo.ts). */
  heldMark: 'heldMark',
} as const;

/** The last push/pull as the sync status shows it. */
export interface SyncStatus {
  lastSyncedAt?: number;
  error?: string;
  errorAt?: number;
}
