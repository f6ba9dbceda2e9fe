/** The grid's worker: the grid engine over the app's database, answering the page through Comlink. */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createGridEngine } from './grid-engine';

const api = createGridEngine(new LeadsDb());
export type { GridWorkerApi } from './grid-engine';
Comlink.expose(api);
