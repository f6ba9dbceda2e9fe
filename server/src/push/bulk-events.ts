/**
 * The fast path for the bulk of a push: calls and consents. They touch no other row, so a batch's
 * calls and consents go in with one statement (an INSERT per table, ON CONFLICT DO NOTHING on their
 * ids, and one of their mutation ids), instead of four round trips per mutation. If anything in it fails
 * (one names a lead out of the user's reach: the insert policy refuses it, migration 007; or one
 * names a removed lead),
 * the savepoint rolls it back and the caller applies those mutations one by one (each quarantined
 * on its own reason).
 */
import type { Mutation } from '../protocol/mutations';
import type { ApplyContext } from './context';

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

/**
 * One statement for the whole fast path: the removed-lead check and the three inserts. When any
 * event names a removed lead, nothing is inserted and the caller goes one by one (each such event
 * is quarantined on its own); otherwise every row and mutation id goes in. Fewer round trips
 * matter here: the push holds its organisation's lock until COMMIT.
 */
const BULK_SQL = `
  WITH input_calls AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, lead_id text, at bigint, body jsonb)),
       input_consents AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(id text, lead_id text, at bigint, body jsonb)),
       removed AS (
         SELECT count(*) AS n FROM removed_leads(ARRAY(SELECT lead_id FROM input_calls
                                                       UNION SELECT lead_id FROM input_consents))),
       ins_calls AS (
         INSERT INTO calls (org_id, id, lead_id, at, body, author_id, device_id)
         SELECT app_org_id(), x.id, x.lead_id, x.at, x.body, app_user_id(), $3 FROM input_calls x
          WHERE (SELECT n FROM removed) = 0
         ON CONFLICT DO NOTHING RETURNING 1),
       ins_consents AS (
         INSERT INTO consents (org_id, id, lead_id, at, body, author_id, device_id)
         SELECT app_org_id(), x.id, x.lead_id, x.at, x.body, app_user_id(), $3 FROM input_consents x
          WHERE (SELECT n FROM removed) = 0
         ON CONFLICT DO NOTHING RETURNING 1),
       ins_mutations AS (
         INSERT INTO mutations (org_id, id, author_id, device_id, status)
         SELECT app_org_id(), u, app_user_id(), $3, 'applied' FROM unnest($4::uuid[]) AS u
          WHERE (SELECT n FROM removed) = 0
         ON CONFLICT DO NOTHING RETURNING 1)
  SELECT (SELECT n FROM removed) AS removed,
         (SELECT count(*) FROM ins_calls) + (SELECT count(*) FROM ins_consents) AS inserted`;

/** True when every event and its mutation id are written; false when the caller must go one by one. */
export async function applyBulkEvents(ctx: ApplyContext, events: BulkEvent[]): Promise<boolean> {
  const { calls, consents } = rows(events);
  await ctx.client.query('SAVEPOINT bulk');
  try {
    const { rows: result } = await ctx.client.query<{ removed: string }>(BULK_SQL, [
      JSON.stringify(calls),
      JSON.stringify(consents),
      ctx.deviceId,
      events.map((m) => m.id),
    ]);
    // An event of a removed lead is refused: one by one, so it is quarantined alone.
    if (Number(result[0]!.removed) > 0) {
      await ctx.client.query('ROLLBACK TO SAVEPOINT bulk');
      return false;
    }
    await ctx.client.query('RELEASE SAVEPOINT bulk');
    return true;
  } catch {
    await ctx.client.query('ROLLBACK TO SAVEPOINT bulk');
    return false;
  }
}
