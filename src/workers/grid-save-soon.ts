/**
 * The engine's snapshot is stored again a second after a change is applied (only its changed
 * chunks; a tab closed before that leaves the next start to catch up by the log, as before it was
 * stored); a pending save is not pushed back by later changes, so steady writes cannot starve it.
 */
import type { LeadsDb } from '../db/leads-db';
import { storeSnapshot, type GridIndex } from './grid-index';

/** `saveSoon(idx)`: store `idx` a second from now if it is still the index in use (`inUse`; a rebuilt one stores itself). */
export function snapshotSaver(db: LeadsDb, inUse: () => Promise<GridIndex> | null, delayMs = 1_000) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return function saveSoon(idx: GridIndex): void {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void inUse()?.then((now) => (now === idx ? storeSnapshot(db, idx) : undefined));
    }, delayMs);
  };
}
