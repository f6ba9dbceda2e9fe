/**
 * Paging a time axis from its newest end: page 0 holds the newest `size` periods, page 1
 * the ones before them, and so on; the oldest page may be shorter. Out-of-range pages clamp.
 */
export interface PageWindow {
  /** Index of the first and one past the last period shown (oldest first). */
  first: number;
  end: number;
  /** The page shown (after clamping) and how many there are. */
  page: number;
  pages: number;
}

export function pageWindow(total: number, size: number, page: number): PageWindow {
  const n = Math.max(1, Math.floor(size));
  const pages = Math.max(1, Math.ceil(total / n));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  const end = Math.max(0, total - p * n);
  return { first: Math.max(0, end - n), end, page: p, pages };
}
