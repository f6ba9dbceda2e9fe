/**
 * The engine's end of the written leads' hand-over (db/written-leads.ts): the lead values each
 * transaction stored, kept by its change-log token until a catch-up has passed that token. A
 * value is given out only for a committed transaction that handed over all it wrote, and only
 * where the catch-up's change log names that token as the lead's last write; everything else is
 * read from the table. Held for two minutes at most, and at most HELD values in all (the oldest
 * transactions dropped first).
 */
import { writtenLeadsChannelName, type WrittenLeadsMessage } from '../db/written-leads';
import type { Lead } from '../domain/leads/lead';

/** Values held in all (about 1 KB each). */
const HELD = 60_000;
/** A transaction's values are dropped this long after its first message. */
const KEPT_MS = 120_000;

interface Written {
  /** The value each lead last had in the transaction (undefined: deleted in it). */
  leads: Map<number, Lead | undefined>;
  committed: boolean;
  unusable: boolean;
  at: number;
}

export interface WrittenLeads {
  /** Take a message (the channel's listener; tests hand them in directly). */
  receive(message: WrittenLeadsMessage): void;
  /** The value lead `id` was stored with by the committed transaction `token`; undefined when not handed over. */
  lead(token: string, id: number): Lead | undefined;
  /**
   * Resolves once every one of `tokens` this end has heard of is committed or unusable, or after
   * `ms`: the change log names a transaction only once it committed, and its `committed` message is
   * posted on completion, so it may still be on its way when a catch-up starts.
   */
  settled(tokens: Iterable<string>, ms: number): Promise<void>;
  /** Drop what the transactions `tokens` handed over (a catch-up has passed them). */
  forget(tokens: Iterable<string>): void;
  /** How many values are held (for tests and the bench's notes). */
  readonly held: number;
  close(): void;
}

export function writtenLeads(now: () => number = Date.now, heldMost = HELD): WrittenLeads {
  const byToken = new Map<string, Written>();
  let held = 0;
  const drop = (token: string) => {
    const w = byToken.get(token);
    if (!w) return;
    held -= w.leads.size;
    byToken.delete(token);
  };
  const trim = () => {
    const t = now();
    // Map order is first-message order: the oldest first.
    for (const [token, w] of byToken) {
      if (held <= heldMost && t - w.at <= KEPT_MS) break;
      drop(token);
    }
  };
  return {
    receive(message) {
      let w = byToken.get(message.token);
      if (!w) {
        w = { leads: new Map(), committed: false, unusable: false, at: now() };
        byToken.set(message.token, w);
      }
      if ('leads' in message) {
        for (const lead of message.leads) {
          if (!w.leads.has(lead.id)) held++;
          w.leads.set(lead.id, lead);
        }
      } else if ('removed' in message) {
        for (const id of message.removed) {
          if (!w.leads.has(id)) held++;
          w.leads.set(id, undefined);
        }
      } else if ('unusable' in message) {
        w.unusable = true;
        held -= w.leads.size;
        w.leads.clear();
      } else if ('committed' in message) w.committed = true;
      // Anything else (a message of another version of the app, in another tab): this transaction cannot be followed.
      else {
        w.unusable = true;
        held -= w.leads.size;
        w.leads.clear();
      }
      trim();
    },
    async settled(tokens, ms) {
      const wanted = [...tokens];
      const open = () =>
        wanted.some((t) => {
          const w = byToken.get(t);
          return w !== undefined && !w.committed && !w.unusable;
        });
      for (const until = now() + ms; open() && now() < until;) await new Promise((resolve) => setTimeout(resolve, 2));
    },
    lead(token, id) {
      const w = byToken.get(token);
      return w && w.committed && !w.unusable ? w.leads.get(id) : undefined;
    },
    forget(tokens) {
      for (const token of tokens) drop(token);
    },
    get held() {
      return held;
    },
    close() {
      byToken.clear();
      held = 0;
    },
  };
}

/** The hand-over of database `dbName`'s written leads, listening on its channel (none where the runtime has no BroadcastChannel). */
export function listenForWrittenLeads(dbName: string): WrittenLeads | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const written = writtenLeads();
  const channel = new BroadcastChannel(writtenLeadsChannelName(dbName));
  (channel as { unref?: () => void }).unref?.();
  channel.onmessage = (e: MessageEvent<WrittenLeadsMessage>) => written.receive(e.data);
  return {
    ...written,
    get held() {
      return written.held;
    },
    close() {
      channel.close();
      written.close();
    },
  };
}
