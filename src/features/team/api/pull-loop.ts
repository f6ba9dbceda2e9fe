/**
 * Pages after the stored cursor until the server has no more, each applied in its own transaction
 * with its cursor (sync-pull-repo.ts). The next page is asked for while one is applied (its cursor
 * is in the answer): the server and the wire work while this browser writes. A page fetched ahead
 * and not applied (the apply failed, the round ended) is dropped; the stored cursor says where the
 * next round starts, so nothing is skipped or applied twice.
 */
import type { LeadsDb } from '../../../db/leads-db';
import { applyPulledPage } from '../../../db/repos/sync-pull-repo';
import { getCursor } from '../../../db/repos/sync-state-repo';
import { pull, type PullAnswer } from './team-client';

export interface PullLoopTimes {
  pages: number;
  /** Time spent waiting for a page to arrive (not hidden behind the previous page's apply). */
  waitMs: number;
  applyMs: number;
}

export async function pullToEnd(
  db: LeadsDb,
  serverUrl: string,
  token: () => Promise<string>,
  deviceId: string,
): Promise<PullLoopTimes> {
  const times: PullLoopTimes = { pages: 0, waitMs: 0, applyMs: 0 };
  const ask = async (cursor: number): Promise<PullAnswer> => pull(serverUrl, await token(), cursor);
  let next = ask(await getCursor(db));
  for (;;) {
    const t0 = performance.now();
    const page = await next;
    const t1 = performance.now();
    if (page.more) {
      next = ask(page.cursor);
      // Awaited at the top of the next turn; if this page's apply throws first, it is not awaited.
      next.catch(() => undefined);
    }
    await applyPulledPage(db, page, deviceId);
    times.pages++;
    times.waitMs += t1 - t0;
    times.applyMs += performance.now() - t1;
    if (!page.more) return times;
  }
}
