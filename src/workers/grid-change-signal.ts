/**
 * The engine's change signal: Dexie's `storagemutated` (writes of this or any other tab or worker)
 * for the tables the engine reads. A burst of writes is gathered for a moment, then followed once
 * (`follow`). A question asked meanwhile has it followed first (`flush`), so no answer is older
 * than a write already signalled: at once, or — when the last follow was less than a pause ago (a
 * screen asking again after each catch-up of a long burst) — a pause after that follow, so
 * questions cannot make the writes of a burst followed one by one. A signal travels from another
 * thread over a BroadcastChannel: a question that overtakes it is answered without that write,
 * which the signal then brings to the screens.
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
  /** Follow a signalled write that waits for its pause: now, or a pause after the last follow. Resolves once it is on the queue. */
  flush(): Promise<void>;
}

export function changeSignal(follow: () => void, pauseMs = 150): ChangeSignal {
  let count = 0;
  let catalogueMoved = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFollowed = -Infinity;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    lastFollowed = performance.now();
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
      if (timer === undefined) return Promise.resolve();
      const wait = lastFollowed + pauseMs - performance.now();
      if (wait <= 0) {
        fire();
        return Promise.resolve();
      }
      return new Promise((resolve) =>
        setTimeout(() => {
          if (timer !== undefined) fire();
          resolve();
        }, wait),
      );
    },
  };
}
