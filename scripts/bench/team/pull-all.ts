/**
 * A client's pull from a cursor, page after page, as a fresh replica's first sync does: until
 * `stopAfter` changes arrived or the server says there is no more. Counts the changes by kind.
 */
import type { TeamApi } from './api';

export interface PullResult {
  ms: number;
  changes: number;
  pages: number;
  byKind: Record<string, number>;
}

export async function pullAll(
  api: TeamApi,
  token: string,
  pageSize: number,
  stopAfter = Number.POSITIVE_INFINITY,
): Promise<PullResult> {
  const started = performance.now();
  const byKind: Record<string, number> = {};
  let cursor = 0;
  let changes = 0;
  let pages = 0;
  for (;;) {
    const page = await api.pull(token, cursor, Math.min(pageSize, stopAfter - changes));
    pages++;
    changes += page.changes.length;
    for (const c of page.changes) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    cursor = page.cursor;
    if (!page.more || changes >= stopAfter) break;
  }
  return { ms: performance.now() - started, changes, pages, byKind };
}
