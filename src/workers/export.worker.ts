/** The export worker: builds CSV/XLSX files and call-list previews off the main thread. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { buildExport, previewCallList, type EngineVerdicts, type ExportRequest } from './export-build';
import type { EngineLeads } from './export-types';
import { unpackExportLeads } from '../domain/import-export/packed-export-leads';
import type { EngineLeadsApi } from './grid.worker';

const db = new LeadsDb();

/** The engine's leads through its port, unpacked; an engine that fails to answer is no answer (the table is read). */
const engineLeadsVia =
  (remote: Comlink.Remote<EngineLeadsApi>): EngineLeads =>
  (ids, dataVersion) =>
    remote
      .exportLeads(Comlink.transfer(ids, [ids.buffer]), dataVersion)
      .then((packed) => packed && unpackExportLeads(packed))
      .catch(() => null);

const api = {
  /** Exclusion counts and stale DNC copies for a would-be call list at `at` (or now, when `at` has passed); from the engine's verdicts when given. */
  previewCallList(ids: Int32Array, at: number, judged?: EngineVerdicts) {
    return previewCallList(db, ids, at, {}, judged);
  },
  /**
   * The file as a Blob (its bytes are not copied across), already recorded in the audit trail.
   * With `engine` (a port to the grid engine), the leads are read off its columns where it holds
   * the version it answered at.
   */
  async build(req: ExportRequest, onProgress: (done: number) => void, engine?: MessagePort) {
    const remote = engine ? Comlink.wrap<EngineLeadsApi>(engine) : null;
    try {
      return await buildExport(db, req, onProgress, remote ? { engineLeads: engineLeadsVia(remote) } : {});
    } finally {
      // Comlink closes both ends once the engine acknowledges the release.
      remote?.[Comlink.releaseProxy]();
    }
  },
};

export type ExportWorkerApi = typeof api;
Comlink.expose(api);
