/**
 * POST /push: a batch of mutations in ONE transaction, each mutation inside its own savepoint, so a
 * rejected mutation rolls back alone (and is quarantined) while the rest commit together; the reply
 * is sent only after COMMIT, so an acknowledged mutation is durable and an unacknowledged one is
 * retried whole. The per-organisation advisory lock taken first serialises pushes of one
 * organisation: replays of the same batch arriving concurrently see each other's `mutations` rows,
 * and change seqs are assigned in commit order (see docs/team-edition.md, "Cursor").
 */
import type pg from 'pg';
import { withSession, type SessionClaims } from '../db/session';
import { formatHlc } from '../../../src/domain/sync/hlc';
import { mutationSchema, type Mutation, type MutationResult } from '../protocol/mutations';
import { applyLeadPut } from './apply-lead';
import { applyLeadRemove } from './apply-removal';
import { applyAudit, applyCall, applyConsent, applyDnc } from './apply-events';
import { applyBulkEvents, isBulkEvent } from './bulk-events';
import { Rejection, type ApplyContext, type Outcome } from './context';

type RawMutation = { id: string; type: string };
export interface PushInput {
  deviceId: string;
  mutations: RawMutation[];
}

export async function push(pool: pg.Pool, claims: SessionClaims, input: PushInput): Promise<MutationResult[]> {
  const now = Date.now();
  // Checked before the organisation's lock is taken: every millisecond under it delays the next push.
  const parsedById = new Map<string, Mutation | undefined>();
  for (const raw of input.mutations) {
    if (parsedById.has(raw.id)) continue;
    const parsed = mutationSchema.safeParse(raw);
    parsedById.set(raw.id, parsed.success ? parsed.data : undefined);
  }
  return withSession(
    pool,
    claims,
    async (client) => {
      const seen = await earlierOutcomes(
        client,
        input.mutations.map((m) => m.id),
      );
      const earlier = new Set(seen.keys());
      const deferred = new Map<string, MutationResult>();
      const ctx: ApplyContext = {
        client,
        claims,
        deviceId: input.deviceId,
        serverHlc: formatHlc({ wall: now, counter: 0, node: 'server' }),
        now,
      };
      // Each id once: a repeat (within the batch, or of an earlier push) is answered, not applied.
      const first = new Map<string, { raw: RawMutation; parsed?: Mutation }>();
      for (const raw of input.mutations) {
        if (seen.has(raw.id) || first.has(raw.id)) continue;
        const parsed = parsedById.get(raw.id);
        first.set(raw.id, { raw, ...(parsed ? { parsed } : {}) });
      }
      const bulk = [...first.values()].flatMap((f) => (f.parsed && isBulkEvent(f.parsed) ? [f.parsed] : []));
      if (bulk.length && (await applyBulkEvents(ctx, bulk)))
        for (const m of bulk) {
          seen.set(m.id, { id: m.id, status: 'applied' });
          first.delete(m.id);
        }
      for (const { raw } of first.values()) {
        const outcome = await applyInSavepoint(ctx, raw);
        if (outcome.status !== 'deferred') {
          await record(ctx, raw, outcome);
          seen.set(raw.id, { id: raw.id, ...outcome, duplicate: true });
        } else deferred.set(raw.id, { id: raw.id, ...outcome });
      }
      const firstIndex = new Map<string, number>();
      input.mutations.forEach((m, i) => firstIndex.has(m.id) || firstIndex.set(m.id, i));
      return input.mutations.map((raw, i) => answer(raw.id, i));

      /** The first occurrence of an id decided in this push is not a duplicate; every other one is. */
      function answer(id: string, index: number): MutationResult {
        const known = deferred.get(id) ?? seen.get(id)!;
        const fresh = !earlier.has(id) && firstIndex.get(id) === index;
        const { duplicate: _d, ...rest } = known;
        return fresh ? rest : { ...rest, duplicate: true };
      }
    },
    { lockOrg: true },
  );
}

async function applyInSavepoint(ctx: ApplyContext, raw: { id: string; type: string }): Promise<Outcome> {
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    return { status: 'quarantined', reason: 'invalid', detail: detail.slice(0, 1000) };
  }
  await ctx.client.query('SAVEPOINT m');
  try {
    const outcome = await apply(ctx, parsed.data);
    await ctx.client.query(outcome.status === 'deferred' ? 'ROLLBACK TO SAVEPOINT m' : 'RELEASE SAVEPOINT m');
    return outcome;
  } catch (error) {
    await ctx.client.query('ROLLBACK TO SAVEPOINT m');
    if (error instanceof Rejection) return { status: 'quarantined', reason: error.reason, detail: error.detail };
    return { status: 'quarantined', ...classify(error) };
  }
}

function apply(ctx: ApplyContext, m: Mutation): Promise<Outcome> {
  switch (m.type) {
    case 'lead.put':
      return applyLeadPut(ctx, m);
    case 'lead.remove':
      return applyLeadRemove(ctx, m);
    case 'call.add':
      return applyCall(ctx, m);
    case 'consent.add':
      return applyConsent(ctx, m);
    case 'dnc.add':
      return applyDnc(ctx, m);
    case 'audit.append':
      return applyAudit(ctx, m);
  }
}

/** Database refusals a client can cause; anything else is the server's fault and fails the push. */
function classify(error: unknown): { reason: string; detail: string } {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === '42501' || code === '23505') return { reason: 'not-permitted', detail: message };
  if (code === '23503') return { reason: 'unknown-reference', detail: message };
  if (code === '23514' || code === '22P02' || code === '22003') return { reason: 'invalid', detail: message };
  throw error;
}

async function record(ctx: ApplyContext, raw: RawMutation, outcome: Outcome): Promise<void> {
  if (outcome.status === 'quarantined' || outcome.reason) {
    await ctx.client.query(
      `INSERT INTO quarantine (org_id, mutation_id, author_id, device_id, type, payload, reason, detail)
       VALUES (app_org_id(), $1, app_user_id(), $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [raw.id, ctx.deviceId, raw.type, keptPayload(raw, outcome), outcome.reason ?? '', outcome.detail ?? ''],
    );
  }
  await ctx.client.query(
    `INSERT INTO mutations (org_id, id, author_id, device_id, status)
     VALUES (app_org_id(), $1, app_user_id(), $2, $3) ON CONFLICT DO NOTHING`,
    [raw.id, ctx.deviceId, outcome.status],
  );
}

/**
 * What a quarantine row keeps of the mutation: all of it, to show its author — except a write to a
 * removed lead (an erased person's values must not come back through the quarantine), cut to its ids.
 */
function keptPayload(raw: RawMutation, outcome: Outcome): object {
  if (outcome.reason !== 'lead-removed') return raw;
  const m = raw as RawMutation & { leadId?: unknown; call?: { leadId?: unknown }; consent?: { leadId?: unknown } };
  return { id: m.id, type: m.type, leadId: m.leadId ?? m.call?.leadId ?? m.consent?.leadId, redacted: 'lead-removed' };
}

/** Outcomes of mutations this organisation already holds (a replay): answered, never applied again. */
async function earlierOutcomes(client: pg.PoolClient, ids: string[]): Promise<Map<string, MutationResult>> {
  const { rows } = await client.query<{ id: string; status: 'applied' | 'quarantined'; reason: string | null }>(
    `SELECT m.id, m.status, q.reason FROM mutations m
       LEFT JOIN quarantine q ON q.org_id = m.org_id AND q.mutation_id = m.id
      WHERE m.org_id = app_org_id() AND m.id = ANY ($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, status: r.status, ...(r.reason ? { reason: r.reason } : {}) }]));
}
