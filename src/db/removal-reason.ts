/**
 * Why the leads a transaction deletes leave this device, for the team edition's outbox: a
 * repository that removes leads for a reason other than a plain deletion (a retention purge, a
 * GDPR erasure) says so inside its transaction, and the outbox middleware sends the reason with
 * each `lead.remove` (outbox-middleware.ts). Kept per IndexedDB transaction, so it ends with it.
 */
import Dexie from 'dexie';
import type { LeadRemovalReason } from '../domain/sync/mutation';

const reasons = new WeakMap<object, LeadRemovalReason>();

/** Inside a read-write transaction: the leads it deletes are removed for `reason`. */
export function markLeadRemoval(reason: LeadRemovalReason): void {
  const trans = (Dexie.currentTransaction as { idbtrans?: object } | null)?.idbtrans;
  if (!trans) throw new Error('markLeadRemoval outside a transaction');
  reasons.set(trans, reason);
}

/** The reason the transaction gave, or a plain deletion. */
export function removalReasonOf(trans: object): LeadRemovalReason {
  return reasons.get(trans) ?? 'delete';
}
