/**
 * Row virtualisation for up to millions of rows. Chromium caps an element's height at about
 * 33.5 million px, so past MAX_SCROLL_PX the scroll position is scaled: the spacer is at most
 * MAX_SCROLL_PX tall, TanStack Virtual is told the offset in "virtual" pixels (scrollTop ×
 * scale), and rows are drawn relative to the real scrollTop.
 */
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type RefObject } from 'react';

export const ROW_HEIGHT = 36;
/** The compact density's row height. */
export const COMPACT_ROW_HEIGHT = 28;
export const MAX_SCROLL_PX = 15_000_000;

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
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Rows start below the sticky header inside the scroller; keyboard moves keep a row clear of it.
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    observeElementOffset: (instance, cb) =>
      observeElementOffset(instance, (offset, scrolling) => cb(offset * scaleRef.current, scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scaleRef.current, options, instance),
  });
  if (virtualizer.scrollRect) heightRef.current = virtualizer.scrollRect.height;
  // The element's scrollTop as last reported by its scroll event (the virtualizer holds it scaled).
  const scrollTop = (virtualizer.scrollOffset ?? 0) / scaleRef.current;
  /** Where to draw an item whose virtual start is `start`, in spacer pixels. */
  const position = (start: number) => scrollTop + (start - scrollTop * scaleRef.current);
  return { virtualizer, spacerHeight: spacer, position };
}
