/** The export worker: builds CSV/XLSX files and call-list previews off the main thread. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { buildExport, judge, type ExportRequest } from './export-build';

const db = new LeadsDb();

const api = {
  /** Exclusion counts and stale DNC copies for a would-be call list at `at`. */
  async previewCallList(ids: Int32Array, at: number) {
    const { exclusions, stale, versionIds } = await judge(db, ids, at);
    return { exclusions, stale, versionIds };
  },
  async build(req: ExportRequest, onProgress: (done: number) => void) {
    const result = await buildExport(db, req, onProgress);
    return Comlink.transfer(result, [result.bytes]);
  },
};

export type ExportWorkerApi = typeof api;
Comlink.expose(api);
