/**
 * The fast path for the bulk of a push: calls and consents. They touch no other row, so a batch's
 * calls and consents go in with one INSERT per table (ON CONFLICT DO NOTHING on their ids) and one
 * INSERT of their mutation ids, instead of four round trips per mutation. If anything in it fails
 * (or one names a removed lead),
 * the savepoint rolls it back and the caller applies those mutations one by one (each quarantined
 * on its own reason).
 */
import type { Mutation } from '../protocol/mutations';
import type { ApplyContext } from './context';
import { removedLeads } from './apply-removal';

export type BulkEvent = Extract<Mutation, { type: 'call.add' | 'consent.add' }>;

export const isBulkEvent = (m: Mutation): m is BulkEvent => m.type === 'call.add' || m.type === 'consent.add';

function rows(events: BulkEvent[]) {
  const calls: object[] = [];
  const consents: object[] = [];
  for (const m of events) {
    if (m.type === 'call.add') {
      const { id, leadId, at, ...body } = m.call;
      calls.push({ id, lead_id: leadId, at, body });
    } else {
      const { id, leadId, capturedAt, ...body } = m.consent;
      consents.push({ id, lead_id: leadId, at: capturedAt, body });
    }
  }
  return { calls, consents };
}

const insertSql = (table: 'calls' | 'consents') =>
  `INSERT INTO ${table} (org_id, id, lead_id, at, body, author_id, device_id)
   SELECT app_org_id(), x.id, x.lead_id, x.at, x.body, app_user_id(), $2
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, lead_id text, at bigint, body jsonb)
   ON CONFLICT DO NOTHING`;

/** True when every event and its mutation id are written; false when the caller must go one by one. */
export async function applyBulkEvents(ctx: ApplyContext, events: BulkEvent[]): Promise<boolean> {
  // An event of a removed lead is refused: one by one, so it is quarantined alone.
  const leadIds = events.map((m) => (m.type === 'call.add' ? m.call.leadId : m.consent.leadId));
  if ((await removedLeads(ctx, leadIds)).size) return false;
  const { calls, consents } = rows(events);
  await ctx.client.query('SAVEPOINT bulk');
  try {
    if (calls.length) await ctx.client.query(insertSql('calls'), [JSON.stringify(calls), ctx.deviceId]);
    if (consents.length) await ctx.client.query(insertSql('consents'), [JSON.stringify(consents), ctx.deviceId]);
    await ctx.client.query(
      `INSERT INTO mutations (org_id, id, author_id, device_id, status)
       SELECT app_org_id(), u, app_user_id(), $2, 'applied' FROM unnest($1::uuid[]) AS u ON CONFLICT DO NOTHING`,
      [events.map((m) => m.id), ctx.deviceId],
    );
    await ctx.client.query('RELEASE SAVEPOINT bulk');
    return true;
  } catch {
    await ctx.client.query('ROLLBACK TO SAVEPOINT bulk');
    return false;
  }
}
