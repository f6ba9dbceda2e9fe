/**
 * The sync worker: team mode's rounds (features/team/api/sync-round.ts), pushing the outbox and
 * applying pulled pages off the page. The page keeps the token and the round's schedule
 * (sync-runner.ts).
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createSyncApi } from '../features/team/api/sync-round';

const api = createSyncApi(new LeadsDb());

export type SyncWorkerApi = typeof api;
Comlink.expose(api);
