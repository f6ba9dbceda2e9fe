/**
 * The import worker: parsing, validation, normalisation and the database writes of an import
 * all run here, so the screen never freezes (DESIGN.md §6 P1). The screen talks to one
 * `ImportSession` through comlink; progress comes back through a proxied callback.
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { ImportSession } from './import-session';

const session = new ImportSession(new LeadsDb());

export type ImportWorkerApi = ImportSession;

Comlink.expose(session);
