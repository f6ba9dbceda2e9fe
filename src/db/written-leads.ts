/**
 * The leads a transaction wrote, handed to the engine as they were stored, so its catch-up need
 * not read them back from IndexedDB (at 1M leads, reading the 10,000 leads of an import took
 * 0.55–0.7 s of a catch-up's ~1 s; decision 051). The change-log middleware (data-version.ts)
 * posts each request's lead values on a BroadcastChannel named by the database, under the
 * transaction's change-log token, and `committed` once the transaction completed; the engine
 * (workers/grid-written-leads.ts) keeps them and uses a lead's value only where the change log
 * names that token as the lead's last write. Anything uncertain (a range deleted, more rows than a
 * hand-over holds, a message missed) leaves the engine reading the table, as before.
 */
import type { Lead } from '../domain/leads/lead';

/** The channel of database `dbName`'s written leads. */
export const writtenLeadsChannelName = (dbName: string) => `leadledger-written-leads:${dbName}`;

/** One message on the channel; a transaction's messages come in order, `committed` last. */
export type WrittenLeadsMessage =
  /** Lead values as one request stored them, each with its id. */
  | { token: string; leads: Lead[] }
  /** Lead ids one request deleted. */
  | { token: string; removed: number[] }
  /** The transaction wrote leads this hand-over cannot follow (a range deleted, a value without its id, too many). */
  | { token: string; unusable: true }
  /** The transaction completed: its values are what the table holds for the leads it wrote last. */
  | { token: string; committed: true };

/**
 * At most this many lead values are handed over per transaction (~5 µs each to post): a larger
 * write (a whole file of a million leads) is read from the table or rebuilt, as before.
 */
export const HANDED_PER_TRANSACTION = 25_000;

const channels = new Map<string, BroadcastChannel | null>();

/** The posting end of database `dbName`'s channel (null where the runtime has no BroadcastChannel). */
function channelOf(dbName: string): BroadcastChannel | null {
  let channel = channels.get(dbName);
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(writtenLeadsChannelName(dbName)) : null;
    // Node (unit tests): a channel must not keep the process alive.
    (channel as { unref?: () => void } | null)?.unref?.();
    channels.set(dbName, channel);
  }
  return channel;
}

/** What one transaction has handed over so far. */
export interface HandOver {
  token: string;
  handed: number;
  /** Set once the transaction wrote something the hand-over cannot follow: nothing more is posted. */
  stopped: boolean;
}

/**
 * The transaction made a write that sends the engine to a full rebuild (a list, the settings, a
 * range of history deleted): nothing more of it is handed over, and what was is marked unusable.
 */
export function stopHandOver(dbName: string, state: HandOver): void {
  if (state.stopped) return;
  state.stopped = true;
  if (state.handed > 0)
    channelOf(dbName)?.postMessage({ token: state.token, unusable: true } satisfies WrittenLeadsMessage);
}

/**
 * Hand over what one request of a transaction did to the leads table: `values` stored under
 * `keys` (add or put), `keys` deleted, or something it cannot follow (a range deleted, a request
 * that failed in part). The first call registers the transaction's `committed` message on its
 * completion.
 */
export function handOverLeads(
  dbName: string,
  trans: unknown,
  state: HandOver,
  req:
    | { type: 'add' | 'put'; values: readonly unknown[]; keys: readonly unknown[] }
    | { type: 'delete'; keys: readonly unknown[] }
    | { type: 'unfollowable' },
): void {
  const channel = channelOf(dbName);
  if (!channel || state.stopped) return;
  const post = (message: WrittenLeadsMessage) => channel.postMessage(message);
  const stop = () => {
    state.stopped = true;
    post({ token: state.token, unusable: true });
  };
  if (state.handed === 0 && typeof (trans as EventTarget).addEventListener === 'function')
    (trans as EventTarget).addEventListener('complete', () => {
      if (!state.stopped) post({ token: state.token, committed: true });
    });
  if (req.type === 'unfollowable') return stop();
  const ids = req.keys.filter((k): k is number => typeof k === 'number');
  if (ids.length !== req.keys.length) return stop();
  if (req.type === 'delete') {
    state.handed += Math.max(1, ids.length);
    return post({ token: state.token, removed: ids });
  }
  if (req.values.length !== ids.length || state.handed + ids.length > HANDED_PER_TRANSACTION) return stop();
  const leads: Lead[] = [];
  for (let i = 0; i < ids.length; i++) {
    const value = req.values[i] as Lead | null;
    if (value === null || typeof value !== 'object') return stop();
    // An auto-incremented add's value has no id yet: the store puts the key in, so does this copy.
    leads.push(value.id === ids[i] ? value : { ...value, id: ids[i]! });
  }
  state.handed += Math.max(1, ids.length);
  // Cloned when the request has completed; the store cloned them when it was made. Every writer
  // builds fresh objects for a write and leaves them alone while it is under way.
  post({ token: state.token, leads });
}
