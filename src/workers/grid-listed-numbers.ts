/**
 * The engine's set of listed numbers (listed-hashes.ts) kept in step with its index: loaded from
 * storage, or read from the DNC table's keys once the engine has been open a while, a page at a
 * time whenever it has been asked nothing for two seconds (2M listed numbers: ~20 s of reads); then brought forward by each
 * catch-up with the hashes its log names, and stored again a few seconds after it moved. A
 * catch-up asks it which new numbers can be on no list (those are not looked up); while it is
 * not ready, every number is looked up, as before.
 */
import type { LeadsDb } from '../db/leads-db';
import type { ListedAt } from '../db/repos/world-by-key';
import {
  loadListedNumbers,
  rollListedForward,
  saveListedNumbers,
  scanListedNumbers,
  type ListedNumbers,
} from '../db/repos/listed-numbers-repo';
import { mayBeListed, withHashes } from '../domain/compliance/listed-hashes';
import { measureSince } from './grid-timing';

export interface ListedKeeper {
  /** Load the stored set once the engine is quiet, or scan the keys from `delayMs` on: called once the index is open. */
  start(): void;
  /**
   * The set holding every entry written up to data version `to`, which a catch-up reached from
   * `from` (`hashes`: the DNC hashes its log names between them, null when some write has none);
   * null while none is ready.
   */
  at(from: string | null, to: string, hashes: Uint32Array[] | null): Promise<ListedAt | null>;
  /** Resolves once the set started with is loaded or scanned: whether one is ready. */
  settled(): Promise<boolean>;
  /** Load the stored set now, not waiting for quiet (a start that has a catch-up to make); then as `start`. */
  loadNow(): Promise<void>;
}

/** A page of the scan is read only after the engine has been asked nothing for this long (its questions go first). */
const QUIET_MS = 2_000;
/** A set that grew is stored this long after (once per burst of catch-ups). */
const SAVE_DELAY_MS = 3_000;
/**
 * A set brought forward without growing is stored again only when the stored one is older than
 * this (the log it is brought forward by is kept a day): 8 MB at 2M listed numbers, not after every write.
 */
const RESTORE_AFTER_MS = 3_600_000;

/**
 * `delayMs`: how long after the engine opened a scan may start; `quietFor`: how long the engine has
 * been asked nothing (each page of a scan waits for QUIET_MS of it: reading keys holds IndexedDB).
 */
export function listedNumbersKeeper(
  db: LeadsDb,
  delayMs = 5_000,
  quietFor: () => number = () => Infinity,
): ListedKeeper {
  let held: ListedNumbers | null = null;
  let started: Promise<void> | null = null;
  let scanning: Promise<void> | null = null;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the stored set was written (or found stored: its age is not known, so it counts as new). */
  let storedAt = -Infinity;

  /** Resolves once the engine has been asked nothing for QUIET_MS. */
  const untilQuiet = async () => {
    for (let quiet = quietFor(); quiet < QUIET_MS; quiet = quietFor())
      await new Promise<void>((resolve) => setTimeout(resolve, QUIET_MS - quiet));
  };

  const hold = (next: ListedNumbers | null, stored = false): ListedAt | null => {
    const grew = next !== null && next.hashes !== held?.hashes;
    held = next;
    if (!next) {
      scanSoon();
      return null;
    }
    if (stored) storedAt = Date.now();
    else if (saveTimer === undefined && (grew || Date.now() - storedAt > RESTORE_AFTER_MS))
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        storedAt = Date.now();
        const saving = held;
        if (saving)
          void saveListedNumbers(db, saving).then((outcome) => {
            // Read before an erasure or a purge: it may hold a number taken off. Read the keys again.
            if (outcome === 'stale' && held === saving) hold(null);
          });
      }, SAVE_DELAY_MS);
    return { dataVersion: next.dataVersion, mayBeListed: mayBeListed(next.hashes) };
  };

  function scanSoon(): void {
    scanning ??= new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(async () => {
      const t0 = performance.now();
      const scanned = await scanListedNumbers(db, untilQuiet).catch(() => null);
      const rolled = scanned && (await rollListedForward(db, scanned).catch(() => null));
      measureSince('engine:listed-scan', t0);
      scanning = null;
      // A write the log cannot follow landed during the scan (or none was made yet): the next catch-up asks again.
      if (rolled && !held) hold(rolled);
    });
  }

  return {
    start() {
      // Read when the engine is quiet: not in the way of the first questions after it opened.
      started ??= untilQuiet()
        .then(() => loadListedNumbers(db))
        .catch(() => null)
        .then((loaded) => {
          if (!held) hold(loaded, true);
        });
    },
    async loadNow() {
      started ??= loadListedNumbers(db)
        .catch(() => null)
        .then((loaded) => {
          if (!held) hold(loaded, true);
        });
      await started;
    },
    async settled() {
      await started;
      await scanning;
      return held !== null;
    },
    async at(from, to, hashes) {
      const now = held;
      if (!now) {
        if (started) scanSoon();
        return null;
      }
      if (now.dataVersion === to) return { dataVersion: to, mayBeListed: mayBeListed(now.hashes) };
      if (now.dataVersion === from)
        return hold(hashes && { dataVersion: to, hashes: withHashes(now.hashes, hashes), epoch: now.epoch });
      return hold(await rollListedForward(db, now).catch(() => null));
    },
  };
}
