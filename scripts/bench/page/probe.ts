/**
 * Installed in every page before its own scripts run (Playwright `addInitScript`), so that all
 * timings are taken inside the page: long main-thread tasks (Long Tasks API), the first moment
 * the grid's count and first data row appear, the time of the last user input or URL change,
 * in-page waits that resolve at the next painted frame, and a scroll driver that records frame
 * times. Bundled to an IIFE by page-bundles.ts; exposes `globalThis.__benchProbe`.
 */

interface Span {
  start: number;
  duration: number;
}

const longTasks: Span[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: longestTask() reports null.
}

/** Event Timing entries (input → next paint, per interaction): the INP-style figure of a scenario. */
const events: Span[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) events.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 } as PerformanceObserverInit);
} catch {
  // No Event Timing API: longestEvent() reports null.
}

const SELECTORS = {
  'grid-count': '[data-testid="grid-count"]',
  'lead-row': '[data-testid="lead-row"]',
  // The app's first render committed (the shell's navigation is in every screen).
  shell: '#root nav',
  // The grid's table is there (its rows may still be skeletons).
  grid: '[data-testid="lead-grid"]',
} as const;
type Watched = keyof typeof SELECTORS;
const firstSeen: Partial<Record<Watched, number>> = {};
const watchers = new Set<() => void>();

function onMutation(): void {
  const now = performance.now();
  for (const key of Object.keys(SELECTORS) as Watched[])
    if (firstSeen[key] === undefined && document.querySelector(SELECTORS[key])) firstSeen[key] = now;
  for (const w of watchers) w();
}
new MutationObserver(onMutation).observe(document, {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
});

/**
 * When the user last acted (input event time). A click counts
 * only when trusted: the app's own `a.click()` that hands over a download is not the user's
 * input (it made a 1M export's click-to-done read 22 ms: from the download to the done line).
 * Playwright's clicks and keys are trusted; its `selectOption` and `fill` dispatch untrusted
 * `input` and `change` events, which still count.
 */
let lastInput = 0;
for (const type of ['click', 'change', 'input', 'keydown'])
  addEventListener(type, (e) => (type !== 'click' || e.isTrusted) && (lastInput = e.timeStamp), { capture: true });

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** The time just after the next frame was produced (the change is on screen). */
const painted = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

/** Resolves once `check()` holds (tested now and on every DOM mutation), or rejects after `timeoutMs`. */
function until(check: () => boolean, timeoutMs: number, what: string): Promise<{ metAt: number; paintedAt: number }> {
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const test = () => {
      if (!check()) return;
      const metAt = performance.now();
      stop();
      void painted().then((paintedAt) => resolve({ metAt, paintedAt }));
    };
    const stop = () => {
      watchers.delete(test);
      clearTimeout(timer);
      timer = undefined;
    };
    timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    // Tested on every DOM mutation (every condition is the DOM's), not on every frame as well: a
    // test reads the grid's rows, and testing each frame cost the page 10–17 ms of a 150 ms filter.
    watchers.add(test);
    test();
  });
}

export interface GridState {
  count: number | null;
  /** The worker's own time for the last query ("answered in X ms"). */
  workerMs: number | null;
  firstRowId: string | null;
  lastRowIndex: number | null;
}

function gridState(): GridState {
  const count = document.querySelector(SELECTORS['grid-count']);
  const answered = count?.parentElement?.textContent?.match(/([\d.]+)\s*ms/);
  const rows = document.querySelectorAll<HTMLElement>(SELECTORS['lead-row']);
  const last = rows[rows.length - 1];
  return {
    count: count ? Number(count.textContent?.replace(/\D/g, '')) : null,
    workerMs: answered ? Number(answered[1]) : null,
    firstRowId: rows[0]?.id ?? null,
    lastRowIndex: last ? Number(last.getAttribute('aria-rowindex')) : null,
  };
}

export interface GridWait {
  /** Wait until the count differs from / equals this. */
  countNot?: number;
  countIs?: number;
  /** Wait until the first data row is another lead. */
  firstRowNot?: string | null;
  firstRowIs?: string;
  /** Wait until the worker's "answered in" text differs from this (a new query ran). */
  workerMsNot?: number | null;
  timeoutMs: number;
}

/** Wait for the grid to show a result; times are page clock ms (since navigation start). */
async function waitGrid(w: GridWait): Promise<{ metAt: number; paintedAt: number; state: GridState }> {
  const ok = () => {
    const s = gridState();
    if (s.count === null || (s.firstRowId === null && s.count > 0)) return false;
    if (w.countNot !== undefined && s.count === w.countNot) return false;
    if (w.countIs !== undefined && s.count !== w.countIs) return false;
    if (w.firstRowNot !== undefined && s.firstRowId === w.firstRowNot) return false;
    if (w.firstRowIs !== undefined && s.firstRowId !== w.firstRowIs) return false;
    if (w.workerMsNot !== undefined && s.workerMs === w.workerMsNot) return false;
    return true;
  };
  const r = await until(ok, w.timeoutMs, `grid ${JSON.stringify(w)}`);
  return { ...r, state: gridState() };
}

/** Wait until `selector` is present (or absent); resolves at the next painted frame. */
function waitSelector(selector: string, present: boolean, timeoutMs: number) {
  return until(
    () => !!document.querySelector(selector) === present,
    timeoutMs,
    `${selector} ${present ? 'present' : 'gone'}`,
  );
}

/** Wait until `selector`'s text exists and differs from `notText` (a new result replaced the old). */
function waitText(selector: string, notText: string | null, timeoutMs: number) {
  return until(
    () => {
      const text = document.querySelector(selector)?.textContent;
      return text !== undefined && text !== null && text !== notText;
    },
    timeoutMs,
    `${selector} text other than ${JSON.stringify(notText)}`,
  );
}

/** Wait until some element matching `selector` has text matching `pattern` (a RegExp source). */
function waitMatch(selector: string, pattern: string, timeoutMs: number) {
  const re = new RegExp(pattern);
  return until(
    () => Array.from(document.querySelectorAll(selector)).some((e) => re.test(e.textContent ?? '')),
    timeoutMs,
    `${selector} matching /${pattern}/`,
  );
}

const textOf = (selector: string): string | null => document.querySelector(selector)?.textContent ?? null;

/** Navigate inside the app, as a link would (TanStack Router registers itself on `self`). */
async function navigate(to: string, search: Record<string, unknown> = {}): Promise<void> {
  const router = (
    globalThis as unknown as {
      __TSR_ROUTER__?: { navigate: (o: { to: string; search: Record<string, unknown> }) => Promise<void> };
    }
  ).__TSR_ROUTER__;
  if (!router) throw new Error('the app router is not on the page');
  await router.navigate({ to, search });
}

/** The page's own steps of a cold start, ms since navigation start: where the time before the grid went. */
export interface ColdStartPhases {
  /** The HTML received. */
  html: number | null;
  /** DOMContentLoaded: the entry module and its static imports evaluated (since decision 069 the entry is 8 KB; the app is a chunk it imports after). */
  scripts: number | null;
  shell: number | null;
  grid: number | null;
}

/** Cold start: when the count and the first data row first appeared, and the frame after. */
async function coldStart(
  timeoutMs: number,
): Promise<{ countAt: number; firstRowAt: number; paintedAt: number; phases: ColdStartPhases }> {
  const { paintedAt } = await until(
    () => firstSeen['grid-count'] !== undefined && firstSeen['lead-row'] !== undefined,
    timeoutMs,
    'cold start',
  );
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const phases = {
    html: nav ? nav.responseEnd : null,
    scripts: nav ? nav.domContentLoadedEventStart : null,
    shell: firstSeen.shell ?? null,
    grid: firstSeen.grid ?? null,
  };
  return { countAt: firstSeen['grid-count']!, firstRowAt: firstSeen['lead-row']!, paintedAt, phases };
}

/** Scroll the grid top to bottom in `steps` frames, recording frame intervals; then wait for the last row's data. */
async function scrollThrough(
  steps: number,
  timeoutMs: number,
): Promise<{ frames: number[]; reachedLast: boolean; lastRowMs: number | null; startedAt: number; endedAt: number }> {
  const grid = document.querySelector<HTMLElement>('[data-testid="lead-grid"]');
  if (!grid) throw new Error('no grid');
  grid.scrollTop = 0;
  // aria-rowcount counts the header row too: the last lead's row has aria-rowindex equal to it.
  const rowCount = Number(grid.getAttribute('aria-rowcount'));
  await painted();
  const startedAt = performance.now();
  const frames: number[] = [];
  let prev = await frame();
  for (let i = 1; i <= steps; i++) {
    grid.scrollTop = Math.ceil(((grid.scrollHeight - grid.clientHeight) * i) / steps);
    const t = await frame();
    frames.push(t - prev);
    prev = t;
  }
  const t0 = performance.now();
  try {
    const { metAt } = await until(
      () => !!document.querySelector(`[data-testid="lead-row"][aria-rowindex="${rowCount}"]`),
      timeoutMs,
      'last row',
    );
    return { frames, reachedLast: true, lastRowMs: metAt - t0, startedAt, endedAt: performance.now() };
  } catch {
    return { frames, reachedLast: false, lastRowMs: null, startedAt, endedAt: performance.now() };
  }
}

/**
 * From the top of the grid, End pressed on it (the keyboard's move to the last row): the time to
 * the last lead's row painted inside the grid's visible box, or reached false when it is not there
 * within `timeoutMs`. Past the scaled height the virtualizer once showed a row near 416,000 of 1M.
 */
async function keyboardEnd(
  timeoutMs: number,
): Promise<{ ms: number | null; reached: boolean; startedAt: number; seen: string }> {
  const grid = document.querySelector<HTMLElement>('[data-testid="lead-grid"]');
  if (!grid) throw new Error('no grid');
  grid.scrollTop = 0;
  await painted();
  grid.focus({ preventScroll: true });
  const rowCount = Number(grid.getAttribute('aria-rowcount'));
  const inView = () => {
    const row = document.querySelector(`[data-testid="lead-row"][aria-rowindex="${rowCount}"]`);
    if (!row) return false;
    const box = grid.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom + 1;
  };
  const startedAt = performance.now();
  grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
  try {
    const { paintedAt } = await until(inView, timeoutMs, 'the last row in view');
    return { ms: paintedAt - startedAt, reached: true, startedAt, seen: '' };
  } catch {
    // What the grid showed instead: its scroll and the rows drawn.
    const rows = [...document.querySelectorAll('[data-testid="lead-row"]')].map((r) =>
      Number(r.getAttribute('aria-rowindex')),
    );
    const seen = `scrollTop ${grid.scrollTop} of ${grid.scrollHeight - grid.clientHeight}, rows ${Math.min(...rows)}–${Math.max(...rows)} of ${rowCount}, active ${grid.getAttribute('aria-activedescendant')}, focus ${document.activeElement === grid}`;
    return { ms: null, reached: false, startedAt, seen };
  }
}

/** The longest main-thread task that started in [from, to] (page clock), or null without the API. */
function longestTask(from: number, to = Infinity): number | null {
  if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return null;
  return longTasks
    .filter((t) => t.start + t.duration >= from && t.start <= to)
    .reduce((m, t) => Math.max(m, t.duration), 0);
}

/** The longest input-to-paint of an interaction that started in [from, to] (INP-style; events under 16 ms are not recorded: 0), or null without the API. */
function longestEvent(from: number, to = Infinity): number | null {
  if (!PerformanceObserver.supportedEntryTypes?.includes('event')) return null;
  return events.filter((e) => e.start >= from - 1 && e.start <= to).reduce((m, e) => Math.max(m, e.duration), 0);
}

const probe = {
  now: () => performance.now(),
  lastInput: () => lastInput,
  gridState,
  waitGrid,
  waitSelector,
  waitText,
  waitMatch,
  textOf,
  navigate,
  coldStart,
  scrollThrough,
  keyboardEnd,
  longestTask,
  longestEvent,
};
export type BenchProbe = typeof probe;
(globalThis as unknown as { __benchProbe: BenchProbe }).__benchProbe = probe;
