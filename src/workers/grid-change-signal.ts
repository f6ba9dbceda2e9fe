/**
 * The engine's change signal: Dexie's `storagemutated` (writes of this or any other tab or worker)
 * for the tables the engine reads. A burst of writes is gathered for a moment, then followed once
 * (`follow`); a question asked meanwhile follows at once (`flush`), so no answer is older than a
 * write already signalled and no question waits out the pause.
 */
import Dexie from 'dexie';

/** Tables whose writes move the engine's rows or answers. */
const READ_TABLES = /\/(leads|calls|consents|dnc\w*|settings|sources|campaigns)\//;
/** Tables of the cohorts' catalogue (names of sources and campaigns). */
const CATALOGUE = /\/(sources|campaigns)\//;

export interface ChangeSignal {
  /** Writes signalled so far. */
  readonly count: number;
  /** Whether sources or campaigns were written since the last `takeCatalogueMoved()`. */
  takeCatalogueMoved(): boolean;
  /** Follow a signalled write now if one waits for its pause. */
  flush(): void;
}

export function changeSignal(follow: () => void, pauseMs = 150): ChangeSignal {
  let count = 0;
  let catalogueMoved = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    follow();
  };
  Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
    const keys = Object.keys(parts);
    if (keys.some((k) => CATALOGUE.test(k))) catalogueMoved = true;
    if (!keys.some((k) => READ_TABLES.test(k))) return;
    count++;
    clearTimeout(timer);
    timer = setTimeout(fire, pauseMs);
  });
  return {
    get count() {
      return count;
    },
    takeCatalogueMoved() {
      const moved = catalogueMoved;
      catalogueMoved = false;
      return moved;
    },
    flush() {
      if (timer !== undefined) fire();
    },
  };
}
