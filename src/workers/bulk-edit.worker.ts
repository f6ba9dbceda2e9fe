/**
 * The lead-writes worker: previews, applies and undoes bulk edits (bulk-edit-api.ts) and
 * forgets a person (forget-api.ts), off the page. One worker for both: each is a write of many
 * rows in one transaction, and one bundle of the repositories is enough.
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createBulkEditApi } from './bulk-edit-api';
import { createForgetApi } from './forget-api';

const db = new LeadsDb();
const api = { ...createBulkEditApi(db), ...createForgetApi(db) };

export type BulkEditWorkerApi = typeof api;
Comlink.expose(api);
