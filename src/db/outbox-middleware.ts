/**
 * The team edition's outbox (issue 18, decision 031). While team mode is on, every write to a
 * synced table (leads, calls, consents, the internal DNC list, the audit trail) adds, in the same
 * transaction, the mutations that carry it to the team server: a lead write becomes a `lead.put`
 * of the fields it changed, each stamped with the device's hybrid logical clock; a new call,
 * consent, DNC addition or audit entry its `*.add` / `audit.append`; a lead deleted (or anonymised)
 * its `lead.remove`. So nothing is committed
 * locally that the outbox does not hold, and nothing is queued that was not committed.
 * Implemented once, as a Dexie DBCore middleware under every repository and worker (like
 * data-version.ts): no write path can forget it.
 *
 * Writes that came from the server are not queued again: the puller writes the new cursor first
 * in each page's transaction, and a transaction that writes the cursor is not stamped.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { Lead } from '../domain/leads/lead';
import type { AuditEntry } from '../domain/audit/audit-entry';
import { isRedacted } from '../domain/audit/audit-hash';
import { SYNC_KEYS, teamConfigSchema } from '../domain/sync/sync-rows';
import type { SyncMutation } from '../domain/sync/mutation';
import { auditSegments, outboxBuilder, type OutboxTx } from './outbox-build';
import { removalReasonOf } from './removal-reason';

export const SYNCED_TABLES: ReadonlySet<string> = new Set(['leads', 'calls', 'consents', 'dncEntries', 'audit']);
const SYNC_STORES = ['outbox', 'syncIds', 'syncState'];

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'leadledger-outbox',
  create(down) {
    // An older schema (a migration test opening v1–v6) has no outbox: nothing to queue.
    if (!down.schema.tables.some((t) => t.name === 'outbox')) return down;
    /**
     * Per transaction: the device's team config (team mode on or off), or null when this browser
     * was never signed in or the writes came from a pull.
     */
    const states = new WeakMap<DBCoreTransaction, OutboxTx | null>();
    const build = outboxBuilder(down);

    async function configOf(trans: DBCoreTransaction): Promise<OutboxTx | null> {
      const known = states.get(trans);
      if (known !== undefined) return known;
      const state = down.table('syncState');
      const [team, device] = (await state.getMany({ trans, keys: [SYNC_KEYS.team, SYNC_KEYS.device] })) as (
        { value?: unknown } | undefined
      )[];
      const config = teamConfigSchema.safeParse(team?.value);
      const tx =
        config.success && typeof device?.value === 'string'
          ? { trans, team: config.data, device: device.value, dncRequested: false }
          : null;
      if (!states.has(trans)) states.set(trans, tx);
      return states.get(trans) ?? null;
    }

    async function queue(trans: DBCoreTransaction, mutations: SyncMutation[]): Promise<void> {
      if (mutations.length === 0) return;
      const at = Date.now();
      await down
        .table('outbox')
        .mutate({ type: 'add', trans, values: mutations.map((mutation) => ({ at, mutation })) });
    }

    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((s) => SYNCED_TABLES.has(s)))
          return down.transaction(stores, mode, options);
        // The events name their lead by sync id; a lead the team has not seen is sent first.
        const extra = [...SYNC_STORES, 'leads'].filter((s) => !stores.includes(s));
        return down.transaction([...stores, ...extra], mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'syncState') {
          return {
            ...table,
            mutate(req: DBCoreMutateRequest) {
              if (req.type === 'put' && req.values.some((v) => (v as { key?: unknown }).key === SYNC_KEYS.cursor))
                states.set(req.trans, null);
              return table.mutate(req);
            },
          };
        }
        if (!SYNCED_TABLES.has(name)) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            // Not inside a schema upgrade. Of deletes, a lead's is synced (lead.remove, with the
            // reason its repository gave: removal-reason.ts); an event's goes with its lead, and a
            // range deleted (a restore replacing this device's data) stays on this device.
            // The write goes down first, before any await: Dexie's hooks and cache layers find the
            // transaction in Dexie's zone when called, and an await here may have left that zone
            // (Collection.modify showed it). So the lead's previous values are not read here: they
            // are the ones last queued or pulled, kept in its syncIds row.
            const written = table.mutate(req);
            if ((req.trans as unknown as IDBTransaction).mode !== 'readwrite') return written;
            if (req.type === 'delete' && name === 'leads') {
              const result = await written;
              // Also while signed out: a lead the team holds, deleted here, must not come back at
              // the next sign-in (the outbox waits for it), nor keep its synced values in syncIds.
              const tx = await configOf(req.trans);
              if (tx)
                await queue(req.trans, await build.removals(tx, req.keys as number[], removalReasonOf(req.trans)));
              return result;
            }
            if (req.type !== 'add' && req.type !== 'put') return written;
            const result = await written;
            // No extra async layer here: every await may leave Dexie's zone (see above).
            const tx = await configOf(req.trans);
            if (!tx?.team.enabled) return result;
            // Auto-incremented ids arrive in the result.
            const rows = req.values.map((v, i) => {
              const id = result.results?.[i];
              return name !== 'dncEntries' && name !== 'audit' && typeof id === 'number' ? { ...(v as object), id } : v;
            });
            if (name === 'leads') await queue(req.trans, await build.leads(tx, rows as Lead[]));
            else if (name === 'calls' || name === 'consents')
              await queue(req.trans, await build.events(tx, name, rows as never[]));
            else if (name === 'dncEntries') await queue(req.trans, await build.dnc(tx, rows as never[]));
            else {
              // An erasure's redactions of entries already held are not sent again: the server holds
              // them (the same hashes; it redacts its copies when the forget entry arrives), and an
              // erasure rewrites the copies still queued. Sent alone they would be a segment out of order.
              const entries = (rows as AuditEntry[]).filter((e) => req.type === 'add' || !isRedacted(e));
              if (entries.length) await queue(req.trans, auditSegments(entries));
            }
            return result;
          },
        };
      },
    };
  },
};
