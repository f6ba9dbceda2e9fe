/**
 * GET /pull: the changes after the client's cursor, in seq order, one page at a time, read under
 * the caller's row-level security (a team lead's page holds no other team's lead, nor its calls).
 * Leads are state, not history: a lead appears once, at the seq of its latest change, with every
 * field and stamp — so a pull from cursor 0 is a snapshot of the leads plus the event tables. A
 * removed lead is a `removal` (its tombstone; its calls and consents went with it). A lead moved
 * between teams is a `move` for the members of either team (migration 004): `visible` false tells
 * the old team's replicas to drop it; true comes with the lead's calls and consents the replica
 * was not sent before (their seqs behind its cursor), at the move's seq.
 */
import type pg from 'pg';
import { MAX_PULL_PAGE } from '../../../src/domain/sync/pull-page';
import { withSession, type SessionClaims } from '../db/session';

export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = MAX_PULL_PAGE;

export type ChangeKind = 'lead' | 'removal' | 'move' | 'call' | 'consent' | 'dnc' | 'audit' | 'quarantine';
export interface Change {
  seq: number;
  kind: ChangeKind;
  data: Record<string, unknown>;
}
export interface PullPage {
  changes: Change[];
  /** Pass back as `cursor` for the next page (unchanged when there was nothing new). */
  cursor: number;
  more: boolean;
  /**
   * The role and teams the page was read under (the user's as they are now: db/session.ts): a
   * replica compares them with the scope its cursor was pulled under, page by page.
   */
  scope: { role: string; teamIds: string[] };
}

const SOURCES: Record<ChangeKind, string> = {
  lead: `SELECT 'lead' AS kind, seq, jsonb_build_object('id', id, 'teamId', team_id, 'phoneE164', phone_e164,
           'fields', fields, 'clocks', clocks) AS data FROM leads`,
  removal: `SELECT 'removal', seq, jsonb_build_object('leadId', lead_id, 'reason', reason, 'at', at)
              FROM lead_removals`,
  move: `SELECT 'move', seq, jsonb_build_object('leadId', lead_id,
           'visible', EXISTS (SELECT 1 FROM leads l WHERE l.org_id = m.org_id AND l.id = m.lead_id))
           FROM lead_team_moves m`,
  call: `SELECT 'call', seq, body || jsonb_build_object('id', id, 'leadId', lead_id, 'at', at, 'authorId', author_id)
           FROM calls`,
  consent: `SELECT 'consent', seq, body || jsonb_build_object('id', id, 'leadId', lead_id, 'capturedAt', at,
              'authorId', author_id) FROM consents`,
  dnc: `SELECT 'dnc', seq, body || jsonb_build_object('id', id, 'kind', kind, 'phoneE164', phone_e164,
          'leadId', lead_id, 'at', at, 'authorId', author_id) FROM dnc_entries`,
  audit: `SELECT 'audit', seq, jsonb_build_object('deviceId', device_id, 'deviceSeq', device_seq, 'hash', hash,
            'orgPosition', org_position, 'orgPrevHash', org_prev_hash, 'orgHash', org_hash, 'entry', entry)
            FROM audit_entries`,
  quarantine: `SELECT 'quarantine', seq, jsonb_build_object('mutationId', mutation_id, 'deviceId', device_id,
                 'type', type, 'reason', reason, 'detail', detail, 'payload', payload) FROM quarantine`,
};

/**
 * Each source contributes at most `limit + 1` rows after the cursor (an index range scan on (org_id, seq)).
 * `data` leaves PostgreSQL as JSON text and goes into the answer as it is: parsing a page of leads
 * into objects and writing them out again cost the server six times the query itself.
 */
const PULL_SQL = `SELECT kind, seq, data::text AS data FROM (${Object.values(SOURCES)
  .map((sql) => `(${sql} WHERE org_id = app_org_id() AND seq > $1 ORDER BY seq LIMIT $2)`)
  .join('\n UNION ALL ')}) changes ORDER BY seq LIMIT $2`;

/**
 * The calls and consents of leads moved into the caller's view that the stream sent before its
 * cursor (the ones after it come in their own right), read under the same security.
 */
const MOVED_IN_SQL = `SELECT kind, data->>'leadId' AS lead_id, data::text AS data FROM (
  (${SOURCES.call} WHERE org_id = app_org_id() AND lead_id = ANY ($1) AND seq <= $2)
  UNION ALL (${SOURCES.consent} WHERE org_id = app_org_id() AND lead_id = ANY ($1) AND seq <= $2)
) events (kind, seq, data) ORDER BY seq`;

interface Row {
  kind: ChangeKind;
  seq: number;
  data: string;
}

/**
 * Each lead moved into view in this page gets its earlier events once, after its last move here:
 * `{ seq, kind, data }` texts by the index of the move they follow.
 */
async function movedInEvents(
  client: pg.PoolClient,
  page: readonly Row[],
  cursor: number,
): Promise<Map<number, string[]>> {
  const lastMove = new Map<string, number>();
  page.forEach((r, i) => {
    if (r.kind !== 'move') return;
    const move = JSON.parse(r.data) as { leadId: string; visible: boolean };
    if (move.visible) lastMove.set(move.leadId, i);
    else lastMove.delete(move.leadId);
  });
  const after = new Map<number, string[]>();
  if (lastMove.size === 0) return after;
  const { rows } = await client.query<{ kind: ChangeKind; lead_id: string; data: string }>(MOVED_IN_SQL, [
    [...lastMove.keys()],
    cursor,
  ]);
  for (const e of rows) {
    const i = lastMove.get(e.lead_id)!;
    const list = after.get(i) ?? [];
    list.push(`{"seq":${Number(page[i]!.seq)},"kind":"${e.kind}","data":${e.data}}`);
    after.set(i, list);
  }
  return after;
}

/** One page as the JSON text of a `PullPage` (kinds are fixed words, seqs numbers, data PostgreSQL's own JSON). */
export async function pullJson(pool: pg.Pool, claims: SessionClaims, cursor: number, limit: number): Promise<string> {
  return withSession(pool, claims, async (client, session) => {
    const { rows } = await client.query<Row>(PULL_SQL, [cursor, limit + 1]);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const moved = await movedInEvents(client, page, cursor);
    const changes = page.flatMap((r, i) => [
      `{"seq":${Number(r.seq)},"kind":"${r.kind}","data":${r.data}}`,
      ...(moved.get(i) ?? []),
    ]);
    const scope = JSON.stringify({ role: session.role, teamIds: session.teamIds });
    return `{"changes":[${changes.join(',')}],"cursor":${page.length ? Number(page.at(-1)!.seq) : cursor},"more":${more},"scope":${scope}}`;
  });
}
