/**
 * lead.remove, and the guard every other write to a lead passes: a removed lead stays removed.
 * The removal itself is remove_lead() (server/migrations/002): it checks the role and the lead's
 * visibility under row-level security, deletes the lead with its calls and consents, and keeps a
 * tombstone the pull stream carries to every replica that could see the lead.
 */
import type { LeadRemove } from '../protocol/mutations';
import { Rejection, type ApplyContext, type Outcome } from './context';

export async function applyLeadRemove(ctx: ApplyContext, m: LeadRemove): Promise<Outcome> {
  // false: removed before (a replay under a new id, or two devices removing it): nothing to do.
  await ctx.client.query('SELECT remove_lead($1, $2, $3, $4)', [m.leadId, m.reason, m.at, ctx.deviceId]);
  return { status: 'applied' };
}

/** Which of these lead ids were removed (in any team of the organisation). */
export async function removedLeads(ctx: ApplyContext, leadIds: readonly string[]): Promise<Set<string>> {
  if (leadIds.length === 0) return new Set();
  const { rows } = await ctx.client.query<{ id: string }>('SELECT removed_leads AS id FROM removed_leads($1)', [
    [...new Set(leadIds)],
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Refuses a write to a removed lead: an offline edit or call must not bring the person back. */
export async function refuseIfRemoved(ctx: ApplyContext, leadId: string): Promise<void> {
  if ((await removedLeads(ctx, [leadId])).size)
    throw new Rejection('lead-removed', `lead ${leadId} was removed from the organisation`);
}
