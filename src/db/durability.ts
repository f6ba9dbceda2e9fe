/**
 * Commit durability. Chromium commits IndexedDB transactions "relaxed" by default: the data
 * has reached the operating system, not necessarily the disk, when the promise resolves. That
 * is right for the many small writes of daily work, but a restore, a purge or an erasure is
 * reported as done to a person who may then close the laptop, so those commit "strict": the
 * browser confirms the write reached persistent storage before the transaction completes.
 *
 * Dexie takes durability only as a database-wide option, so `strictTransaction` marks its
 * Dexie zone (PSD, which follows the transaction through Dexie's own promises, including a
 * wait for the database to open) and `honourZoneDurability` makes every transaction created in
 * such a zone strict.
 */
import Dexie, { type Table, type Transaction } from 'dexie';

type Durability = 'default' | 'strict' | 'relaxed';

interface DurabilityZone {
  leadledgerDurability?: Durability;
}

interface DexieTransactionInternals {
  chromeTransactionDurability?: Durability;
}

interface DexieInternals {
  _createTransaction: (...args: unknown[]) => Transaction & DexieTransactionInternals;
}

const zone = (): DurabilityZone => (Dexie.Promise as unknown as { PSD: DurabilityZone }).PSD;

/** Make `db` honour the durability its caller's zone asks for (once, from the constructor). */
export function honourZoneDurability(db: Dexie): void {
  const internals = db as unknown as DexieInternals;
  const create = internals._createTransaction;
  internals._createTransaction = (...args: unknown[]) => {
    const tx = create(...args);
    const wanted = zone().leadledgerDurability;
    if (wanted) tx.chromeTransactionDurability = wanted;
    return tx;
  };
}

/** `db.transaction(mode, tables, scope)` committed with strict durability (see above). */
export function strictTransaction<T>(
  db: Dexie,
  mode: 'rw' | 'r',
  tables: readonly (Table | string)[],
  scope: () => Promise<T>,
): Promise<T> {
  const newPSD = (Dexie.Promise as unknown as { newPSD: <R>(fn: () => R, props: DurabilityZone) => R }).newPSD;
  return Promise.resolve(
    newPSD(() => db.transaction(mode, tables as (Table | string)[], scope), { leadledgerDurability: 'strict' }),
  );
}

/** The durability the running transaction was created with ('default' where unknown). */
export function currentDurability(): Durability {
  const idb = (Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null)?.idbtrans;
  return (idb?.durability as Durability | undefined) ?? 'default';
}
