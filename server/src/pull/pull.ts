/**
 * GET /pull: the changes after the client's cursor, in seq order, one page at a time, read under
 * the caller's row-level security (a team lead's page holds no other team's lead, nor its calls).
 * Leads are state, not history: a lead appears once, at the seq of its latest change, with every
 * field and stamp — so a pull from cursor 0 is a snapshot of the leads plus the event tables. A
 * removed lead is a `removal` (its tombstone; its calls and consents went with it).
 */
import type pg from 'pg';
import { withSession, type SessionClaims } from '../db/session';

export const DEFAULT_PAGE = 1000;
export const MAX_PAGE = 5000;

export type ChangeKind = 'lead' | 'removal' | 'call' | 'consent' | 'dnc' | 'audit' | 'quarantine';
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
}

const SOURCES: Record<ChangeKind, string> = {
  lead: `SELECT 'lead' AS kind, seq, jsonb_build_object('id', id, 'teamId', team_id, 'phoneE164', phone_e164,
           'fields', fields, 'clocks', clocks) AS data FROM leads`,
  removal: `SELECT 'removal', seq, jsonb_build_object('leadId', lead_id, 'reason', reason, 'at', at)
              FROM lead_removals`,
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

/** One page as the JSON text of a `PullPage` (kinds are fixed words, seqs numbers, data PostgreSQL's own JSON). */
export async function pullJson(pool: pg.Pool, claims: SessionClaims, cursor: number, limit: number): Promise<string> {
  return withSession(pool, claims, async (client) => {
    const { rows } = await client.query<{ kind: ChangeKind; seq: number; data: string }>(PULL_SQL, [cursor, limit + 1]);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const changes = page.map((r) => `{"seq":${Number(r.seq)},"kind":"${r.kind}","data":${r.data}}`);
    return `{"changes":[${changes.join(',')}],"cursor":${page.length ? Number(page.at(-1)!.seq) : cursor},"more":${more}}`;
  });
}
