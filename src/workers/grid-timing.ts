/**
 * The grid engine's own timings, as User Timing measures in its worker (`engine:*` for opening,
 * catching up and building the index, `block:*` for a block of display rows). They cost a
 * performance entry each; the bench reads them from the worker (`performance.getEntriesByType`),
 * and they show in a DevTools trace. Load on the machine stretches them too, but they time the
 * worker's own steps, not the page's waits.
 */
const KEEP = 5_000;
let kept = 0;

/** Record `name` from `start` (performance.now()) to now. */
export function measureSince(name: string, start: number): void {
  if (++kept > KEEP) {
    performance.clearMeasures();
    kept = 1;
  }
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // No User Timing Level 3 (an old runtime): timings are diagnostics only.
  }
}

/** Run `work`, recording how long it took under `name`. */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    measureSince(name, start);
  }
}

/** Whether `p` is settled (fulfilled or rejected) by the end of the current task and its microtasks. */
export function settledWithinTask(p: Promise<unknown>): Promise<boolean> {
  const nextTask = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0));
  return Promise.race([
    p.then(
      () => true,
      () => true,
    ),
    nextTask,
  ]);
}
