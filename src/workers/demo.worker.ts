/**
 * The demo worker: building the ~20,000-lead demo world and writing it (a chunk of 1,000 leads with
 * their calls and consents per transaction, the app usable meanwhile; decision 055) take seconds,
 * so they run here and the page only shows progress (DESIGN.md §6: the page never blocks > 50 ms).
 * `now` comes from the page, which owns the clock.
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { resetDemoData, seedDemoIfEmpty, startEmpty, type SeedProgress } from '../db/repos/demo-repo';

const db = new LeadsDb();

/** Comlink callbacks are posted messages: never awaited inside the write transaction. */
const post = (onProgress?: (p: SeedProgress) => void) =>
  onProgress ? (p: SeedProgress) => void onProgress(p) : undefined;

const api = {
  /** Seed the demo data unless the database holds data or the user chose to start empty. */
  seed(now: number, onProgress?: (p: SeedProgress) => void, scale = 1) {
    return seedDemoIfEmpty(db, now, post(onProgress), scale);
  },
  /** Replace everything with the demo data (the settings are kept). */
  reset(now: number, onProgress?: (p: SeedProgress) => void, scale = 1) {
    return resetDemoData(db, now, post(onProgress), scale);
  },
  /** Empty the database and stay empty. */
  startEmpty(now: number) {
    return startEmpty(db, now);
  },
};

export type DemoWorkerApi = typeof api;
Comlink.expose(api);
