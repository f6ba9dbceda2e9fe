/** The bulk-edit worker: previews, applies and undoes bulk edits off the page (bulk-edit-api.ts). */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createBulkEditApi } from './bulk-edit-api';

const api = createBulkEditApi(new LeadsDb());

export type BulkEditWorkerApi = typeof api;
Comlink.expose(api);
