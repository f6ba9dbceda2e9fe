/** The grid's worker: the grid engine over the app's database, answering the page through Comlink. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createGridEngine } from './grid-engine';

const engine = createGridEngine(new LeadsDb());

const api = {
  ...engine,
  /**
   * Answer another worker on `port` (the export worker, handed the other end by the page): the
   * engine's leads for a file, straight from worker to worker, never through the page.
   */
  connect(port: MessagePort): void {
    Comlink.expose({ exportLeads: engine.exportLeads }, port);
  },
};

export type GridWorkerApi = typeof api;
export type EngineLeadsApi = Pick<GridWorkerApi, 'exportLeads'>;
Comlink.expose(api);
