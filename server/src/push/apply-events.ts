/**
 * Append-only events: inserted with ON CONFLICT DO NOTHING on their client-generated id, so a
 * replay is a no-op. A DNC entry also blocks the number on every lead of the organisation.
 */
import type { AuditAppend, Mutation, PushedAuditEntry } from '../protocol/mutations';
import { checkSegment, GENESIS_HASH, orgChainHash } from '../protocol/audit-chain';
import { Rejection, type ApplyContext, type Outcome } from './context';
import { refuseIfRemoved } from './apply-removal';

type Of<T extends Mutation['type']> = Extract<Mutation, { type: T }>;
const APPLIED: Outcome = { status: 'applied' };

/** A call or a consent event: one row of a lead's history, the rest of the event kept as its body. */
async function insertLeadEvent(
  ctx: ApplyContext,
  table: 'calls' | 'consents',
  row: { id: string; leadId: string; at: number; body: object },
): Promise<Outcome> {
  await refuseIfRemoved(ctx, row.leadId);
  try {
    await ctx.client.query(
      `INSERT INTO ${table} (org_id, id, lead_id, at, body, author_id, device_id)
       VALUES (app_org_id(), $1, $2, $3, $4, app_user_id(), $5) ON CONFLICT DO NOTHING`,
      [row.id, row.leadId, row.at, row.body, ctx.deviceId],
    );
  } catch (error) {
    // The insert policy's one refusal the API's own values can meet: the lead is out of the
    // user's reach (migration 007). Named here, the rule itself stays in the policy alone.
    if ((error as { code?: string }).code === '42501') throw new Rejection('lead-out-of-reach', `lead ${row.leadId}`);
    throw error;
  }
  return APPLIED;
}

export function applyCall(ctx: ApplyContext, m: Of<'call.add'>): Promise<Outcome> {
  const { id, leadId, at, ...body } = m.call;
  return insertLeadEvent(ctx, 'calls', { id, leadId, at, body });
}

export function applyConsent(ctx: ApplyContext, m: Of<'consent.add'>): Promise<Outcome> {
  const { id, leadId, capturedAt, ...body } = m.consent;
  return insertLeadEvent(ctx, 'consents', { id, leadId, at: capturedAt, body });
}

export async function applyDnc(ctx: ApplyContext, m: Of<'dnc.add'>): Promise<Outcome> {
  const { id, kind, phoneE164, leadId, at, ...body } = m.dnc;
  await ctx.client.query(
    `INSERT INTO dnc_entries (org_id, id, kind, phone_e164, lead_id, at, body, author_id, device_id)
     VALUES (app_org_id(), $1, $2, $3, $4, $5, $6, app_user_id(), $7) ON CONFLICT DO NOTHING`,
    [id, kind, phoneE164, leadId ?? null, at, body, ctx.deviceId],
  );
  // Idempotent: leads already `listed` are left alone, so a replay changes nothing.
  await ctx.client.query('SELECT block_number($1, $2)', [phoneE164, ctx.serverHlc]);
  return APPLIED;
}

interface AuditRow {
  device_seq: string | number;
  hash: string;
}

export async function applyAudit(ctx: ApplyContext, m: AuditAppend): Promise<Outcome> {
  const seqs = m.entries.map((e) => e.seq);
  const { rows } = await ctx.client.query<AuditRow>(
    `(SELECT device_seq, hash FROM audit_entries WHERE org_id = app_org_id() AND device_id = $1
       ORDER BY device_seq DESC LIMIT 1)
     UNION SELECT device_seq, hash FROM audit_entries
      WHERE org_id = app_org_id() AND device_id = $1 AND device_seq = ANY ($2::bigint[])`,
    [ctx.deviceId, seqs],
  );
  const held = new Map(rows.map((r) => [Number(r.device_seq), r.hash]));
  const headSeq = rows.reduce((max, r) => Math.max(max, Number(r.device_seq)), 0);
  const head = { seq: headSeq, hash: held.get(headSeq) ?? GENESIS_HASH };
  const check = checkSegment(m.entries, head, (seq) => held.get(seq));
  if (!check.ok) {
    if (check.reason === 'chain-gap') return { status: 'deferred', reason: check.reason, detail: check.detail };
    throw new Rejection(check.reason, check.detail);
  }
  if (check.fresh.length === 0) return APPLIED;
  // The organisation's chain: one position after another, under the push's organisation lock.
  const { rows: orgHead } = await ctx.client.query<{ org_position: string | number; org_hash: string }>(
    `SELECT org_position, org_hash FROM audit_entries_org_head()`,
  );
  let position = Number(orgHead[0]?.org_position ?? 0);
  let orgPrev = orgHead[0]?.org_hash ?? GENESIS_HASH;
  for (const e of check.fresh) {
    const orgHash = orgChainHash(orgPrev, e.hash);
    position += 1;
    await ctx.client.query(
      `INSERT INTO audit_entries (org_id, device_id, device_seq, prev_hash, hash, entry, org_position,
                                  org_prev_hash, org_hash, author_id)
       VALUES (app_org_id(), $1, $2, $3, $4, $5, $6, $7, $8, app_user_id())`,
      [ctx.deviceId, e.seq, e.prevHash, e.hash, e, position, orgPrev, orgHash],
    );
    orgPrev = orgHash;
  }
  // An erasure on the device: the entries its `forget` entries name lose their details here too.
  for (const e of check.fresh) {
    const named = redactedBy(e);
    if (named)
      await ctx.client.query('SELECT redact_audit_entries($1, $2::bigint[], $3, $4)', [
        ctx.deviceId,
        named.seqs,
        e.at,
        named.leadSyncId,
      ]);
  }
  return APPLIED;
}

/**
 * The earlier entries of its own device a `forget` entry says it redacted (migration 006), as the
 * app's verifier reads them (src/domain/audit/audit-hash.ts: a format-2 entry, seqs before its
 * own), and the team's id of the lead it erased (`leadSyncId`); null when it names none of either.
 */
function redactedBy(e: PushedAuditEntry): { seqs: number[]; leadSyncId: string } | null {
  if (e.action !== 'forget' || e.detailsHash === undefined) return null;
  const after = e.after as { redactedSeqs?: unknown; leadSyncId?: unknown } | null | undefined;
  if (!Array.isArray(after?.redactedSeqs) || typeof after.leadSyncId !== 'string') return null;
  const seqs = after.redactedSeqs.filter((s): s is number => Number.isInteger(s) && s > 0 && s < e.seq);
  return seqs.length ? { seqs, leadSyncId: after.leadSyncId } : null;
}
