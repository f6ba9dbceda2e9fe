/**
 * The compliance worker: the DNC scrub, DNC file imports and the retention dry run and purge
 * (queue counts and the expiry calendar are read off the grid engine). Each of these
 * reads or writes hundreds of thousands of rows, so none runs on the main thread. Errors
 * cross the worker boundary as plain `Error`s whose message is the repository's error code.
 */
import '../domain/zod-jitless';
import * as Comlink from 'comlink';
import { LeadsDb } from '../db/leads-db';
import { importDncVersion, readDncFile } from '../db/repos/dnc-import-repo';
import { scrubAllLeads, type ScrubProgress } from '../db/repos/dnc-scrub-repo';
import { purgeRetention } from '../db/repos/retention-repo';
import { toStorageError } from '../db/storage-errors';
import type { PurgePlan } from '../domain/compliance/retention-plan';
import type { EngineLeadsApi } from './grid.worker';

const db = new LeadsDb();

/** Rethrow repository errors by their code, which survives structured cloning; a full disk as StorageFullError. */
async function coded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (raw) {
    const e = toStorageError(raw);
    const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : null;
    throw code ? new Error(code) : e;
  }
}

const api = {
  /**
   * Check every lead against the versions in force; `onProgress` is a Comlink proxy. With
   * `engine` (a port to the grid engine), the leads' numbers are read off its columns where it
   * holds the data as it is (else off the phone index).
   */
  scrub(now: number, onProgress?: (p: ScrubProgress) => void, engine?: MessagePort) {
    const remote = engine ? Comlink.wrap<EngineLeadsApi>(engine) : null;
    return coded(() =>
      scrubAllLeads(
        db,
        now,
        onProgress ? (p) => void onProgress(p) : undefined,
        remote ? (dataVersion) => remote.leadPhones(dataVersion) : undefined,
      ),
    ).finally(() => {
      // Comlink closes both ends once the engine acknowledges the release.
      remote?.[Comlink.releaseProxy]();
    });
  },
  /** Hash, decode and parse a DNC file for the preview; nothing is written. */
  previewDncFile(bytes: Uint8Array, fileName: string, defaultRegion: string) {
    const read = readDncFile(bytes, fileName, defaultRegion);
    return read.ok ? { ok: true as const, summary: read.summary } : read;
  },
  /** `now` comes from the page: the main thread owns the clock every rule reads. */
  importDncVersion(
    input: { listId: string; fileName: string; bytes: Uint8Array; publishedAt: number; defaultRegion: string },
    now: number,
  ) {
    return coded(() => importDncVersion(db, input, now));
  },
  /** Purge exactly the dry run `plan` showed; refused with `plan-changed` when it no longer holds. */
  purge(input: { plan: PurgePlan }, now: number) {
    return coded(() => purgeRetention(db, input, now));
  },
};

export type ComplianceWorkerApi = typeof api;
Comlink.expose(api);
