/**
 * The data version: one token, rewritten in the same transaction as every write to a table the
 * verdict or the grid reads. A cache built from the data (the grid's persisted snapshot) records
 * the token it was built at and is trusted only while the token is unchanged, whichever tab,
 * worker or restore wrote since. A random token rather than a counter, so a restore that brings
 * back old rows can never bring back an old version a stale snapshot would match.
 * Implemented once, under every repository, as a Dexie DBCore middleware: no write path can forget it.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';

/** Tables whose writes can change a lead's row in the grid, its verdict or the engine's answers. */
export const TRACKED_TABLES: ReadonlySet<string> = new Set(['leads', 'calls', 'consents', 'dncLists', 'dncListVersions', 'dncEntries', 'dncScrubs', 'settings', 'sources', 'campaigns']);
export const ENGINE_TABLE = 'engine';
export const DATA_VERSION_KEY = 'dataVersion';

export const dataVersionMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'leadledger-data-version',
  create(down) {
    // An older schema (a migration test opening v1–v4) has no engine table: nothing to stamp.
    if (!down.schema.tables.some((t) => t.name === ENGINE_TABLE)) return down;
    const stamped = new WeakSet<DBCoreTransaction>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && !stores.includes(ENGINE_TABLE) && stores.some((s) => TRACKED_TABLES.has(s));
        return down.transaction(widen ? [...stores, ENGINE_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!TRACKED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const result = await table.mutate(req);
            // Once per transaction; not inside a schema upgrade (the engine store may not exist yet at that step).
            const mode = (req.trans as unknown as IDBTransaction).mode;
            if (!stamped.has(req.trans) && mode === 'readwrite') {
              stamped.add(req.trans);
              await down.table(ENGINE_TABLE).mutate({ type: 'put', trans: req.trans, values: [{ key: DATA_VERSION_KEY, value: crypto.randomUUID() }] });
            }
            return result;
          },
        };
      },
    };
  },
};
