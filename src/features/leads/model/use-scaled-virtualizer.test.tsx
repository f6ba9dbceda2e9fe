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
  ROW_HEIGHT,
  offsetToShowRow,
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

/** Render the hook over `count` rows; what it drew and the virtualizer's own count. */
async function drawn(count: number) {
  const seen: { rows: number[]; items: number; scroller: HTMLDivElement | null } = {
    rows: [],
    items: 0,
    scroller: null,
  };
  function Grid() {
    const ref = useRef<HTMLDivElement>(null);
    const { virtualizer, rows } = useScaledVirtualizer(count, ref, HEADER);
    seen.rows = rows.map((r) => r.index);
    seen.items = virtualizer.options.count;
    return <div ref={(el) => void ((ref.current = el), (seen.scroller = el))} style={{ overflow: 'auto' }} />;
  }
  render(<Grid />);
  // The virtualizer measures its scroller after the first render, then draws.
  await waitFor(() => expect(seen.rows.length).toBeGreaterThan(0));
  return seen;
}

const contiguous = (rows: number[]) => rows.every((r, k) => k === 0 || r === rows[k - 1]! + 1);

describe('useScaledVirtualizer: rows in groups past ITEMS_AT_MOST', () => {
  it('gives the virtualizer one item a row up to ITEMS_AT_MOST rows, then groups', () => {
    expect([1, 100_000, ITEMS_AT_MOST].map(rowsPerItem)).toEqual([1, 1, 1]);
    expect([ITEMS_AT_MOST + 1, 1_000_000, 10_000_000].map(rowsPerItem)).toEqual([2, 4, 40]);
  });

  it('draws each item as its rows, the last group as what is left', () => {
    expect(rowsOfItems([{ index: 0 }, { index: 1 }], 4, 6).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(rowsOfItems([{ index: 2 }], 1, 10)).toEqual([{ index: 2, key: 2 }]);
  });

  it('scrolls a row into view as little as it takes, clear of the header', () => {
    const view = { offset: 1_000, height: VIEWPORT };
    // Row 30 spans 1,120–1,156: in view below the header (1,040–1,600).
    expect(offsetToShowRow(30, ROW_HEIGHT, HEADER, view)).toBeNull();
    // Row 60 ends at 2,236: the view's end moves there.
    expect(offsetToShowRow(60, ROW_HEIGHT, HEADER, view)).toEqual({ offset: 40 + 61 * ROW_HEIGHT, align: 'end' });
    // Row 26 starts at 976, under the header: the view starts a header above it.
    expect(offsetToShowRow(26, ROW_HEIGHT, HEADER, view)).toEqual({ offset: 26 * ROW_HEIGHT, align: 'start' });
  });

  it('at a million rows, hands the virtualizer a quarter of them and draws the first screen row by row', async () => {
    const million = await drawn(1_000_000);
    expect(million.items).toBe(250_000);
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
    expect(seen.items).toBe(150_000);
    const scroller = seen.scroller!;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 150_000 * ROW_HEIGHT });
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    expect(seen.rows[0]).toBeLessThanOrEqual(150_000);
    expect(seen.rows[seen.rows.length - 1]).toBeGreaterThanOrEqual(150_000 + Math.floor(VIEWPORT / ROW_HEIGHT) - 2);
    expect(contiguous(seen.rows)).toBe(true);
    expect(seen.rows.length).toBeLessThanOrEqual(2 * Math.ceil(VIEWPORT / ROW_HEIGHT) + 8);
  });
});
