/**
 * Row virtualisation for up to millions of rows. Chromium caps an element's height at about
 * 33.5 million px, so past MAX_SCROLL_PX the scroll position is scaled: the spacer is at most
 * MAX_SCROLL_PX tall, TanStack Virtual is told the offset in "virtual" pixels (scrollTop ×
 * scale), and rows are drawn relative to the real scrollTop.
 *
 * TanStack Virtual keeps 20 bytes per item it is given (each item's start and size, and its key):
 * 20 MB on the page at a million rows. Past ITEMS_AT_MOST rows, it is given rows in groups of
 * `rowsPerItem` (each group as tall as its rows) and the visible groups' rows are drawn, those
 * within OVERSCAN_ROWS of the viewport (a group of 20 rows draws no more rows than 20 items would).
 */
import { elementScroll, observeElementOffset, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

export const ROW_HEIGHT = 36;
/** The compact density's row height. */
export const COMPACT_ROW_HEIGHT = 28;
export const MAX_SCROLL_PX = 15_000_000;
/** Rows drawn beyond the viewport on each side. */
const OVERSCAN_ROWS = 8;
/** The most items the virtualizer is given (1 MB of its per-item arrays). */
export const ITEMS_AT_MOST = 50_000;

/** How many rows one virtualizer item holds for `count` rows: 1 up to ITEMS_AT_MOST rows. */
export const rowsPerItem = (count: number) => Math.max(1, Math.ceil(count / ITEMS_AT_MOST));

/** A row to draw: its index, and the key React keeps its element by. */
export interface VirtualRow {
  index: number;
  key: number;
}

/**
 * The rows of the virtualizer's items (`group` rows an item; the last holds what is left of
 * `count`), those from row `within.first` to `within.last` (both drawn) when given.
 */
export function rowsOfItems(
  items: readonly { index: number }[],
  group: number,
  count: number,
  within: { first: number; last: number } = { first: 0, last: Infinity },
): VirtualRow[] {
  const rows: VirtualRow[] = [];
  for (const item of items) {
    const from = Math.max(item.index * group, within.first);
    const to = Math.min(count, (item.index + 1) * group, within.last + 1);
    for (let index = from; index < to; index++) rows.push({ index, key: index });
  }
  return rows;
}

/**
 * The rows within `overscan` rows of a view at `offset` (virtual pixels, rows starting below a
 * header of `headerHeight`) of `height` pixels, of `count` rows: the first and last row to draw.
 * A view past the end (a scroll position not yet clamped) draws as many rows, the last ones.
 */
export function rowsNearView(
  offset: number,
  height: number,
  headerHeight: number,
  rowHeight: number,
  overscan: number,
  count: number,
): { first: number; last: number } {
  const first = Math.floor((offset - headerHeight) / rowHeight) - overscan;
  const last = Math.floor((offset + height - headerHeight) / rowHeight) + overscan;
  const end = Math.min(last, count - 1);
  return { first: Math.max(0, Math.min(first, end - (last - first))), last: end };
}

/**
 * Where to scroll (the virtualizer's offset, in virtual pixels) so that row `index` shows below
 * the header of `headerHeight`, or null when it already does: as the virtualizer's `scrollToIndex`
 * with 'auto' alignment does for an item of its own.
 */
export function offsetToShowRow(
  index: number,
  rowHeight: number,
  headerHeight: number,
  view: { offset: number; height: number },
): number | null {
  const start = headerHeight + index * rowHeight;
  if (start + rowHeight >= view.offset + view.height) return start + rowHeight - view.height;
  if (start <= view.offset + headerHeight) return start - headerHeight;
  return null;
}

export function useScaledVirtualizer(
  count: number,
  scrollRef: RefObject<HTMLDivElement | null>,
  headerHeight: number,
  rowHeight = ROW_HEIGHT,
) {
  const scaleRef = useRef(1);
  // The box's height as the virtualizer last observed it (its ResizeObserver): reading the element's
  // clientHeight or scrollTop here, while rendering, would force a layout on every scroll frame.
  const heightRef = useRef(600);
  const total = count * rowHeight;
  const viewport = Math.max(1, heightRef.current - headerHeight);
  const spacer = Math.min(total, MAX_SCROLL_PX);
  scaleRef.current = total > MAX_SCROLL_PX ? (total - viewport) / (MAX_SCROLL_PX - viewport) : 1;
  const group = rowsPerItem(count);
  // A new key function whenever the items' sizes change with no change of their number (600,000 and
  // 800,000 rows are both 200,000 items, of 3 and of 4 rows): the virtualizer measures them again.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the dependencies are the point: a new function on a new shape
  const itemKey = useCallback((item: number) => item, [group, count, rowHeight]);
  // The virtualizer renders again when its range of items moves (every `group` rows): in groups, the
  // top row in view and the view's height are followed too, so the rows near the view are drawn as
  // it moves row by row. (The observers are set once per scroller: they read the shape through a ref.)
  // Only when the virtualizer did not render for the move itself (it renders at once while
  // scrolling, flushSync): a second render of the same rows would cost a jump (End) its frame.
  const [, followTopRow] = useState(0);
  const [, followHeight] = useState(0);
  const shapeRef = useRef({ group, headerHeight, rowHeight });
  shapeRef.current = { group, headerHeight, rowHeight };
  const rendersRef = useRef(0);
  rendersRef.current++;
  // How fast a scroll goes, from its moves in a row (one jump, End or Page Down, is no fast scroll):
  // - fast: two or more moves of half a view or more each. The grid draws plain cells.
  // - flying: two or more moves of a whole view or more each. The page paints a scroll position
  //   before its scroll event arrives, so the rows drawn for one move are out of view by the next
  //   paint, overscan or not: only the rows in view are drawn, as empty rows until the scroll slows
  //   or ends (the grid asks for no rows meanwhile), and a frame restyles a few hundred elements.
  // Counted as the element's scroll events arrive (a new count or row height moves no row).
  const motion = useRef({ offset: 0, fast: 0, flying: 0 });
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: Math.ceil(count / group),
    getItemKey: itemKey,
    getScrollElement: () => scrollRef.current,
    // The last group holds what is left.
    estimateSize: (item) => Math.min(group, count - item * group) * rowHeight,
    overscan: Math.ceil(OVERSCAN_ROWS / group),
    // Rows start below the sticky header inside the scroller; keyboard moves keep a row clear of it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, scrolling) => {
        const at = offset * scaleRef.current;
        const move = scrolling ? Math.abs(at - motion.current.offset) / heightRef.current : 0;
        const { fast, flying } = motion.current;
        motion.current = { offset: at, fast: move >= 0.5 ? fast + 1 : 0, flying: move >= 1 ? flying + 1 : 0 };
        const renders = rendersRef.current;
        cb(at, scrolling);
        const shape = shapeRef.current;
        if (shape.group > 1 && rendersRef.current === renders)
          followTopRow(Math.floor((offset * scaleRef.current - shape.headerHeight) / shape.rowHeight));
      }),
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => {
        const renders = rendersRef.current;
        cb(rect);
        if (shapeRef.current.group > 1 && rendersRef.current === renders) followHeight(rect.height);
      }),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scaleRef.current, options, instance),
  });
  if (virtualizer.scrollRect) heightRef.current = virtualizer.scrollRect.height;
  // A new scale (the count moved past MAX_SCROLL_PX's rows): the virtualizer holds the offset scaled
  // the old way until the element scrolls. Told at once, before the paint, as a scroll would tell it.
  const scaledAt = useRef(scaleRef.current);
  useLayoutEffect(() => {
    if (scaledAt.current === scaleRef.current) return;
    scaledAt.current = scaleRef.current;
    // Not a move: the same scroll position, read at the new scale.
    motion.current = { offset: (scrollRef.current?.scrollTop ?? 0) * scaleRef.current, fast: 0, flying: 0 };
    scrollRef.current?.dispatchEvent(new Event('scroll'));
  });
  // The element's scrollTop as last reported by its scroll event (the virtualizer holds it scaled).
  const scrollTop = (virtualizer.scrollOffset ?? 0) / scaleRef.current;
  /** Where to draw an item whose virtual start is `start`, in spacer pixels. */
  const position = (start: number) => scrollTop + (start - scrollTop * scaleRef.current);
  const items = virtualizer.getVirtualItems();
  const offset = virtualizer.scrollOffset ?? 0;
  const viewHeight = virtualizer.scrollRect?.height ?? heightRef.current;
  const fast = motion.current.fast >= 2;
  const flying = motion.current.flying >= 2;
  // In groups, or flying: only the rows near the view (an item of 20 rows half in view draws its rows in view).
  const near =
    group === 1 && !flying
      ? undefined
      : rowsNearView(offset, viewHeight, headerHeight, rowHeight, flying ? 0 : OVERSCAN_ROWS, count);
  const first = near?.first ?? 0;
  const last = near?.last ?? Infinity;
  const rows = useMemo(() => rowsOfItems(items, group, count, { first, last }), [items, group, count, first, last]);
  /**
   * Scroll row `index` into view, as little as it takes (the virtualizer's 'auto' alignment, for a
   * row of a group). The element is scrolled itself: the virtualizer would hold a scaled offset to
   * the element's real height (past MAX_SCROLL_PX, End showed a row near 416,000 of 1M).
   */
  const scrollToRow = (index: number) => {
    if (group === 1) return virtualizer.scrollToIndex(index, { align: 'auto' });
    const el = scrollRef.current;
    if (!el) return;
    // Where the element is now (a key pressed in the frame after a scroll: the virtualizer is told a frame later).
    const view = {
      offset: el.scrollTop * scaleRef.current,
      height: virtualizer.scrollRect?.height ?? heightRef.current,
    };
    const to = offsetToShowRow(index, rowHeight, headerHeight, view);
    if (to !== null) el.scrollTop = Math.max(0, to / scaleRef.current);
  };
  return { virtualizer, rows, scrollToRow, spacerHeight: spacer, position, fast, flying };
}
