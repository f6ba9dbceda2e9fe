/**
 * What a push's answer means for the outbox: acknowledged mutations leave it (applied,
 * quarantined, duplicates of either); deferred ones stay for the next push; quarantined ones are
 * kept, with their reason, for their author; superseded lead fields are conflicts to show.
 */
import type { SupersededField } from './lead-merge';
import { QUIET_FIELDS } from './lead-diff';

export interface PushResult {
  id: string;
  status: 'applied' | 'quarantined' | 'deferred';
  duplicate?: boolean;
  reason?: string;
  detail?: string;
  superseded?: SupersededField[];
}

export interface Settled {
  acknowledged: string[];
  deferred: string[];
  quarantined: { id: string; reason: string; detail?: string }[];
  conflicts: { id: string; field: SupersededField }[];
}

export function settle(sent: readonly string[], results: readonly PushResult[]): Settled {
  const out: Settled = { acknowledged: [], deferred: [], quarantined: [], conflicts: [] };
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const id of sent) {
    const r = byId.get(id);
    // Not answered: treat as unacknowledged (sent again).
    if (!r || r.status === 'deferred') {
      out.deferred.push(id);
      continue;
    }
    out.acknowledged.push(id);
    if (r.status === 'quarantined')
      out.quarantined.push({ id, reason: r.reason ?? 'unknown', ...(r.detail ? { detail: r.detail } : {}) });
    for (const field of r.superseded ?? []) if (!QUIET_FIELDS.has(field.field)) out.conflicts.push({ id, field });
  }
  return out;
}

/** Milliseconds to wait before retry number `attempt` (1, 2, …): doubling from 2 s, capped at 5 min. */
export function retryDelay(attempt: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}
