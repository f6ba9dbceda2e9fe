/**
 * The change log every tracked write leaves (db/data-version.ts), read: what was written since a
 * data version, whether a lead's row or verdict may have moved, whether one version leads to
 * another. The engine's catch-up, its column reads and the DNC matches follow it.
 */
import { LOG_PREFIX, type ChangeLogRow } from '../data-version';
import type { LeadsDb } from '../leads-db';
import { readDataVersion } from './engine-snapshot-repo';

/**
 * Whether any lead's row (its own fields, not its history) was written since data version
 * `since`: 'none' when the log reaches the current version through writes to other tables only
 * (calls, consents, DNC lists and versions, settings, scrub records: a lead's stored number is
 * as it was), 'some' otherwise — or when the log does not reach.
 */
export async function leadRowsWrittenSince(db: LeadsDb, since: string | null): Promise<'none' | 'some'> {
  const changes = await changesSince(db, since);
  return changes !== 'unreachable' && !changes.tables.has('leads') && !changes.tables.has('?') ? 'none' : 'some';
}

/** Whether the change log leads from version `from` to version `to` (`to` is `from` or came after it). */
export async function logLeads(db: LeadsDb, from: string, to: string): Promise<boolean> {
  return from === to || stepsBetween((await readChangeLog(db)).rows, from, to) !== null;
}

/**
 * The log's steps from version `from` to version `to`, each the rows written after one version;
 * null when the log does not lead there (pruned, unknown, or `to` not after `from`). Rows of one
 * transaction share a token; a log written before that was so may fork where one transaction's
 * requests each took a token: a step holds every branch's rows, and the walk goes on from the
 * branch the log continues from (the others are dead ends).
 */
function stepsBetween(rows: readonly ChangeLogRow[], from: string, to: string): ChangeLogRow[][] | null {
  const byPrev = new Map<string, ChangeLogRow[]>();
  for (const r of rows) if (r.prev !== null) (byPrev.get(r.prev) ?? byPrev.set(r.prev, []).get(r.prev)!).push(r);
  const steps: ChangeLogRow[][] = [];
  for (let at = from; at !== to;) {
    const step = byPrev.get(at);
    if (!step || steps.length > rows.length) return null;
    steps.push(step);
    const next = new Set(step.map((r) => r.token));
    at = [...next].find((t) => t === to || byPrev.has(t)) ?? step[0]!.token;
  }
  return steps;
}

/** The writes since a version that may move everyone and that the engine lays onto its columns. */
export interface LaidWrites {
  /** A scrub row added (scrub-into-columns.ts). */
  scrubs: boolean;
  /** The ids of the DNC list versions added (version-into-columns.ts). */
  versions: number[];
  /** The hashes of the numbers of each DNC file's worth of entries written (their leads are judged again). */
  phoneHashes: Uint32Array[];
}

/**
 * Everything written since data version `since`, by following the change log: the lead ids
 * touched, those of them whose history (calls, consents, requests, DNC entries) was written —
 * the others had only their lead row written —, and whether a write may have moved every lead
 * (`full`), up to the current version; 'unreachable' when the log does not lead from `since` to
 * it (pruned, unknown version).
 */
export async function changesSince(
  db: LeadsDb,
  since: string | null,
): Promise<
  | {
      dataVersion: string;
      leadIds: Set<number>;
      historyIds: Set<number>;
      full: boolean;
      /**
       * When every write that may have moved everyone is one the engine lays onto its columns (a scrub
       * row or a DNC list version added, a DNC file's entries logged by their numbers' hashes): which
       * of them there were. Null when some other such write was made (or none was).
       */
      laid: LaidWrites | null;
      tables: Set<string>;
      /**
       * The hashes of the numbers of every DNC entry written (added or removed); null when some
       * such write was logged without them (more than a file's worth, a range deleted, a row
       * logged before they were, or of no known table).
       */
      dncHashes: Uint32Array[] | null;
      /**
       * The token of the transaction that wrote each lead of `leadIds` last (null where that step of
       * the log forked, so which branch came last is unknown): the engine takes that transaction's
       * handed-over value of the lead (workers/grid-written-leads.ts).
       */
      lastToken: Map<number, string | null>;
      /** Every token the walk passed. */
      tokens: Set<string>;
    }
  | 'unreachable'
> {
  const { dataVersion, rows } = await readChangeLog(db);
  if (since === null || dataVersion === null) return 'unreachable';
  const steps = stepsBetween(rows, since, dataVersion);
  if (!steps) return 'unreachable';
  const leadIds = new Set<number>();
  const historyIds = new Set<number>();
  // The tables written ('?' for a row logged before rows named theirs: it may be any).
  const tables = new Set<string>();
  let full = false;
  let fullByOther = false;
  const laid: LaidWrites = { scrubs: false, versions: [], phoneHashes: [] };
  let dncHashes: Uint32Array[] | null = [];
  const lastToken = new Map<number, string | null>();
  const tokens = new Set<string>();
  for (const step of steps) {
    const token = step.every((r) => r.token === step[0]!.token) ? step[0]!.token : null;
    for (const r of step) {
      tokens.add(r.token);
      for (const id of r.leadIds) lastToken.set(id, token);
    }
  }
  for (const r of steps.flat()) {
    if (r.table === 'dncEntries' || r.table === undefined) {
      const hashes = r.phoneHashes ?? r.listedHashes;
      if (hashes) dncHashes?.push(hashes);
      else dncHashes = null;
    }
    full ||= r.full;
    if (r.scrubAdded) laid.scrubs = true;
    else if (r.versionsAdded) laid.versions.push(...r.versionsAdded);
    else if (r.phoneHashes) laid.phoneHashes.push(r.phoneHashes);
    else fullByOther ||= r.full;
    tables.add(r.table ?? '?');
    for (const id of r.leadIds) leadIds.add(id);
    if (r.table !== 'leads') for (const id of r.leadIds) historyIds.add(id);
  }
  return {
    dataVersion,
    leadIds,
    historyIds,
    full,
    laid: full && !fullByOther ? laid : null,
    tables,
    dncHashes,
    lastToken,
    tokens,
  };
}

/** The current token and the change log, read together. */
export async function readChangeLog(db: LeadsDb): Promise<{ dataVersion: string | null; rows: ChangeLogRow[] }> {
  return db.transaction('r', db.changes, async () => ({
    dataVersion: await readDataVersion(db),
    rows: (await db.changes.where('key').startsWith(LOG_PREFIX).toArray()) as unknown as ChangeLogRow[],
  }));
}
