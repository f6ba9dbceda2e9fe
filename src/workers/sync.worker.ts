/**
 * The sync worker: team mode's rounds (features/team/api/sync-round.ts), pushing the outbox and
 * applying pulled pages off the page. The page keeps the token and the round's schedule
 * (sync-runner.ts).
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createSyncApi, type SyncApi, type TokenSource } from '../features/team/api/sync-round';

const rounds = createSyncApi(new LeadsDb());
const api: SyncApi = {
  async round(token) {
    try {
      return await rounds.round(token);
    } finally {
      // The page's token function, proxied for this round: let its port go.
      (token as unknown as Comlink.Remote<TokenSource>)[Comlink.releaseProxy]?.();
    }
  },
};

export type SyncWorkerApi = typeof api;
Comlink.expose(api);
