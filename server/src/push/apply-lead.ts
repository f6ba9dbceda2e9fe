/** lead.put: merge the pushed fields into the lead by per-field HLC, under the lead's row lock. */
import { keepDncBlock, mergeLead, type LeadState } from '../../../src/domain/sync/lead-merge';
import { parseHlc } from '../../../src/domain/sync/hlc';
import { IMMUTABLE_FIELDS, TEAM_FIELD } from '../../../src/domain/sync/lead-fields';
import type { LeadPut, Stamped } from '../protocol/mutations';
import { Rejection, type ApplyContext, type Outcome } from './context';
import { refuseIfRemoved } from './apply-removal';

/** A stamp further ahead of the server's clock would win every later edit: refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

interface LeadRow {
  phone_e164: string;
  fields: Record<string, unknown>;
  clocks: Record<string, string>;
}

export async function applyLeadPut(ctx: ApplyContext, m: LeadPut): Promise<Outcome> {
  for (const [name, { hlc }] of Object.entries(m.fields)) {
    if (parseHlc(hlc).wall > ctx.now + MAX_CLOCK_AHEAD_MS)
      throw new Rejection('clock-ahead', `${name} is stamped more than 5 minutes ahead of the server`);
  }
  const { rows } = await ctx.client.query<LeadRow>(
    'SELECT phone_e164, fields, clocks FROM leads WHERE org_id = app_org_id() AND id = $1 FOR UPDATE',
    [m.leadId],
  );
  const row = rows[0];
  if (!row) await refuseIfRemoved(ctx, m.leadId);
  if (row && m.phoneE164 !== undefined && m.phoneE164 !== row.phone_e164)
    throw new Rejection('phone-immutable', 'a lead keeps its number; add a new lead');
  if (!row && (m.phoneE164 === undefined || m.fields[TEAM_FIELD] === undefined))
    throw new Rejection('lead-unknown', 'a lead.put for a lead the server does not hold needs phoneE164 and teamId');

  const current: LeadState = row ? { fields: row.fields, clocks: row.clocks } : { fields: {}, clocks: {} };
  const incoming = withoutImmutableChanges(current, m.fields);
  const merged = mergeLead(current, incoming);
  const phone = row?.phone_e164 ?? (m.phoneE164 as string);
  let state: LeadState = merged;
  let refusedDnc: unknown;
  if (await numberBlocked(ctx, phone)) {
    const kept = keepDncBlock(state, ctx.serverHlc);
    state = kept.state;
    refusedDnc = kept.refused;
  }
  const outcome: Outcome = {
    status: 'applied',
    ...(merged.superseded.length ? { superseded: merged.superseded } : {}),
  };
  if (refusedDnc !== undefined) {
    outcome.superseded = [
      ...(outcome.superseded ?? []),
      { field: 'dncStatus', yours: refusedDnc, kept: 'listed', keptHlc: state.clocks.dncStatus ?? '' },
    ];
  }
  if (row && merged.changed.length === 0 && refusedDnc === undefined) return outcome;

  const teamId = state.fields[TEAM_FIELD] as string;
  if (row) {
    await ctx.client.query(
      'UPDATE leads SET fields = $2, clocks = $3, team_id = $4 WHERE org_id = app_org_id() AND id = $1',
      [m.leadId, state.fields, state.clocks, teamId],
    );
  } else {
    await ctx.client.query(
      `INSERT INTO leads (org_id, id, team_id, phone_e164, fields, clocks, created_by)
       VALUES (app_org_id(), $1, $2, $3, $4, $5, app_user_id())`,
      [m.leadId, teamId, phone, state.fields, state.clocks],
    );
  }
  return outcome;
}

function withoutImmutableChanges(current: LeadState, fields: Record<string, Stamped>): Record<string, Stamped> {
  const out = { ...fields };
  for (const name of IMMUTABLE_FIELDS) if (name in current.fields) delete out[name];
  return out;
}

async function numberBlocked(ctx: ApplyContext, phone: string): Promise<boolean> {
  const { rowCount } = await ctx.client.query(
    'SELECT 1 FROM dnc_entries WHERE org_id = app_org_id() AND phone_e164 = $1 LIMIT 1',
    [phone],
  );
  return (rowCount ?? 0) > 0;
}
