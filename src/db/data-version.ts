/**
 * The data version and its change log. Every transaction that writes a table the verdict or the
 * grid reads rewrites one token (`dataVersion`) and, per write request, a log row naming the
 * token before and after it and what the request touched: lead ids (a lead written, its call or
 * consent, or a lead whose number a DNC entry names — looked up in the same transaction, so no
 * number is ever written to the log), or `full` (a list, a version or the organisation's settings — everyone's
 * verdict may move —, a range deleted, or a DNC file's worth of entries: logged as 32-bit hashes
 * of their numbers, which name no number; the entries themselves are kept in their table anyway). A cache built from the data (the grid's snapshot)
 * records the token it reflects and catches up by following the log from it; where the log does
 * not reach, it is rebuilt. A random token rather than a counter, so a restore that brings back
 * old rows can never bring back an old version.
 * Implemented once, under every repository, as a Dexie DBCore middleware: no write path can forget it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { SETTINGS_KEY } from './repos/settings-read-repo';
import { hash32 } from '../domain/columns/hash-strings';
import { handOverLeads, stopHandOver, type HandOver } from './written-leads';

/** DBCore's "equal" key range type (DBCoreRangeType.Equal: a const enum Dexie does not export as a value). */
const RANGE_EQUAL = 1;
/** More DNC entries than this in one request (a list file) are not mapped to leads one by one, in the writer's transaction. */
const DNC_ENTRIES_MAPPED = 1_000;
/**
 * Up to this many, their numbers' 32-bit hashes are logged instead (a version's diff: the engine
 * finds the leads to judge again by hashing its own column of numbers); more (a first import of a
 * national list) move everyone: the engine is rebuilt.
 */
const DNC_ENTRIES_HASHED = 250_000;

/** Tables whose writes can change a lead's row in the grid, its verdict or the engine's answers. */
export const TRACKED_TABLES: ReadonlySet<string> = new Set([
  'leads',
  'calls',
  'consents',
  'consentRequests',
  'dncLists',
  'dncListVersions',
  'dncEntries',
  'dncScrubs',
  'settings',
  'sources',
  'campaigns',
]);
/** Writes that may move every lead's verdict (a scrub is laid over every lead it checked: scrub-overlay.ts). */
const WHOLE_TABLES: ReadonlySet<string> = new Set(['dncLists', 'dncListVersions', 'dncScrubs', 'settings']);
/** The table of the token and the log (v008): not the engine's cache, whose snapshot saves would hold every write up. */
export const CHANGES_TABLE = 'changes';
export const DATA_VERSION_KEY = 'dataVersion';
export const LOG_PREFIX = 'log:';

/** One write request's entry in the change log. */
export interface ChangeLogRow {
  key: string;
  prev: string | null;
  token: string;
  at: number;
  leadIds: number[];
  full: boolean;
  /** The table written (rows logged before it was recorded have none: read as a history change). */
  table?: string;
  /** A scrub row added (`full`: it moves every lead it checked, which the engine lays onto its columns without a rebuild). */
  scrubAdded?: true;
  /** The ids of DNC list versions added (`full`: every lead is stale for the list until checked against it; laid onto the columns). */
  versionsAdded?: number[];
  /**
   * A DNC file's worth of entries written (`full` to a reader that does not know this field): the
   * 32-bit hashes (hash32) of their numbers, never a number. The leads whose number hashes to one
   * of them are judged again (a few more than need it share a hash: judged again for nothing).
   */
  phoneHashes?: Uint32Array;
  /**
   * A few DNC entries written (a request, a removal: their leads are named in `leadIds`): the
   * hashes of their numbers too, so the engine's set of listed numbers (listed-numbers-repo.ts)
   * follows every entry written without reading the table again.
   */
  listedHashes?: Uint32Array;
}

interface TxState {
  /** The version before the transaction, read once (the token is stored over it in the same step). */
  prev: Promise<string | null>;
  token: string;
  n: number;
  /** One instant for all of a transaction's rows, so pruning takes or keeps them together. */
  at: number;
  /** The lead values handed to the engine (written-leads.ts). */
  handOver: HandOver;
}

/** What a request touched, read from its values, its keys or (for deletes of calls and consents) the rows it deletes. */
async function touched(
  name: string,
  table: DBCoreTable,
  leads: DBCoreTable,
  req: DBCoreMutateRequest,
  results: unknown[] | undefined,
): Promise<Pick<ChangeLogRow, 'leadIds' | 'full' | 'scrubAdded' | 'versionsAdded' | 'phoneHashes' | 'listedHashes'>> {
  const none = { leadIds: [], full: false };
  if (req.type === 'deleteRange') return { ...none, full: true };
  // Of the settings table, the verdict reads the organisation's row alone; the rest is bookkeeping
  // (`flag:…`: the audit head, the last backup, keys; `import-mapping:…`: the columns an import used).
  if (name === 'settings') {
    const keys = req.type === 'delete' ? req.keys : req.values.map((v) => (v as { key?: unknown }).key);
    return { ...none, full: keys.some((k) => k === SETTINGS_KEY || typeof k !== 'string') };
  }
  if (name === 'dncScrubs' && req.type === 'add') return { ...none, full: true, scrubAdded: true };
  if (name === 'dncListVersions' && req.type === 'add') {
    const ids = (results ?? req.values.map((v) => (v as { id?: unknown }).id)).filter(
      (k): k is number => typeof k === 'number',
    );
    // Ids unknown (none given back): an ordinary "may move everyone" write.
    return ids.length === req.values.length ? { ...none, full: true, versionsAdded: ids } : { ...none, full: true };
  }
  if (WHOLE_TABLES.has(name)) return { ...none, full: true };
  if (name === 'leads') {
    const keys =
      req.type === 'delete' ? req.keys : (results ?? req.keys ?? req.values.map((v) => (v as { id?: number }).id));
    return { ...none, leadIds: (keys as unknown[]).filter((k): k is number => typeof k === 'number') };
  }
  if (name === 'calls' || name === 'consents' || name === 'consentRequests') {
    const rows = req.type === 'delete' ? await table.getMany({ trans: req.trans, keys: req.keys }) : req.values;
    return {
      ...none,
      leadIds: rows.flatMap((r) =>
        typeof (r as { leadId?: unknown })?.leadId === 'number' ? [(r as { leadId: number }).leadId] : [],
      ),
    };
  }
  if (name === 'dncEntries') {
    const phones =
      req.type === 'delete'
        ? (req.keys as [string, string][]).map((k) => k[1])
        : req.values.map((v) => (v as { phoneE164: string }).phoneE164);
    if (phones.length > DNC_ENTRIES_HASHED) return { ...none, full: true };
    const hashes = new Uint32Array(phones.length);
    for (let i = 0; i < phones.length; i++) hashes[i] = typeof phones[i] === 'string' ? hash32(phones[i]!) : 0;
    if (phones.length > DNC_ENTRIES_MAPPED) return { ...none, full: true, phoneHashes: hashes };
    const index = leads.schema.getIndexByKeyPath('phoneE164');
    if (!index) return { ...none, full: true };
    const leadIds: number[] = [];
    for (const phone of new Set(phones.filter((p) => typeof p === 'string'))) {
      const found = await leads.query({
        trans: req.trans,
        values: false,
        query: { index, range: { type: RANGE_EQUAL, lower: phone, upper: phone, lowerOpen: false, upperOpen: false } },
      });
      for (const id of found.result) if (typeof id === 'number') leadIds.push(id);
    }
    return { ...none, leadIds, listedHashes: hashes };
  }
  // Sources and campaigns: a new version, nothing a grid row holds.
  return none;
}

export const dataVersionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'leadledger-data-version',
  create(down) {
    // An older schema (a migration test opening v1–v7) has no change-log table: nothing to stamp.
    if (!down.schema.tables.some((t) => t.name === CHANGES_TABLE)) return down;
    const states = new WeakMap<DBCoreTransaction, TxState>();
    /** Transactions whose first write to the leads failed part way, before they had a state: nothing of them is handed over. */
    const failedLeadWrites = new WeakSet<DBCoreTransaction>();
    const changes = () => down.table(CHANGES_TABLE);
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((s) => TRACKED_TABLES.has(s)))
          return down.transaction(stores, mode, options);
        // The change-log table for the token and the log; the leads, to name the leads a DNC entry concerns.
        const extra = [CHANGES_TABLE, ...(stores.includes('dncEntries') ? ['leads'] : [])].filter(
          (s) => !stores.includes(s),
        );
        return down.transaction([...stores, ...extra], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!TRACKED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            // Not inside a schema upgrade: the change-log store may not exist yet at that step.
            if ((req.trans as unknown as IDBTransaction).mode !== 'readwrite') return table.mutate(req);
            const leads = down.table('leads');
            const before =
              req.type === 'delete' && (name === 'calls' || name === 'consents' || name === 'consentRequests')
                ? await touched(name, table, leads, req, undefined)
                : null;
            const result = await table.mutate(req).catch((e: unknown) => {
              // A request that failed part way (a value the store could not take, after others it stored) and
              // was caught: which of its leads were stored is unknown, so none of the transaction is handed over.
              if (name === 'leads') {
                const state = states.get(req.trans);
                if (state) stopHandOver(down.schema.name, state.handOver);
                else failedLeadWrites.add(req.trans);
              }
              throw e;
            });
            const what =
              before ??
              (await touched(
                name,
                table,
                leads,
                req,
                req.type === 'add' || req.type === 'put' ? result.results : undefined,
              ));
            // Looked up and stored with no await between: requests of one transaction issued together
            // (a Promise.all) share its token; each reading the version for itself forked the log.
            let state = states.get(req.trans);
            if (!state) {
              const token = crypto.randomUUID();
              const read = changes().get({ trans: req.trans, key: DATA_VERSION_KEY }) as Promise<
                { value?: unknown } | undefined
              >;
              state = {
                // The token is stored once the version before it is read (IndexedDB runs them in turn).
                prev: read.then(async (current) => {
                  await changes().mutate({
                    type: 'put',
                    trans: req.trans,
                    values: [{ key: DATA_VERSION_KEY, value: token }],
                  });
                  return typeof current?.value === 'string' ? current.value : null;
                }),
                token,
                n: 0,
                at: Date.now(),
                handOver: { token, handed: 0, stopped: failedLeadWrites.has(req.trans) },
              };
              states.set(req.trans, state);
            }
            // A write the engine does not lay onto its columns (a list, the settings, a range deleted): it rebuilds,
            // so the transaction's leads are not handed over (a demo seeding writes its lists first).
            if (what.full && !what.scrubAdded && !what.versionsAdded && !what.phoneHashes)
              stopHandOver(down.schema.name, state.handOver);
            // A request that failed in part (a bulk add's key taken, the error caught) stored only some of its values;
            // a range deleted names no ids.
            if (name === 'leads')
              handOverLeads(
                down.schema.name,
                req.trans,
                state.handOver,
                result.numFailures > 0
                  ? { type: 'unfollowable' }
                  : req.type === 'add' || req.type === 'put'
                    ? {
                        type: req.type,
                        values: req.values,
                        keys: result.results ?? req.keys ?? req.values.map((v) => (v as { id?: unknown }).id),
                      }
                    : req.type === 'delete'
                      ? { type: 'delete', keys: req.keys }
                      : { type: 'unfollowable' },
              );
            const n = state.n++;
            const row: ChangeLogRow = {
              key: `${LOG_PREFIX}${state.token}:${String(n).padStart(6, '0')}`,
              prev: await state.prev,
              token: state.token,
              at: state.at,
              ...what,
              table: name,
            };
            await changes().mutate({ type: 'put', trans: req.trans, values: [row] });
            return result;
          },
        };
      },
    };
  },
};
