// @vitest-environment jsdom
/**
 * The grid's virtualisation: past ITEMS_AT_MOST rows the virtualizer is handed rows in groups
 * (its per-item arrays are 20 bytes an item), and the rows drawn are the same as one item a row.
 */
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ITEMS_AT_MOST,
  MAX_SCROLL_PX,
  ROW_HEIGHT,
  offsetToShowRow,
  rowsNearView,
  rowsOfItems,
  rowsPerItem,
  useScaledVirtualizer,
} from './use-scaled-virtualizer';

const HEADER = 40;
const VIEWPORT = 600;

beforeAll(() => {
  // jsdom lays nothing out: give the scroller a viewport.
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => VIEWPORT });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => VIEWPORT });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

interface Seen {
  rows: number[];
  items: number;
  fast: boolean;
  flying: boolean;
  scroller: HTMLDivElement | null;
  scrollToRow: (index: number) => void;
  rerender: (count: number) => void;
}

/** Render the hook over `count` rows; what it drew, the virtualizer's own count, and a way to render it again. */
async function drawn(count: number, rowHeight = ROW_HEIGHT) {
  const seen: Seen = {
    rows: [],
    items: 0,
    fast: false,
    flying: false,
    scroller: null,
    scrollToRow: () => undefined,
    rerender: () => undefined,
  };
  function Grid({ rows: n }: { rows: number }) {
    const ref = useRef<HTMLDivElement>(null);
    const { virtualizer, rows, scrollToRow, fast, flying } = useScaledVirtualizer(n, ref, HEADER, rowHeight);
    seen.rows = rows.map((r) => r.index);
    seen.fast = fast;
    seen.flying = flying;
    seen.items = virtualizer.options.count;
    seen.scrollToRow = scrollToRow;
    return <div ref={(el) => void ((ref.current = el), (seen.scroller = el))} style={{ overflow: 'auto' }} />;
  }
  const { rerender } = render(<Grid rows={count} />);
  seen.rerender = (n) => rerender(<Grid rows={n} />);
  // The virtualizer measures its scroller after the first render, then draws.
  await waitFor(() => expect(seen.rows.length).toBeGreaterThan(0));
  return seen;
}

/** Scroll the scroller to `top` (jsdom lays nothing out: the value is kept and the event sent). */
function scrollTo(seen: Seen, top: number) {
  const scroller = seen.scroller!;
  let at = top;
  Object.defineProperty(scroller, 'scrollTop', { configurable: true, get: () => at, set: (v: number) => (at = v) });
  act(() => void scroller.dispatchEvent(new Event('scroll')));
}

const contiguous = (rows: number[]) => rows.every((r, k) => k === 0 || r === rows[k - 1]! + 1);

describe('useScaledVirtualizer: rows in groups past ITEMS_AT_MOST', () => {
  it('gives the virtualizer one item a row up to ITEMS_AT_MOST rows, then groups', () => {
    expect([1, 10_000, ITEMS_AT_MOST].map(rowsPerItem)).toEqual([1, 1, 1]);
    expect([ITEMS_AT_MOST + 1, 1_000_000, 10_000_000].map(rowsPerItem)).toEqual([2, 20, 200]);
  });

  it('draws each item as its rows, the last group as what is left', () => {
    expect(rowsOfItems([{ index: 0 }, { index: 1 }], 4, 6).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rowsOfItems([{ index: 2 }], 1, 10)).toEqual([{ index: 2, key: 2 }]);
    // Only the rows asked for, of items that hold more.
    expect(rowsOfItems([{ index: 0 }, { index: 1 }], 20, 100, { first: 15, last: 22 }).map((r) => r.index)).toEqual([
      15, 16, 17, 18, 19, 20, 21, 22,
    ]);
  });

  it('draws the rows near the view: those in it and OVERSCAN rows each side', () => {
    // A view at 1,000 px of 600 px below a 40 px header: rows 26 (960–996, under the header) to 43.
    expect(rowsNearView(1_000, VIEWPORT, HEADER, ROW_HEIGHT, 8, 1_000)).toEqual({ first: 18, last: 51 });
    expect(rowsNearView(0, VIEWPORT, HEADER, ROW_HEIGHT, 8, 1_000)).toEqual({ first: 0, last: 23 });
    // Past the end (a position not yet clamped): as many rows, the last ones.
    expect(rowsNearView(100_000, VIEWPORT, HEADER, ROW_HEIGHT, 8, 1_000)).toEqual({ first: 966, last: 999 });
    expect(rowsNearView(0, VIEWPORT, HEADER, ROW_HEIGHT, 8, 5)).toEqual({ first: 0, last: 4 });
  });

  it('flying (moves of a view or more in a row) draws only the rows in view, then the rows around them once it slows or ends; one jump is no fast scroll', async () => {
    // The rows the view touches: 560 px of 36 px rows, one cut at each edge.
    const inView = Math.ceil((VIEWPORT - HEADER) / ROW_HEIGHT) + 2;
    // One item a row (10,000) and groups of 6 (300,000).
    for (const count of [10_000, 300_000]) {
      const seen = await drawn(count);
      // One jump (End, Page Down, a click on the scroll bar): the rows around the view.
      scrollTo(seen, 2_000);
      expect([seen.fast, seen.flying]).toEqual([false, false]);
      const around = seen.rows.length;
      expect(around).toBeGreaterThan(inView + 8);
      // A row at a time is no fast scroll either.
      scrollTo(seen, 2_000 + ROW_HEIGHT);
      expect([seen.fast, seen.flying]).toEqual([false, false]);
      // Moves of two thirds of a view in a row: fast, the rows around the view still drawn.
      for (let k = 1; k <= 3; k++) scrollTo(seen, 2_000 + ROW_HEIGHT + k * 400);
      expect([seen.fast, seen.flying]).toEqual([true, false]);
      expect(seen.rows.length).toBe(around);
      // Jumps of many views, one after the other within one scroll: flying.
      scrollTo(seen, 3_000 * ROW_HEIGHT);
      const top = 5_000 * ROW_HEIGHT;
      scrollTo(seen, top);
      expect([seen.fast, seen.flying]).toEqual([true, true]);
      expect(seen.rows.length).toBeLessThanOrEqual(inView);
      expect(seen.rows).toContain(Math.floor((top - HEADER) / ROW_HEIGHT) + 1);
      expect(seen.rows).toContain(Math.floor((top + VIEWPORT - HEADER) / ROW_HEIGHT) - 1);
      expect(contiguous(seen.rows)).toBe(true);
      // Slowing to a row a move: the rows around the view again, before the scroll ends.
      scrollTo(seen, top + ROW_HEIGHT);
      expect([seen.fast, seen.flying]).toEqual([false, false]);
      expect(seen.rows.length).toBe(around);
      // Flying again, then the scroll ends (no scroll event for a while).
      scrollTo(seen, 7_000 * ROW_HEIGHT);
      scrollTo(seen, 9_000 * ROW_HEIGHT);
      expect(seen.flying).toBe(true);
      await waitFor(() => expect([seen.fast, seen.flying]).toEqual([false, false]));
      expect(seen.rows.length).toBe(around);
      cleanup();
    }
  });

  it('scrolls a row into view as little as it takes, clear of the header', () => {
    const view = { offset: 1_000, height: VIEWPORT };
    // Row 30 spans 1,120–1,156: in view below the header (1,040–1,600).
    expect(offsetToShowRow(30, ROW_HEIGHT, HEADER, view)).toBeNull();
    // Row 60 ends at 2,236: the view's end moves there.
    expect(offsetToShowRow(60, ROW_HEIGHT, HEADER, view)).toBe(40 + 61 * ROW_HEIGHT - VIEWPORT);
    // Row 26 starts at 976, under the header: the view starts a header above it.
    expect(offsetToShowRow(26, ROW_HEIGHT, HEADER, view)).toBe(26 * ROW_HEIGHT);
  });

  it('at a million rows, hands the virtualizer a twentieth of them and draws the first screen row by row', async () => {
    const million = await drawn(1_000_000);
    expect(million.items).toBe(50_000);
    const small = await drawn(1_000);
    expect(small.items).toBe(1_000);
    // The same screen: rows from the first, contiguous, covering the viewport, and at most twice it with the margin each side.
    for (const { rows } of [million, small]) {
      expect(rows[0]).toBe(0);
      expect(contiguous(rows)).toBe(true);
      expect(rows.length).toBeGreaterThanOrEqual(Math.ceil((VIEWPORT - HEADER) / ROW_HEIGHT));
      expect(rows.length).toBeLessThanOrEqual(2 * Math.ceil(VIEWPORT / ROW_HEIGHT) + 8);
    }
  });

  it('scrolled into the middle of 300,000 rows, draws the rows there', async () => {
    const seen = await drawn(300_000);
    expect(seen.items).toBe(50_000);
    scrollTo(seen, 150_000 * ROW_HEIGHT);
    expect(seen.rows[0]).toBeLessThanOrEqual(150_000);
    expect(seen.rows[seen.rows.length - 1]).toBeGreaterThanOrEqual(150_000 + Math.floor(VIEWPORT / ROW_HEIGHT) - 2);
    expect(contiguous(seen.rows)).toBe(true);
    expect(seen.rows.length).toBeLessThanOrEqual(2 * Math.ceil(VIEWPORT / ROW_HEIGHT) + 8);
  });

  it('in groups of 24 rows, follows a scroll row by row (the virtualizer hears of it every 24 rows)', async () => {
    // 1.2M rows 10 px tall: groups of 24, and not scaled (12 million px), so a row's place is its index's.
    const height = 10;
    const seen = await drawn(1_200_000, height);
    expect(seen.items).toBe(50_000);
    const lastInView = (top: number) => Math.floor((top + VIEWPORT - HEADER) / height);
    for (let top = 0; top <= 60 * height; top += height) {
      scrollTo(seen, top);
      expect(seen.rows).toContain(lastInView(top));
      expect(seen.rows).toContain(Math.floor(top / height));
      expect(contiguous(seen.rows)).toBe(true);
      expect(seen.rows.length).toBeLessThanOrEqual(2 * Math.ceil(VIEWPORT / height) + 8);
    }
  });

  it('draws the same rows after the count moves to groups of another size with as many items', async () => {
    // 600,000 and 800,000 rows are both 50,000 items: of 12 rows, then of 16.
    const fresh = await drawn(800_000);
    scrollTo(fresh, 7_000_000);
    const want = fresh.rows;
    cleanup();
    const moved = await drawn(600_000);
    scrollTo(moved, 7_000_000);
    act(() => moved.rerender(800_000));
    expect(moved.items).toBe(50_000);
    expect(moved.rows).toEqual(want);
  });

  it('scrolls a far row into view past the scaled height (End at 1M rows: the last row, not one near 416,000)', async () => {
    const seen = await drawn(1_000_000);
    // Past MAX_SCROLL_PX the element is at most that tall: its scrollTop is scaled to the rows.
    seen.scrollToRow(999_999);
    const top = seen.scroller!.scrollTop;
    expect(top).toBeGreaterThan(MAX_SCROLL_PX - 2 * VIEWPORT);
    expect(top).toBeLessThanOrEqual(MAX_SCROLL_PX);
    scrollTo(seen, top);
    expect(seen.rows).toContain(999_999);
    // One row down from a view in the middle moves the view by about a row, not back by a quarter of a million.
    const middle = 10_000_000;
    scrollTo(seen, middle);
    const below = seen.rows[seen.rows.length - 1]! + 1;
    seen.scrollToRow(below);
    expect(Math.abs(seen.scroller!.scrollTop - middle)).toBeLessThan(30 * ROW_HEIGHT);
    // At the bottom, then back at the top and End pressed before the virtualizer hears of that
    // scroll: the move starts from where the element is, not where the virtualizer last saw it.
    scrollTo(seen, MAX_SCROLL_PX + HEADER);
    expect(seen.rows).toContain(999_999);
    let at = 0;
    Object.defineProperty(seen.scroller!, 'scrollTop', {
      configurable: true,
      get: () => at,
      set: (v: number) => (at = v),
    });
    seen.scrollToRow(999_999);
    expect(at).toBeGreaterThan(MAX_SCROLL_PX - 2 * VIEWPORT);
  });
});
