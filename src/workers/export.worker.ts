/** The export worker: builds CSV/XLSX files and call-list previews off the main thread. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { buildExport, previewCallList, type EngineVerdicts, type ExportRequest } from './export-build';

const db = new LeadsDb();

const api = {
  /** Exclusion counts and stale DNC copies for a would-be call list at `at` (or now, when `at` has passed); from the engine's verdicts when given. */
  previewCallList(ids: Int32Array, at: number, judged?: EngineVerdicts) {
    return previewCallList(db, ids, at, {}, judged);
  },
  /** The file as a Blob (its bytes are not copied across), already recorded in the audit trail. */
  build(req: ExportRequest, onProgress: (done: number) => void) {
    return buildExport(db, req, onProgress);
  },
};

export type ExportWorkerApi = typeof api;
Comlink.expose(api);
