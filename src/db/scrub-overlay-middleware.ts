/**
 * Every read of a lead sees the latest DNC scrub (domain/compliance/scrub-overlay.ts): the scrub
 * writes one row with the ids it found listed instead of rewriting every lead, and this DBCore
 * middleware lays that row over each lead value read — `get`, `getMany`, queries and cursors —
 * so the grid's engine, exports, the analytics snapshot, the lead drawer, backups and every
 * read-modify-write path see the same check. A write after the scrub stores what it read, so
 * the scrub's facts become the lead's own as leads are edited.
 *
 * Every transaction that reads leads also takes the scrub table, so the scrub read is the one
 * the transaction's snapshot holds. The latest scrub is found by its index key (id and moment,
 * no value read); its set of listed ids is built once per scrub and kept. The methods answer
 * with Dexie's own promise, so a caller's transaction zone survives the extra read (native
 * `async` here lost `Dexie.currentTransaction` in the caller after a few awaits).
 */
import Dexie, {
  type DBCore,
  type DBCoreCursor,
  type DBCoreGetManyRequest,
  type DBCoreGetRequest,
  type DBCoreOpenCursorRequest,
  type DBCoreQueryRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type Middleware,
} from 'dexie';
import { scrubOverlay, withScrub, type ScrubOverlay, type ScrubRecord } from '../domain/compliance/scrub-overlay';
import type { Lead } from '../domain/leads/lead';

const LEADS = 'leads';
const SCRUBS = 'dncScrubs';
/** DBCoreRangeType.Any (a const enum Dexie does not export as a value). */
const RANGE_ANY = 3;

/** What a cursor answers by a getter of its own (IDBCursor's), besides its value. */
const CURSOR_GETTERS = ['key', 'primaryKey', 'direction', 'source', 'request'] as const;

/** The overlay last built, named by the scrub's id and moment (a scrub row is never rewritten). */
let kept: { key: string; overlay: ScrubOverlay | null } | null = null;

async function latestOverlay(scrubs: DBCoreTable, trans: DBCoreTransaction): Promise<ScrubOverlay | null> {
  const index = scrubs.schema.getIndexByKeyPath('at');
  if (!index) return null;
  const cursor = await scrubs.openCursor({
    trans,
    values: false,
    reverse: true,
    query: { index, range: { type: RANGE_ANY, lower: undefined, upper: undefined } },
  });
  if (!cursor) return null;
  const key = `${String(cursor.primaryKey)}@${String(cursor.key)}`;
  if (kept?.key === key) return kept.overlay;
  const row = (await scrubs.get({ trans, key: cursor.primaryKey })) as ScrubRecord | undefined;
  const overlay = row ? scrubOverlay(row) : null;
  kept = { key, overlay };
  return overlay;
}

/**
 * The overlay every read of a lead sees now (null: no scrub stored): for a lead value that did
 * not come through a read (the engine's handed-over writes, db/written-leads.ts).
 */
export async function latestScrubOverlay(db: Dexie): Promise<ScrubOverlay | null> {
  if (!db.tables.some((t) => t.name === SCRUBS)) return null;
  const scrubs = db.table(SCRUBS);
  return db.transaction('r', scrubs, async () => {
    const newest = scrubs.orderBy('at').reverse().limit(1);
    const [[id], [at]] = await Promise.all([newest.primaryKeys(), newest.keys()]);
    if (id === undefined) return null;
    const key = `${String(id)}@${String(at)}`;
    if (kept?.key === key) return kept.overlay;
    const row = (await scrubs.get(id)) as ScrubRecord | undefined;
    const overlay = row ? scrubOverlay(row) : null;
    kept = { key, overlay };
    return overlay;
  });
}

function overlaid(value: unknown, overlay: ScrubOverlay | null): unknown {
  if (!overlay || value === null || typeof value !== 'object') return value;
  return withScrub(value as Lead, overlay);
}

export const scrubOverlayMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'leadledger-scrub-overlay',
  create(down) {
    // An old schema in a migration test may lack either table: nothing to lay over.
    const names = new Set(down.schema.tables.map((t) => t.name));
    if (!names.has(LEADS) || !names.has(SCRUBS)) return down;
    const perTrans = new WeakMap<DBCoreTransaction, Promise<ScrubOverlay | null>>();
    const overlayIn = (trans: DBCoreTransaction): Promise<ScrubOverlay | null> => {
      let found = perTrans.get(trans);
      if (!found) {
        found = latestOverlay(down.table(SCRUBS), trans);
        perTrans.set(trans, found);
      }
      return found;
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        const all = stores.includes(LEADS) && !stores.includes(SCRUBS) ? [...stores, SCRUBS] : stores;
        return down.transaction(all, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== LEADS) return table;
        return {
          ...table,
          get(req: DBCoreGetRequest) {
            return Dexie.Promise.all([overlayIn(req.trans), table.get(req)]).then(([o, v]) => overlaid(v, o));
          },
          getMany(req: DBCoreGetManyRequest) {
            return Dexie.Promise.all([overlayIn(req.trans), table.getMany(req)]).then(([o, rows]) =>
              o ? rows.map((r) => overlaid(r, o)) : rows,
            );
          },
          query(req: DBCoreQueryRequest) {
            if (!req.values) return table.query(req);
            return Dexie.Promise.all([overlayIn(req.trans), table.query(req)]).then(([o, res]) =>
              o ? { ...res, result: res.result.map((r) => overlaid(r, o)) } : res,
            );
          },
          openCursor(req: DBCoreOpenCursorRequest) {
            if (!req.values) return table.openCursor(req);
            return Dexie.Promise.all([overlayIn(req.trans), table.openCursor(req)]).then(([overlay, cursor]) => {
              if (!cursor || !overlay) return cursor;
              // The same object for every read of one position's value, as a plain cursor gives.
              let last: { raw: unknown; out: unknown } | null = null;
              // The browser's cursor answers its own getters only on itself: read through this object
              // (its prototype), `key` threw "Illegal invocation" in Chromium, so every `anyOf`, `each`
              // or filtered read of leads failed once a scrub was stored (fake-indexeddb's do not check).
              return Object.create(cursor, {
                ...Object.fromEntries(
                  CURSOR_GETTERS.map((name) => [
                    name,
                    { get: () => (cursor as unknown as Record<string, unknown>)[name] },
                  ]),
                ),
                value: {
                  get: () => {
                    const raw: unknown = cursor.value;
                    if (last === null || last.raw !== raw) last = { raw, out: overlaid(raw, overlay) };
                    return last.out;
                  },
                },
              }) as DBCoreCursor;
            });
          },
        };
      },
    };
  },
};
