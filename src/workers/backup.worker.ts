/** The backup worker: writes backup files and checks and restores them off the page (backup-api.ts). */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { createBackupApi } from './backup-api';

const api = createBackupApi(new LeadsDb());

export type BackupWorkerApi = typeof api;
Comlink.expose(api);
